"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { findAccount } from "@/lib/iap/accounts";
import { warningSettingsSchema, type WarningSettingsState } from "@/lib/iap/schemas";
import { updateWarningSettings } from "@/lib/iap/warning-settings";
import { formDataOf, idField } from "@/lib/http/params";

const accountIdSchema = idField("This account does not exist in your company.");

// POST from the Account Information page: Warn Me, Threshold, Warning Email.
export async function saveWarningSettingsAction(
  accountId: number,
  _previous: WarningSettingsState,
  formData: FormData,
): Promise<WarningSettingsState> {
  formData = formDataOf(formData);
  let user;
  try {
    user = await authorize("ADMIN");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  // The bound account id comes back from the browser: look it up within the
  // user's company, which also gives the service's decimal places.
  const id = accountIdSchema.safeParse(accountId);
  const account = id.success ? await findAccount(user.companyId, id.data) : null;
  if (!account) return { ok: false, message: "This account does not exist in your company.", fieldErrors: {} };

  const parsed = warningSettingsSchema(account.service.decimals).safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, message: "Nothing was saved: correct the fields marked in red.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  await updateWarningSettings(user.companyId, account.id, parsed.data);
  revalidatePath("/settings/iap", "layout");
  return { ok: true, message: "Saved", fieldErrors: {} };
}
