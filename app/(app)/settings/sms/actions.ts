"use server";

import { ok, refuse } from "@/lib/actions/action";
import { actionsOf } from "@/lib/actions/row-action";
import { formatE164 } from "@/lib/contacts/phone";
import { addOptOut, removeOptOut } from "@/lib/sms/opt-out";
import { addOptOutSchema, optOutIdSchema, senderSettingsSchema } from "@/lib/sms/opt-out-schemas";
import { setSmsSenderName } from "@/lib/sms/sender-settings";

const page = actionsOf({ role: "ADMIN", messages: "sms.settings", revalidate: ["/settings/sms"] });

export const saveSenderAction = page.formAction({
  input: senderSettingsSchema,
  async run({ user, input, t }) {
    await setSmsSenderName(user.companyId, input.senderName);
    return ok(input.senderName ? t("savedName", { name: input.senderName }) : t("savedNumber"));
  },
});

export const addOptOutAction = page.formAction({
  input: addOptOutSchema,
  async run({ user, input, t }) {
    const result = await addOptOut(user.companyId, user.id, input.number);
    if (result.status === "invalid-number") return refuse(t("invalidNumber"), { number: [t("invalidNumberField")] });
    return ok(t(result.status === "added" ? "added" : "alreadyListed", { number: formatE164(result.number) }));
  },
});

export const removeOptOutAction = page.rowAction({
  input: optOutIdSchema,
  run: ({ user, input }) => removeOptOut(user.companyId, input.id),
  answers: { true: { ok: "removed" }, false: { refuse: "notListed" } },
});
