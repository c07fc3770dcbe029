// Words the pages show for a letter's error detail (lib/snailmail stores codes
// and data; messages/<locale>/letters.json words them). Plain: client
// components use it too, each with its own translator.
import type { LetterErrorCode, LetterState } from "@/lib/generated/prisma/enums";
import { describeAddressProblems, type LetterWords } from "@/lib/snailmail/address";
import { decodeLetterError, type LetterErrorDetail } from "@/lib/snailmail/letter-error";

export type LetterStateName = LetterState;
export type LetterErrorName = LetterErrorCode;

/** The letters namespace's translator (`useTranslations("letters")`, `getTranslations("letters")`). */
export type { LetterWords };

function detailText(t: LetterWords, detail: LetterErrorDetail, locale: string): string {
  switch (detail.kind) {
    case "address-check":
      return describeAddressProblems({ ok: false, missing: detail.missing, invalid: detail.invalid }, t, locale);
    case "address":
      // Stored in English before the findings were codes: shown as stored.
      return detail.problems.join(" ");
    case "no-price":
      return t("detail.noPrice", { country: detail.country });
    case "no-credit":
      return t("detail.noCredit", { needed: detail.needed, available: detail.available });
    case "waiting-for-credits":
      return t("detail.waitingForCredits");
    case "refused":
      return detail.providerMessage;
    case "retrying":
      return t("detail.retrying", { message: detail.providerMessage, minutes: detail.inMinutes, attempt: detail.attempt, max: detail.maxAttempts });
    case "gave-up":
      return t("detail.gaveUp", { message: detail.providerMessage, attempts: detail.attempts });
  }
}

/** The sentence under a letter's error label; a message stored as text before details were data is shown as it is. */
export function letterErrorText(t: LetterWords, stored: string | null, locale: string): string | null {
  const detail = decodeLetterError(stored);
  return detail ? detailText(t, detail, locale) : stored;
}
