"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { rowAction } from "@/lib/actions/row-action";
import { formatE164 } from "@/lib/contacts/phone";
import { addOptOut, removeOptOut } from "@/lib/sms/opt-out";
import { addOptOutSchema, optOutIdSchema, senderSettingsSchema } from "@/lib/sms/opt-out-schemas";
import { setSmsSenderName } from "@/lib/sms/sender-settings";

const PAGE = "/settings/sms";

export const saveSenderAction = formAction({
  role: "ADMIN",
  input: senderSettingsSchema,
  async run({ user, input }) {
    const t = await getTranslations("sms.settings");
    await setSmsSenderName(user.companyId, input.senderName);
    revalidatePath(PAGE);
    return ok(input.senderName ? t("savedName", { name: input.senderName }) : t("savedNumber"));
  },
});

export const addOptOutAction = formAction({
  role: "ADMIN",
  input: addOptOutSchema,
  async run({ user, input }) {
    const t = await getTranslations("sms.settings");
    const result = await addOptOut(user.companyId, user.id, input.number);
    if (result.status === "invalid-number") return refuse(t("invalidNumber"), { number: [t("invalidNumberField")] });
    revalidatePath(PAGE);
    return ok(t(result.status === "added" ? "added" : "alreadyListed", { number: formatE164(result.number) }));
  },
});

export const removeOptOutAction = rowAction({
  role: "ADMIN",
  input: optOutIdSchema,
  messages: "sms.settings",
  run: ({ user, input }) => removeOptOut(user.companyId, input.id),
  answers: { true: { ok: "removed" }, false: { refuse: "notListed" } },
  revalidate: [PAGE],
});
