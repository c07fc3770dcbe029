"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { AutoTopupRefusedError, saveAutoTopup } from "@/lib/billing/auto-topup/settings";
import { autoTopupSchema } from "@/lib/billing/schemas";
import { findAccount } from "@/lib/iap/accounts";
import { warningSettingsSchema, type WarningSettingsState } from "@/lib/iap/schemas";
import { updateWarningSettings } from "@/lib/iap/warning-settings";

const accountIdSchema = z.coerce.number().int().positive();

// POST from the Account Information page: Warn Me, Threshold, Warning Email.
export async function saveWarningSettingsAction(
  accountId: number,
  _previous: WarningSettingsState,
  formData: FormData,
): Promise<WarningSettingsState> {
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

export interface AutoTopupState {
  ok: boolean;
  message: string;
  fieldErrors: Partial<Record<"threshold" | "packId" | "monthlyCap", string[]>>;
}

const AUTO_TOPUP_REFUSALS: Record<AutoTopupRefusedError["code"], string> = {
  not_admin: "Only administrators can change auto top-up.",
  unknown_account: "This account does not exist in your company.",
  unknown_pack: "This pack is no longer on sale: choose another one.",
};

// POST from the Account Information page: auto top-up on/off, threshold, pack, monthly cap.
export async function saveAutoTopupAction(accountId: number, _previous: AutoTopupState, formData: FormData): Promise<AutoTopupState> {
  let user;
  try {
    user = await authorize("ADMIN");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  const id = accountIdSchema.safeParse(accountId);
  const account = id.success ? await findAccount(user.companyId, id.data) : null;
  if (!account) return { ok: false, message: AUTO_TOPUP_REFUSALS.unknown_account, fieldErrors: {} };
  const parsed = autoTopupSchema(account.service.decimals).safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors as AutoTopupState["fieldErrors"];
    return { ok: false, message: "Nothing was saved: correct the fields marked in red.", fieldErrors: fields };
  }
  let result;
  try {
    result = await saveAutoTopup(user, account.id, parsed.data);
  } catch (error) {
    if (error instanceof AutoTopupRefusedError) return { ok: false, message: AUTO_TOPUP_REFUSALS[error.code], fieldErrors: {} };
    console.error(`Auto top-up of account ${account.id} could not be saved:`, error);
    return { ok: false, message: "Stripe could not be reached to save a card. Nothing was charged; try again in a moment.", fieldErrors: {} };
  }
  revalidatePath("/settings/iap", "layout");
  // Outside the try: redirect() works by throwing. Stripe's page saves the card.
  if (result.status === "card needed") redirect(result.url);
  return { ok: true, message: result.status === "on" ? "Auto top-up is on" : "Auto top-up is off", fieldErrors: {} };
}
