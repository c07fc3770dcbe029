// Words the pages show for a letter's state, error code and error detail
// (lib/snailmail stores codes and data). Plain: client components use it too.
import type { LetterErrorCode, LetterState } from "@/lib/generated/prisma/enums";
import { decodeLetterError, type LetterErrorDetail } from "@/lib/snailmail/letter-error";
export const LETTER_STATE_LABELS: Record<LetterState, string> = { QUEUED: "In Queue", SENT: "Sent", ERROR: "Error", CANCELED: "Canceled" };

export const LETTER_ERROR_LABELS: Record<LetterErrorCode, string> = {
  MISSING_FIELDS: "Missing address fields",
  NO_CREDIT: "Not enough credits",
  FORMAT_ERROR: "Format error",
  NO_PRICE: "No price for destination",
  PROVIDER_ERROR: "Provider error",
};

export type LetterStateName = LetterState;
export type LetterErrorName = LetterErrorCode;

function detailText(detail: LetterErrorDetail): string {
  switch (detail.kind) {
    case "address":
      return detail.problems.join(" ");
    case "no-price":
      return `No price for letters to ${detail.country}.`;
    case "no-credit":
      return `Not enough credits: this letter needs ${detail.needed}, ${detail.available} available. Buy credits; it is sent at the next run.`;
    case "waiting-for-credits":
      return "Not enough credits: waiting for a purchase.";
    case "refused":
      return detail.providerMessage;
    case "retrying":
      return `${detail.providerMessage} Retrying in ${detail.inMinutes} min (attempt ${detail.attempt} of ${detail.maxAttempts}).`;
    case "gave-up":
      return `${detail.providerMessage} (gave up after ${detail.attempts} attempts)`;
  }
}

/** The sentence under a letter's error label; a message stored as text before details were data is shown as it is. */
export function letterErrorText(stored: string | null): string | null {
  const detail = decodeLetterError(stored);
  return detail ? detailText(detail) : stored;
}
