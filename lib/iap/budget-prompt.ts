// The "budget used up" refusal as plain data, so a server action can hand it
// to a client form (components/budget-exceeded-notice.tsx words it).
import type { BudgetExceededError } from "./errors";
import { formatCredits } from "./units";

export interface BudgetPrompt {
  kind: "budget-exceeded";
  /** Service name as stored ("SMS"); the notice says it in the reader's language from `technicalName`. */
  service: string;
  technicalName: string;
  /** The monthly budget, formatted in English ("200"); `limitUnits` and `decimals` let the notice format it for its reader. */
  limit: string;
  /** Formatted units already used this month. */
  used: string;
  limitUnits: string;
  decimals: number;
  /** The budget month, "YYYY-MM" (company time zone). */
  month: string;
}

export function budgetPrompt(error: Pick<BudgetExceededError, "service" | "limit" | "used" | "month">): BudgetPrompt {
  return {
    kind: "budget-exceeded",
    service: error.service.name,
    technicalName: error.service.technicalName,
    limit: formatCredits(error.limit, error.service.decimals),
    limitUnits: error.limit.toString(),
    decimals: error.service.decimals,
    used: formatCredits(error.used, error.service.decimals),
    month: error.month,
  };
}
