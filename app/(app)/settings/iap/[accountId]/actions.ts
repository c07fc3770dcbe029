"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, ok, refuse, refuseInput } from "@/lib/actions/action";
import { AutoTopupRefusedError, saveAutoTopup } from "@/lib/billing/auto-topup/settings";
import { autoTopupSchema } from "@/lib/billing/schemas";
import { findAccount } from "@/lib/iap/accounts";
import { setDefaultBudget, setUserBudget } from "@/lib/iap/budgets";
import { budgetSchema, warningSettingsSchema } from "@/lib/iap/schemas";
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

const budgetTarget = z.looseObject({
  accountId: idField("Unknown account. Reload the page."),
  /** A user's id, or "default" for every user without a budget of their own. */
  target: z.union([z.literal("default"), idField("Unknown user. Reload the page.")]),
});

// POST from the Budgets card: one user's monthly budget, or the default for all users.
export const saveBudgetAction = formAction({
  role: "ADMIN",
  input: budgetTarget,
  async run({ user, input }) {
    const account = await findAccount(user.companyId, input.accountId);
    if (!account) return refuse("This account does not exist in your company.");
    const budget = budgetSchema(account.service.decimals).safeParse(input);
    if (!budget.success) return refuseInput(budget.error);
    const saved =
      input.target === "default"
        ? await setDefaultBudget(user.companyId, account.id, budget.data)
        : await setUserBudget(user.companyId, account.id, input.target, budget.data);
    if (!saved) return refuse("This user is not in your company (any more).");
    revalidatePath("/", "layout");
    return ok(budget.data === null ? "Budget removed." : "Budget saved.");
  },
});

const AUTO_TOPUP_REFUSALS: Record<AutoTopupRefusedError["code"], string> = {
  not_admin: "Only administrators can change auto top-up.",
  unknown_account: "This account does not exist in your company.",
  unknown_pack: "This pack is no longer on sale: choose another one.",
  payments_off: "Payments are not set up on this server (no Stripe key, not in demo mode): auto top-up cannot buy credits. Ask whoever runs the server to set STRIPE_SECRET_KEY.",
  stripe_unavailable: "Stripe could not be reached to save a card. Your settings are kept and nothing was charged: try again in a moment.",
};

// POST from the Account Information page: auto top-up on/off, threshold, pack, monthly cap.
export const saveAutoTopupAction = formAction({
  role: "ADMIN",
  input: z.looseObject({ accountId: idField("Unknown account. Reload the page.") }),
  async run({ user, input }) {
    // The threshold is parsed with the decimals of the account's service, looked up within the user's company.
    const account = await findAccount(user.companyId, input.accountId);
    if (!account) return refuse(AUTO_TOPUP_REFUSALS.unknown_account);
    const settings = autoTopupSchema(account.service.decimals).safeParse(input);
    if (!settings.success) return refuseInput(settings.error);
    let result;
    try {
      result = await saveAutoTopup(user, account.id, settings.data);
    } catch (error) {
      if (error instanceof AutoTopupRefusedError) return refuse(AUTO_TOPUP_REFUSALS[error.code]);
      throw error;
    }
    revalidatePath("/settings/iap", "layout");
    // Stripe's page saves the card; auto top-up turns on when it is saved.
    if (result.status === "card needed") redirect(result.url);
    return ok(result.status === "on" ? "Auto top-up is on" : "Auto top-up is off");
  },
});
