"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { insufficientCreditsProps } from "@/components/insufficient-credits-notice";
import { authorizeAction } from "@/lib/auth/session";
import { postMessage } from "@/lib/contacts/chatter";
import { updateContact } from "@/lib/contacts/contacts";
import { contactSchema, noteSchema, type ContactFormState } from "@/lib/contacts/schemas";
import { sendSmsSchema, type SendSmsState } from "@/lib/sms/schemas";
import { sendSms } from "@/lib/sms/send-sms";
import { formDataOf, idField } from "@/lib/http/params";

export async function updateContactAction(_prev: ContactFormState, formData: FormData): Promise<ContactFormState> {
  formData = formDataOf(formData);
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error };
  const id = idField("Unknown contact.").safeParse(formData.get("id"));
  const fields = Object.fromEntries(["name", "email", "phone", "mobile", "country", "street", "city", "zip"].map((key) => [key, formData.get(key) ?? ""]));
  const parsed = contactSchema.safeParse(fields);
  if (!id.success) return { ok: false, message: "Unknown contact." };
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const contact = await updateContact(user.companyId, id.data, parsed.data);
  if (!contact) return { ok: false, message: "This contact does not exist (any more)." };
  revalidatePath(`/contacts/${contact.id}`);
  revalidatePath("/contacts");
  return { ok: true, message: "Saved." };
}

export async function postNoteAction(_prev: ContactFormState, formData: FormData): Promise<ContactFormState> {
  formData = formDataOf(formData);
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error };
  const parsed = noteSchema.safeParse({ contactId: formData.get("contactId"), body: formData.get("body") ?? "" });
  if (!parsed.success) return { ok: false, message: z.flattenError(parsed.error).fieldErrors.body?.[0] ?? "Write a note first." };
  const posted = await postMessage({ companyId: user.companyId, contactId: parsed.data.contactId, kind: "NOTE", body: parsed.data.body, authorId: user.id });
  if (!posted) return { ok: false, message: "This contact does not exist (any more)." };
  revalidatePath(`/contacts/${parsed.data.contactId}`);
  return { ok: true, message: "Note logged." };
}

export async function sendSmsAction(_prev: SendSmsState, formData: FormData): Promise<SendSmsState> {
  formData = formDataOf(formData);
  const at = Date.now();
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error, at };
  const parsed = sendSmsSchema.safeParse({
    contactId: formData.get("contactId"),
    number: formData.get("number") ?? "",
    body: formData.get("body") ?? "",
    clientId: formData.get("clientId") ?? "",
  });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return { ok: false, message: flat.fieldErrors.body?.[0] ?? flat.fieldErrors.number?.[0] ?? "Check the message.", fieldErrors: flat.fieldErrors, at };
  }
  const { contactId, number, body, clientId } = parsed.data;
  const result = await sendSms({ companyId: user.companyId, userId: user.id, contactId, number, body, idempotencyKey: clientId });
  revalidatePath(`/contacts/${contactId}`);
  switch (result.status) {
    case "sent":
      return { ok: true, message: `SMS sent to ${result.number} (${result.parts} SMS, ${result.creditsText} credits).`, at };
    case "invalid":
      return { ok: false, message: result.message, at };
    case "insufficient":
      return { ok: false, message: "Not enough credits.", insufficient: insufficientCreditsProps(result.error, "to send this SMS"), at };
    case "failed":
      return { ok: false, failed: true, message: `SMS not sent: ${result.reason}. No credits were used.`, at };
  }
}
