"use server";

import { z } from "zod";
import { formAction, ok } from "@/lib/actions/action";
import { actionsOf } from "@/lib/actions/row-action";
import { formList } from "@/lib/form-fields";
import { buyCreditsPrompt, type BuyCreditsPrompt } from "@/lib/iap/insufficient-credits";
import { createRule, removeRule, setRuleActive } from "@/lib/visitors/rules";
import { revealShortage, runVisitsToLeads } from "@/lib/visitors/run-rules";
import { ruleSchema, siteSchema } from "@/lib/visitors/schemas";
import { registerSite, removeSite } from "@/lib/visitors/sites";
import { idField } from "@/lib/http/params";

const PATH = "/settings/lead-generation";
const recordId = idField("leads.recordGone");
const page = actionsOf({ role: "ADMIN", messages: "leads.settings", revalidate: [PATH] });

export const registerSiteAction = page.formAction({
  input: siteSchema,
  async run({ user, input, t }) {
    const site = await registerSite(user.companyId, input);
    return ok(t("websites.registered", { name: site.name }));
  },
});

export const removeSiteAction = page.rowAction({
  input: z.object({ siteId: recordId }),
  run: ({ user, input }) => removeSite(user.companyId, input.siteId),
  answers: { true: { ok: true }, false: { refuse: "websites.notFound" } },
});

export const createRuleAction = page.formAction({
  input: ruleSchema.extend({
    countries: formList(ruleSchema.shape.countries),
    active: z.preprocess((value) => value === "on", z.boolean()),
  }),
  async run({ user, input, t }) {
    await createRule(user.companyId, input);
    return ok(t("rules.saved", { name: input.name }));
  },
});

export const setRuleActiveAction = page.rowAction({
  input: z.object({ ruleId: recordId, active: z.enum(["true", "false"]).transform((value) => value === "true") }),
  run: ({ user, input }) => setRuleActive(user.companyId, input.ruleId, input.active),
  answers: { true: { ok: true }, false: { refuse: "rules.notFound" } },
});

export const removeRuleAction = page.rowAction({
  input: z.object({ ruleId: recordId }),
  run: ({ user, input }) => removeRule(user.companyId, input.ruleId),
  answers: { true: { ok: true }, false: { refuse: "rules.notFound" } },
});

/** "Run rules now": the work of the "visitors.rules" job, for this company's rules only. A rule stopped for credits comes back with the buy prompt. */
export const runRulesNowAction = formAction({
  role: "ADMIN",
  input: z.object({}),
  messages: "leads.settings",
  revalidate: [PATH, "/leads"],
  async run({ user, t }) {
    const { resolved, rules } = await runVisitsToLeads({ companyId: user.companyId });
    const revealed = rules.reduce((sum, r) => sum + r.revealed, 0);
    const updated = rules.reduce((sum, r) => sum + r.updated, 0);
    const summary = { processed: resolved.processed, revealed, updated };
    const message = !rules.length ? t("run.noRule") : rules.some((r) => r.stopped === "daily-limit") ? t("run.summaryLimit", summary) : t("run.summary", summary);
    const stopped = rules.some((r) => r.stopped === "insufficient-credits");
    return ok<{ shortage?: BuyCreditsPrompt }>(message, stopped ? { shortage: buyCreditsPrompt(await revealShortage(user.companyId), "revealVisitors") } : {});
  },
});
