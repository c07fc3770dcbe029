"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
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
  async run({ user, input: { id, ...fields } }) {
    const t = await getTranslations("contacts");
    const contact = await updateContact(user.companyId, id, fields);
    if (!contact) return refuse(t("contact.gone"));
    revalidatePath(contactPath(contact.id));
    revalidatePath("/contacts");
    return ok<ContactFormValues>(t("contact.saved"), contactFormValues(contact));
  },
});

export const postNoteAction = formAction({
  role: "ANY",
  input: noteSchema,
  async run({ user, input }) {
    const t = await getTranslations("contacts");
    const posted = await postMessage({ companyId: user.companyId, contactId: input.contactId, kind: "NOTE", body: input.body, authorId: user.id });
    if (!posted) return refuse(t("contact.gone"));
    revalidatePath(contactPath(input.contactId));
    return ok(t("note.logged"));
  },
});

export const sendSmsAction = formAction({
  role: "ANY",
  input: sendSmsSchema,
  attempt: "sendSms",
  async run({ user, input: { contactId, number, body, clientId } }) {
    const [t, locale] = await Promise.all([getTranslations("sms"), getLocale()]);
    const result = await sendSms({ companyId: user.companyId, userId: user.id, contactId, number, body, idempotencyKey: clientId });
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
