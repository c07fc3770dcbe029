"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { insufficientCreditsProps, type InsufficientCreditsProps } from "@/components/insufficient-credits-notice";
import { authorizeAction } from "@/lib/auth/session";
import { createRule, removeRule, setRuleActive } from "@/lib/visitors/rules";
import { revealShortage, runVisitsToLeads } from "@/lib/visitors/run-rules";
import { ruleSchema, siteSchema, type FormState } from "@/lib/visitors/schemas";
import { registerSite, removeSite } from "@/lib/visitors/sites";

const PATH = "/settings/lead-generation";
const REVEAL_ACTION = "to reveal more website visitors (Lead Generation)";
const id = z.number().int().positive();

export async function registerSiteAction(_prev: FormState, formData: FormData): Promise<FormState<"name" | "origins">> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  const parsed = siteSchema.safeParse({ name: formData.get("name"), origins: formData.get("origins") ?? "" });
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const site = await registerSite(user.companyId, parsed.data);
  revalidatePath(PATH);
  return { ok: true, message: `${site.name} registered: copy its snippet into every page of the site.` };
}

export async function removeSiteAction(siteId: number): Promise<void> {
  const { user } = await authorizeAction("ADMIN");
  if (!user || !id.safeParse(siteId).success) return;
  await removeSite(user.companyId, siteId);
  revalidatePath(PATH);
}

export async function createRuleAction(_prev: FormState, formData: FormData): Promise<FormState<"name" | "countries" | "urlPatterns" | "minPageViews" | "maxLeadsPerDay">> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  const parsed = ruleSchema.safeParse({
    name: formData.get("name"),
    countries: formData.getAll("countries"),
    urlPatterns: formData.get("urlPatterns") ?? "",
    minPageViews: formData.get("minPageViews"),
    maxLeadsPerDay: formData.get("maxLeadsPerDay"),
    active: formData.get("active") === "on",
  });
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  await createRule(user.companyId, parsed.data);
  revalidatePath(PATH);
  return { ok: true, message: `Rule “${parsed.data.name}” saved.` };
}

export async function setRuleActiveAction(ruleId: number, active: boolean): Promise<void> {
  const { user } = await authorizeAction("ADMIN");
  if (!user || !id.safeParse(ruleId).success || typeof active !== "boolean") return;
  await setRuleActive(user.companyId, ruleId, active);
  revalidatePath(PATH);
}

export async function removeRuleAction(ruleId: number): Promise<void> {
  const { user } = await authorizeAction("ADMIN");
  if (!user || !id.safeParse(ruleId).success) return;
  await removeRule(user.companyId, ruleId);
  revalidatePath(PATH);
}

export interface RunState {
  ok: boolean;
  message: string;
  insufficient?: InsufficientCreditsProps;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Run rules now": the same job the scheduler runs, for this company's rules only. */
export async function runRulesNowAction(_prev: RunState): Promise<RunState> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  const { resolved, rules } = await runVisitsToLeads({ companyId: user.companyId });
  revalidatePath(PATH);
  revalidatePath("/leads");
  const revealed = rules.reduce((sum, r) => sum + r.revealed, 0);
  const updated = rules.reduce((sum, r) => sum + r.updated, 0);
  const parts = [`${plural(resolved.processed, "new page view")} processed`, `${plural(revealed, "organisation")} revealed`, `${plural(updated, "lead")} updated`];
  if (rules.some((r) => r.stopped === "daily-limit")) parts.push("a rule reached its daily limit");
  const message = rules.length ? `${parts.join(", ")}.` : "No active rule: add one below.";
  if (!rules.some((r) => r.stopped === "insufficient-credits")) return { ok: true, message };
  return { ok: false, message, insufficient: insufficientCreditsProps(await revealShortage(user.companyId), REVEAL_ACTION) };
}
