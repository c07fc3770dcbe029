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

type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/**
 * An action of one form of the account page, for an administrator: the
 * account the form names, looked up within the user's company (the id comes
 * back from the browser), and the form's fields parsed with that account's
 * decimal places, in the user's language — a refusal when either fails. `run`
 * then gets the account, the parsed fields and the page's words.
 */
function accountAction<I extends z.ZodType<{ accountId: number }>, F>(definition: {
  input: I;
  fields: (decimals: number, locale: Locale) => z.ZodType<F>;
  run: (call: { user: SessionUser; input: z.output<I>; account: Account; fields: F; t: Words }) => Promise<ActionResult<undefined>>;
}) {
  return formAction({
    role: "ADMIN",
    input: definition.input,
    async run({ user, input }) {
      const { t, locale } = words(user);
      const account = await findAccount(user.companyId, input.accountId);
      if (!account) return refuse(t("errors.unknownAccount"));
      const parsed = definition.fields(account.service.decimals, locale).safeParse(input);
      if (!parsed.success) return refuseInput(parsed.error);
      return definition.run({ user, input, account, fields: parsed.data, t });
    },
  });
}

const accountInput = z.looseObject({ accountId: idField("iap.unknownAccount") });

// POST from the Account Information page: Warn Me, Threshold, Warning Email, the e-mail's language.
export const saveWarningSettingsAction = accountAction({
  input: accountInput,
  fields: warningSettingsSchema,
  async run({ user, account, fields, t }) {
    await updateWarningSettings(user.companyId, account.id, fields);
    revalidatePath("/settings/iap", "layout");
    return ok(t("warning.saved"));
  },
});

// POST from the Budgets card: one user's monthly budget, or the default for all users.
export const saveBudgetAction = accountAction({
  input: accountInput.extend({
    /** A user's id, or "default" for every user without a budget of their own. */
    target: z.union([z.literal("default"), idField("iap.unknownUser")]),
  }),
  fields: budgetSchema,
  async run({ user, input, account, fields: budget, t }) {
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
export const saveAutoTopupAction = accountAction({
  input: accountInput,
  fields: autoTopupSchema,
  async run({ user, account, fields, t }) {
    let result;
    try {
      result = await saveAutoTopup(user, account.id, fields);
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
