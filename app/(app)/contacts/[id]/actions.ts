"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { postMessage } from "@/lib/contacts/chatter";
import { updateContact } from "@/lib/contacts/contacts";
import { contactSchema, noteSchema } from "@/lib/contacts/schemas";
import { contactPath } from "@/lib/routes";
import { sendSmsSchema } from "@/lib/sms/schemas";
import { sendSms } from "@/lib/sms/send-sms";
import { contactFormValues, type ContactFormValues } from "../_components/contact-values";
import { idField } from "@/lib/http/params";
import { smsFailureText } from "../_messages/sms-failures";
import { smsRefusalText } from "../_messages/sms-refusals";
import { formatCredits } from "@/lib/iap/units";

export const updateContactAction = formAction({
  role: "ANY",
  input: contactSchema.extend({ id: idField("contacts.unknown") }),
  messages: "contacts",
  revalidate: (input) => [contactPath(input.id), "/contacts"],
  async run({ user, input: { id, ...fields }, t }) {
    const contact = await updateContact(user.companyId, id, fields);
    if (!contact) return refuse(t("contact.gone"));
    return ok<ContactFormValues>(t("contact.saved"), contactFormValues(contact));
  },
});

export const postNoteAction = formAction({
  role: "ANY",
  input: noteSchema,
  messages: "contacts",
  revalidate: (input) => [contactPath(input.contactId)],
  async run({ user, input, t }) {
    const posted = await postMessage({ companyId: user.companyId, contactId: input.contactId, kind: "NOTE", body: input.body, authorId: user.id });
    if (!posted) return refuse(t("contact.gone"));
    return ok(t("note.logged"));
  },
});

export const sendSmsAction = formAction({
  role: "ANY",
  input: sendSmsSchema,
  attempt: "sendSms",
  messages: "sms",
  async run({ user, input: { contactId, number, body, clientId }, t }) {
    const locale = await getLocale();
    const result = await sendSms({ companyId: user.companyId, userId: user.id, contactId, number, body, idempotencyKey: clientId });
    // Whatever the outcome, not the wrapper's `revalidate`: a gateway failure is logged in the chatter too.
    revalidatePath(contactPath(contactId));
    switch (result.status) {
      case "sent":
        return ok(t("send.sent", { number: result.number, parts: result.parts, credits: formatCredits(result.credits, result.decimals, { locale }), count: Number(result.credits) / 10 ** result.decimals }));
      case "invalid":
        return refuse(smsRefusalText(t, result.refusal));
      case "insufficient":
        throw result.error;
      case "failed":
        return refuse(t("send.notSent", { reason: smsFailureText(t, result.code) }));
    }
  },
});
