"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { insufficientCreditsProps } from "@/components/insufficient-credits-notice";
import { authorizeAction } from "@/lib/auth/session";
import { contactIdsMatching, createContact } from "@/lib/contacts/contacts";
import { applyFormEnrichments, enrichContact } from "@/lib/enrichment/autocomplete";
import { enrichSchema, type EnrichResponse } from "@/lib/enrichment/schemas";
import { contactSchema } from "@/lib/contacts/schemas";
import type { ContactFormState } from "@/lib/contacts/schemas";
import { loadPriceTable } from "@/lib/sms/pricing";
import { massSmsSelectionSchema, massSmsSendSchema, type MassSmsPreview, type MassSmsStatus } from "@/lib/sms/schemas";
import { massSmsProgress, planMassSms, priceGroups, queueMassSms, runMassSmsBatch } from "@/lib/sms/send-mass-sms";
import { formDataOf, textField } from "@/lib/http/params";

function contactFields(formData: FormData) {
  return Object.fromEntries(["name", "email", "phone", "mobile", "country", "street", "city", "zip"].map((key) => [key, formData.get(key) ?? ""]));
}

export async function createContactAction(_prev: ContactFormState, formData: FormData): Promise<ContactFormState> {
  formData = formDataOf(formData);
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error };
  const parsed = contactSchema.safeParse(contactFields(formData));
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const contact = await createContact(user.companyId, parsed.data);
  await applyFormEnrichments(user.companyId, contact.id, formData.get("partnerAutocompleteKey")?.toString(), user.id);
  revalidatePath("/contacts");
  redirect(`/contacts/${contact.id}?created=1`);
}

async function selectedIds(companyId: number, selection: z.output<typeof massSmsSelectionSchema>): Promise<number[]> {
  return "ids" in selection ? selection.ids : contactIdsMatching(companyId, selection.q);
}

export async function previewMassSmsAction(input: unknown): Promise<MassSmsPreview> {
  const empty = { total: 0, recipients: 0, duplicates: 0, skipped: [], priceGroups: [] };
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error, ...empty };
  const parsed = massSmsSelectionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Select at least one contact.", ...empty };
  const [plan, prices] = await Promise.all([planMassSms(user.companyId, await selectedIds(user.companyId, parsed.data)), loadPriceTable()]);
  if (plan.total === 0) return { ok: false, message: "None of the selected contacts exist (any more): select them again.", ...empty };
  return {
    ok: true,
    message: "",
    total: plan.total,
    recipients: plan.recipients.length,
    duplicates: plan.duplicates.length,
    skipped: plan.skipped,
    priceGroups: priceGroups(plan, prices),
  };
}

export async function startMassSmsAction(input: unknown): Promise<MassSmsStatus> {
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error };
  const parsed = massSmsSendSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: z.flattenError(parsed.error).formErrors[0] ?? "Check the message." };
  const contactIds = await selectedIds(user.companyId, parsed.data.selection);
  const queued = await queueMassSms({ companyId: user.companyId, userId: user.id, contactIds, body: parsed.data.body, idempotencyKey: parsed.data.clientId });
  if (queued.status === "invalid") return { ok: false, message: queued.message };
  if (queued.status === "insufficient") {
    return { ok: false, message: "Not enough credits.", insufficient: insufficientCreditsProps(queued.error, "to send these SMS") };
  }
  // The batch is sent after the response, so a large one doesn't hold the
  // request; the dialog polls massSmsProgressAction to show how far it got.
  const companyId = user.companyId;
  after(() => runMassSmsBatch(companyId, queued.batchKey));
  return { ok: true, message: `Sending ${queued.messages} SMS…`, batchKey: queued.batchKey };
}

export async function massSmsProgressAction(batchKey: string): Promise<MassSmsStatus> {
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error };
  const key = textField().min(8).max(100).safeParse(batchKey);
  if (!key.success) return { ok: false, message: "Unknown batch." };
  const { credits: _credits, batchKey: _key, ...progress } = await massSmsProgress(user.companyId, key.data);
  return { ok: true, message: "", batchKey: key.data, progress };
}

/** Partner Autocomplete's pick: 1 credit, once per contact (or unsaved form) and company. */
export async function enrichContactAction(input: unknown): Promise<EnrichResponse> {
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error };
  const parsed = enrichSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Choose a company from the suggestions." };
  const result = await enrichContact({ ...parsed.data, companyId: user.companyId, userId: user.id });
  if (result.status === "not-found") return { ok: false, message: "This contact or company does not exist (any more)." };
  if (result.status === "insufficient") return { ok: false, message: "Not enough credits.", insufficient: insufficientCreditsProps(result.error) };
  if (parsed.data.contactId) revalidatePath(`/contacts/${parsed.data.contactId}`);
  const charged = result.replayed ? "already paid, no new charge" : "1 credit used";
  return { ok: true, message: `Filled from ${result.company} (${charged}; ${result.creditsLeft} credits left).`, fill: result.fill as EnrichResponse["fill"] };
}
