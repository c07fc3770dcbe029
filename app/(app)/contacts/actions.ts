"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { action, formAction, ok, refuse } from "@/lib/actions/action";
import { contactIdsMatching, createContact } from "@/lib/contacts/contacts";
import { contactSchema } from "@/lib/contacts/schemas";
import { applyFormEnrichments, enrichContact } from "@/lib/enrichment/autocomplete";
import { enrichSchema, type EnrichFill } from "@/lib/enrichment/schemas";
import { contactPath } from "@/lib/routes";
import type { ContactFormValues } from "./_components/contact-values";
import { loadPriceTable } from "@/lib/sms/pricing";
import { massSmsSelectionSchema, massSmsSendSchema, type MassSmsPreview, type MassSmsStatus } from "@/lib/sms/schemas";
import { planMassSms, priceGroups } from "@/lib/sms/mass-sms/plan";
import { massSmsProgress } from "@/lib/sms/mass-sms/progress";
import { queueMassSms } from "@/lib/sms/mass-sms/queue";
import { smsRefusalText } from "./_messages/sms-refusals";
import { textField } from "@/lib/http/params";

/** lib/enrichment gives the balance as an English figure ("1,234.5"): the same exact number in the reader's format, and its plural count. */
function creditsLeft(figure: string, locale: string): { left: string; count: number } {
  const plain = figure.replace(/,/g, "");
  const decimals = plain.includes(".") ? plain.length - plain.indexOf(".") - 1 : 0;
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return { left: format.format(plain as unknown as number), count: Number(plain) };
}

const newContactInput = contactSchema.extend({ partnerAutocompleteKey: textField().max(100).optional() });

// It answers only when refused (success redirects); typed like the update's answer, as both feed one form.
export const createContactAction = formAction<"ANY", typeof newContactInput, ContactFormValues>({
  role: "ANY",
  input: newContactInput,
  async run({ user, input: { partnerAutocompleteKey, ...fields } }) {
    const contact = await createContact(user.companyId, fields);
    await applyFormEnrichments(user.companyId, contact.id, partnerAutocompleteKey, user.id);
    // Here, not the wrapper's `revalidate`: redirect() throws, so a refresh after the success would never run.
    revalidatePath("/contacts");
    redirect(`${contactPath(contact.id)}?created=1`);
  },
});

async function selectedIds(companyId: number, selection: z.output<typeof massSmsSelectionSchema>): Promise<number[]> {
  return "ids" in selection ? selection.ids : contactIdsMatching(companyId, selection.q);
}

export const previewMassSmsAction = action({
  role: "ANY",
  input: massSmsSelectionSchema,
  messages: "sms.mass",
  async run({ user, input, t }) {
    const [plan, prices] = await Promise.all([planMassSms(user.companyId, await selectedIds(user.companyId, input)), loadPriceTable()]);
    if (plan.total === 0) return refuse(t("noneExist"));
    return ok<MassSmsPreview>(undefined, {
      total: plan.total,
      recipients: plan.recipients.length,
      duplicates: plan.duplicates.length,
      skipped: plan.skipped,
      priceGroups: priceGroups(plan, prices),
    });
  },
});

export const startMassSmsAction = action({
  role: "ANY",
  input: massSmsSendSchema,
  attempt: "sendMassSms",
  messages: "sms",
  async run({ user, input, t }) {
    const contactIds = await selectedIds(user.companyId, input.selection);
    const queued = await queueMassSms({ companyId: user.companyId, userId: user.id, contactIds, body: input.body, idempotencyKey: input.clientId });
    if (queued.status === "invalid") return refuse(smsRefusalText(t, queued.refusal));
    if (queued.status === "insufficient") throw queued.error;
    // Background jobs send the batch (lib/sms/mass-sms/run.ts), resuming it
    // after any restart; the dialog polls massSmsProgressAction to show how far it got.
    return ok<MassSmsStatus>(t("mass.queued", { count: queued.messages }), { batchKey: queued.batchKey });
  },
});

export const massSmsProgressAction = action({
  role: "ANY",
  input: textField().min(8).max(100),
  async run({ user, input: batchKey }) {
    const { credits: _credits, batchKey: _key, ...progress } = await massSmsProgress(user.companyId, batchKey);
    return ok<MassSmsStatus>(undefined, { batchKey, progress });
  },
});

/** Partner Autocomplete's pick: 1 credit, once per contact (or unsaved form) and company. */
export const enrichContactAction = action({
  role: "ANY",
  input: enrichSchema,
  messages: "contacts.autocomplete",
  // An unsaved form's pick has no page to refresh.
  revalidate: (input) => (input.contactId ? [contactPath(input.contactId)] : []),
  async run({ user, input, t }) {
    const locale = await getLocale();
    const result = await enrichContact({ ...input, companyId: user.companyId, userId: user.id });
    if (result.status === "not-found") return refuse(t("notFound"));
    if (result.status === "insufficient") throw result.error;
    return ok<EnrichFill>(t(result.replayed ? "filledReplayed" : "filled", { company: result.company, ...creditsLeft(result.creditsLeft, locale) }), {
      fill: result.fill as EnrichFill["fill"],
    });
  },
});
