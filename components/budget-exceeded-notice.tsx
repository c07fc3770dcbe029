// The refusal of a hard monthly budget: what was used, for which month, and
// who can change it. No buy button: buying credits would not help. In the
// reader's language (messages/<locale>/iap.json, `prompt.budget`).
import { useLocale, useTranslations } from "next-intl";
import type { BudgetPrompt } from "@/lib/iap/budget-prompt";
import { formatCredits } from "@/lib/iap/units";

const formats = new Map<string, { month: Intl.DateTimeFormat; monthYear: Intl.DateTimeFormat }>();

/** "2026-12" → "December" (and the year when it is not the current one), in `locale` ("décembre", "12月"). */
export function budgetMonthName(month: string, now = new Date(), locale = "en"): string {
  let format = formats.get(locale);
  if (!format) {
    format = {
      month: new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }),
      monthYear: new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }),
    };
    formats.set(locale, format);
  }
  const [year, monthNumber] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, monthNumber - 1, 15));
  return (year === now.getUTCFullYear() ? format.month : format.monthYear).format(date);
}

type BudgetWords = Pick<BudgetPrompt, "service" | "limit" | "month"> & Partial<Pick<BudgetPrompt, "technicalName" | "limitUnits" | "decimals">>;

type Translator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/**
 * The refusal as one sentence, with `words` (a translator of the "iap"
 * namespace and the reader's locale). Without them, the English sentence, for
 * callers not yet converted to next-intl (components/action-feedback.tsx).
 */
export function budgetExceededText(prompt: BudgetWords, words?: { t: Translator; locale: string }): string {
  const { service, technicalName, limit, limitUnits, decimals = 0, month } = prompt;
  if (!words) return `You have used your ${limit} ${service} credits for ${budgetMonthName(month)} — ask an administrator to raise your budget.`;
  const { t, locale } = words;
  const name = technicalName && t.has(`services.${technicalName}.name`) ? t(`services.${technicalName}.name`) : service;
  const figure = limitUnits === undefined ? limit : formatCredits(BigInt(limitUnits), decimals, { locale });
  return t("prompt.budget", { limit: figure, service: name, month: budgetMonthName(month, new Date(), locale) });
}

export function BudgetExceededNotice(prompt: Omit<BudgetPrompt, "kind">) {
  const t = useTranslations("iap");
  const locale = useLocale();
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
      <p>{budgetExceededText(prompt, { t, locale })}</p>
    </div>
  );
}
