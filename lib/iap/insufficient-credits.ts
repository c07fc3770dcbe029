// The one "not enough credits" prompt, whatever service ran out, as plain data
// (no bigint, no class) so a server action can hand it to a client form:
// what the operation needs, what the account has, and where "Buy credits"
// leads. components/insufficient-credits-notice.tsx renders it.
import type { InsufficientCreditsError } from "./errors";
import { formatCredits } from "./units";

/**
 * What was attempted, as the prompt's code: the notice words it from
 * messages/<locale>/iap.json `prompt.attempts.<code>` ("sendSms": "to send
 * this SMS"), some with `attemptCount` ("digitizeWaiting": "to digitize 3
 * waiting documents").
 */
export const ATTEMPTS = ["sendSms", "sendMassSms", "generateLeads", "verifySigners", "postLetterNow", "postQueuedLetters", "revealVisitors", "digitizeWaiting", "digitizeDocument"] as const;
export type AttemptCode = (typeof ATTEMPTS)[number];

export interface BuyCreditsPrompt {
  kind: "buy-credits";
  /** Service name as stored ("SMS"); the notice says it in the reader's language from `technicalName`. */
  service: string;
  technicalName?: string;
  /** Formatted credits in English, e.g. "1.64"; the notice formats `neededUnits`/`availableUnits` for its reader. */
  needed: string;
  available: string;
  /** Units as decimal strings (a prompt crosses to the browser, where bigint cannot), and the service's decimals; absent in prompts a page builds from figures. */
  neededUnits?: string;
  availableUnits?: string;
  decimals?: number;
  /** InsufficientCreditsError.buyUrl, e.g. "/iap/buy/sms". */
  buyUrl: string;
  /** What was attempted, completing "Not enough credits …": default "for <service>". */
  attempt?: AttemptCode;
  /** The count an attempt's words need ("digitizeWaiting"). */
  attemptCount?: number;
}

export function buyCreditsPrompt(
  error: Pick<InsufficientCreditsError, "service" | "needed" | "available" | "buyUrl">,
  attempt?: AttemptCode,
): BuyCreditsPrompt {
  return {
    kind: "buy-credits",
    service: error.service.name,
    technicalName: error.service.technicalName,
    needed: formatCredits(error.needed, error.service.decimals),
    available: formatCredits(error.available < 0n ? 0n : error.available, error.service.decimals),
    neededUnits: error.needed.toString(),
    availableUnits: (error.available < 0n ? 0n : error.available).toString(),
    decimals: error.service.decimals,
    buyUrl: error.buyUrl,
    ...(attempt ? { attempt } : {}),
  };
}
