// The refusal of a hard monthly budget: what was used, for which month, and
// who can change it. No buy button: buying credits would not help.
import type { BudgetPrompt } from "@/lib/iap/budget-prompt";

const MONTH = new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" });
const MONTH_YEAR = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-12" → "December" (and the year when it is not the current one). */
export function budgetMonthName(month: string, now = new Date()): string {
  const [year, monthNumber] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, monthNumber - 1, 15));
  const sameYear = year === now.getUTCFullYear();
  return (sameYear ? MONTH : MONTH_YEAR).format(date);
}

export function budgetExceededText({ service, limit, month }: Pick<BudgetPrompt, "service" | "limit" | "month">): string {
  return `You have used your ${limit} ${service} credits for ${budgetMonthName(month)} — ask an administrator to raise your budget.`;
}

export function BudgetExceededNotice(prompt: Omit<BudgetPrompt, "kind">) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
      <p>{budgetExceededText(prompt)}</p>
    </div>
  );
}
