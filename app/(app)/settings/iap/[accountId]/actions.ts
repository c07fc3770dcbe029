"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, ok, refuse, refuseInput } from "@/lib/actions/action";
import { findAccount } from "@/lib/iap/accounts";
import { setDefaultBudget, setUserBudget } from "@/lib/iap/budgets";
import { budgetSchema, warningSettingsSchema } from "@/lib/iap/schemas";
import { updateWarningSettings } from "@/lib/iap/warning-settings";

// POST from the Account Information page: Warn Me, Threshold, Warning Email.
export const saveWarningSettingsAction = formAction({
  role: "ADMIN",
  input: z.looseObject({ accountId: z.coerce.number().int().positive() }),
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
  accountId: z.coerce.number().int().positive(),
  /** A user's id, or "default" for every user without a budget of their own. */
  target: z.union([z.literal("default"), z.coerce.number().int().positive()]),
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
