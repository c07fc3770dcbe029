// The "budget used up" refusal as plain data, so a server action can hand it
// to a client form (components/budget-exceeded-notice.tsx words it).
import type { BudgetExceededError } from "./errors";
import { formatCredits } from "./units";

export interface BudgetPrompt {
  kind: "budget-exceeded";
  /** Service name as users know it ("SMS"). */
  service: string;
  /** The monthly budget, formatted ("200"). */
  limit: string;
  /** Formatted units already used this month. */
  used: string;
  /** The budget month, "YYYY-MM" (company time zone). */
  month: string;
}

export function budgetPrompt(error: Pick<BudgetExceededError, "service" | "limit" | "used" | "month">): BudgetPrompt {
  return {
    kind: "budget-exceeded",
    service: error.service.name,
    limit: formatCredits(error.limit, error.service.decimals),
    used: formatCredits(error.used, error.service.decimals),
    month: error.month,
  };
}
