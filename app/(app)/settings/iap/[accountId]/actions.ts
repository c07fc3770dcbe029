"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, ok, refuse, refuseInput } from "@/lib/actions/action";
import { findAccount } from "@/lib/iap/accounts";
import { warningSettingsSchema } from "@/lib/iap/schemas";
import { updateWarningSettings } from "@/lib/iap/warning-settings";
import { idField } from "@/lib/http/params";

// POST from the Account Information page: Warn Me, Threshold, Warning Email.
export const saveWarningSettingsAction = formAction({
  role: "ADMIN",
  input: z.looseObject({ accountId: idField("This account does not exist in your company.") }),
  async run({ user, input }) {
    // The account id comes back from the browser: look it up within the
    // user's company, which also gives the service's decimal places, which
    // the threshold is parsed with.
    const account = await findAccount(user.companyId, input.accountId);
    if (!account) return refuse("This account does not exist in your company.");
    const settings = warningSettingsSchema(account.service.decimals).safeParse(input);
    if (!settings.success) return refuseInput(settings.error);
    await updateWarningSettings(user.companyId, account.id, settings.data);
    revalidatePath("/settings/iap", "layout");
    return ok("Saved");
  },
});
