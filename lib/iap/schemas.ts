// Shared by the Warn Me form and its server action (plain module: no "server-only").
// Issues carry codes as their message (`iap.creditsInput.not-a-number`,
// `iap.warning.emailMissing`): the action wrapper says them in the reader's
// language (messages/<locale>/validation.json, lib/i18n/issues.ts).
import { z } from "zod";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { parseCredits } from "./units";
import { textField } from "@/lib/http/params";

/** The language of the warning e-mail: a locale, or null for the company's. */
export type WarningSettings = ({ warnEnabled: true; threshold: bigint; email: string } | { warnEnabled: false }) & { warningLocale?: Locale | null };

const formText = z.preprocess((value) => (typeof value === "string" ? value : ""), textField());

/**
 * Warn Me, as posted by the Account Information form. The threshold is in the
 * service's unit (`decimals` places allowed), converted to units exactly by
 * parseCredits; threshold and address are checked only when Warn Me is ticked.
 */
export function warningSettingsSchema(decimals: number, locale: Locale = "en") {
  return z
    .object({
      warnEnabled: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
      threshold: formText,
      email: formText.pipe(textField().trim()),
      // "" (or absent): the company's language.
      warningLocale: formText.refine((value) => value === "" || isLocale(value), { message: "iap.warning.localeUnknown" }),
    })
    .transform((input, ctx): WarningSettings => {
      const warningLocale = isLocale(input.warningLocale) ? input.warningLocale : null;
      if (!input.warnEnabled) return { warnEnabled: false, warningLocale };
      const threshold = parseCredits(input.threshold, decimals, { locale });
      if (!threshold.ok) ctx.addIssue({ code: "custom", path: ["threshold"], message: `iap.creditsInput.${threshold.error}`, params: { decimals } });
      if (input.email === "") {
        ctx.addIssue({ code: "custom", path: ["email"], message: "iap.warning.emailMissing" });
      } else if (input.email.length > 254 || !z.email().safeParse(input.email).success) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "iap.warning.emailInvalid" });
      }
      if (!threshold.ok) return z.NEVER;
      return { warnEnabled: true, threshold: threshold.units, email: input.email, warningLocale };
    });
}

/** A budget as posted by the budget forms: a limit in the service's unit (blank removes the budget) and hard or soft. */
export function budgetSchema(decimals: number, locale: Locale = "en") {
  return z
    .object({
      limit: formText.pipe(z.string().trim()),
      mode: z.enum(["hard", "soft"], { error: "iap.budget.modeMissing" }),
    })
    .transform((input, ctx): { limit: bigint; hard: boolean } | null => {
      if (input.limit === "") return null;
      const limit = parseCredits(input.limit, decimals, { locale });
      if (!limit.ok) {
        ctx.addIssue({ code: "custom", path: ["limit"], message: `iap.creditsInput.${limit.error}`, params: { decimals } });
        return z.NEVER;
      }
      return { limit: limit.units, hard: input.mode === "hard" };
    });
}
