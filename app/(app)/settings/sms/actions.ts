"use server";

import { revalidatePath } from "next/cache";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { formatE164 } from "@/lib/contacts/phone";
import { addOptOut, removeOptOut } from "@/lib/sms/opt-out";
import { addOptOutSchema, optOutIdSchema, senderSettingsSchema } from "@/lib/sms/opt-out-schemas";
import { setSmsSenderName } from "@/lib/sms/sender-settings";

const PAGE = "/settings/sms";

export const saveSenderAction = formAction({
  role: "ADMIN",
  input: senderSettingsSchema,
  async run({ user, input }) {
    await setSmsSenderName(user.companyId, input.senderName);
    revalidatePath(PAGE);
    return ok(input.senderName ? `Saved: SMS go out as “${input.senderName}” where the country allows it.` : "Saved: SMS go out from the number.");
  },
});

export const addOptOutAction = formAction({
  role: "ADMIN",
  input: addOptOutSchema,
  async run({ user, input }) {
    const result = await addOptOut(user.companyId, user.id, input.number);
    if (result.status === "invalid-number") return refuse("This is not a valid phone number: enter it with its country code, e.g. +33 6 12 34 56 78.", { number: ["Not a valid phone number."] });
    revalidatePath(PAGE);
    return ok(result.status === "added" ? `${formatE164(result.number)} opted out: no SMS goes to it any more.` : `${formatE164(result.number)} was already on the list.`);
  },
});

export const removeOptOutAction = formAction({
  role: "ADMIN",
  input: optOutIdSchema,
  async run({ user, input }) {
    if (!(await removeOptOut(user.companyId, input.id))) return refuse("This number is not on your opt-out list (any more).");
    revalidatePath(PAGE);
    return ok("Removed: SMS can be sent to this number again.");
  },
});
