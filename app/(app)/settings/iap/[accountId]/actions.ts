"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, ok, refuse, refuseInput, type ActionResult } from "@/lib/actions/action";
import { AutoTopupRefusedError, saveAutoTopup } from "@/lib/billing/auto-topup/settings";
import { autoTopupSchema } from "@/lib/billing/schemas";
import { findAccount } from "@/lib/iap/accounts";
import { setDefaultBudget, setUserBudget } from "@/lib/iap/budgets";
import { budgetSchema, warningSettingsSchema } from "@/lib/iap/schemas";
import { updateWarningSettings } from "@/lib/iap/warning-settings";
import { idField } from "@/lib/http/params";
import { wordsFor, type Words } from "@/lib/alerts/words";
import type { Locale } from "@/lib/i18n/locales";
import type { SessionUser } from "@/lib/auth/session";

/**
 * The account page's words in the caller's language (their profile's, else
 * the company's: what i18n/request.ts gives the page), and that locale:
 * thresholds and limits are typed with its decimal separator.
 */
function words(user: SessionUser) {
  const locale = user.locale ?? "en";
  return { t: wordsFor(locale, "iap"), locale };
}

/**
 * What every form of the account page starts with: the account it names,
 * looked up within the user's company (the id comes back from the browser),
 * and the form's fields parsed with that account's decimal places, in the
 * user's language. A refusal when either fails.
 */
async function accountForm<T>(
  user: SessionUser,
  input: { accountId: number },
  schemaFor: (decimals: number, locale: Locale) => z.ZodType<T>,
): Promise<{ refusal: ActionResult<never> } | { refusal: null; account: NonNullable<Awaited<ReturnType<typeof findAccount>>>; data: T; t: Words }> {
  const { t, locale } = words(user);
  const account = await findAccount(user.companyId, input.accountId);
  if (!account) return { refusal: refuse(t("errors.unknownAccount")) };
  const parsed = schemaFor(account.service.decimals, locale).safeParse(input);
  if (!parsed.success) return { refusal: refuseInput(parsed.error) };
  return { refusal: null, account, data: parsed.data, t };
}

// POST from the Account Information page: Warn Me, Threshold, Warning Email, the e-mail's language.
export const saveWarningSettingsAction = formAction({
  role: "ADMIN",
  input: z.looseObject({ accountId: idField("iap.unknownAccount") }),
  async run({ user, input }) {
    const form = await accountForm(user, input, warningSettingsSchema);
    if (form.refusal) return form.refusal;
    const { account, data: settings, t } = form;
    await updateWarningSettings(user.companyId, account.id, settings);
    revalidatePath("/settings/iap", "layout");
    return ok(t("warning.saved"));
  },
});

const budgetTarget = z.looseObject({
  accountId: idField("iap.unknownAccount"),
  /** A user's id, or "default" for every user without a budget of their own. */
  target: z.union([z.literal("default"), idField("iap.unknownUser")]),
});

// POST from the Budgets card: one user's monthly budget, or the default for all users.
export const saveBudgetAction = formAction({
  role: "ADMIN",
  input: budgetTarget,
  async run({ user, input }) {
    const form = await accountForm(user, input, budgetSchema);
    if (form.refusal) return form.refusal;
    const { account, data: budget, t } = form;
    const saved =
      input.target === "default"
        ? await setDefaultBudget(user.companyId, account.id, budget)
        : await setUserBudget(user.companyId, account.id, input.target, budget);
    if (!saved) return refuse(t("errors.userGone"));
    revalidatePath("/", "layout");
    return ok(budget === null ? t("budgets.removed") : t("budgets.saved"));
  },
});

// POST from the Account Information page: auto top-up on/off, threshold, pack, monthly cap.
export const saveAutoTopupAction = formAction({
  role: "ADMIN",
  input: z.looseObject({ accountId: idField("iap.unknownAccount") }),
  async run({ user, input }) {
    const form = await accountForm(user, input, autoTopupSchema);
    if (form.refusal) return form.refusal;
    const { account, data: settings, t } = form;
    let result;
    try {
      result = await saveAutoTopup(user, account.id, settings);
    } catch (error) {
      if (error instanceof AutoTopupRefusedError) return refuse(t(`autoTopup.refusals.${error.code}`));
      throw error;
    }
    revalidatePath("/settings/iap", "layout");
    // Stripe's page saves the card; auto top-up turns on when it is saved.
    if (result.status === "card needed") redirect(result.url);
    return ok(result.status === "on" ? t("autoTopup.savedOn") : t("autoTopup.savedOff"));
  },
});
