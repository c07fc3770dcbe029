// Refusals that a form shows as a prompt (the buy prompt) rather than as an
// error line. A domain raises the typed error; the action wrapper asks here
// whether it maps to a prompt. Budget refusals (#24) are the second line of PROMPTS.
import { BudgetExceededError, InsufficientCreditsError } from "@/lib/iap/errors";
import { budgetPrompt } from "@/lib/iap/budget-prompt";
import { buyCreditsPrompt, type AttemptCode } from "@/lib/iap/insufficient-credits";
import type { Prompt } from "./state";

type PromptFor = (error: unknown, attempt?: AttemptCode) => Prompt | null;

const PROMPTS: readonly PromptFor[] = [
  (error, attempt) => (error instanceof InsufficientCreditsError ? buyCreditsPrompt(error, attempt) : null),
  (error) => (error instanceof BudgetExceededError ? budgetPrompt(error) : null),
];

/** The prompt for this refusal, or null when it is not one (the wrapper then treats it as unexpected). */
export function promptFor(error: unknown, attempt?: AttemptCode): Prompt | null {
  for (const prompt of PROMPTS) {
    const found = prompt(error, attempt);
    if (found) return found;
  }
  return null;
}
