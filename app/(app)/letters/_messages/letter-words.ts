// Words the pages show for a letter's error detail (lib/snailmail stores codes
// and data; messages/<locale>/letters.json words them). Plain: client
// components use it too, each with its own translator.
import type { LetterErrorCode, LetterState } from "@/lib/generated/prisma/enums";
import { describeAddressProblems, type LetterWords } from "@/lib/snailmail/address";
import { decodeLetterError, type LetterErrorDetail } from "@/lib/snailmail/letter-error";
import type { ProviderProblem } from "@/lib/snailmail/providers/provider";

export type LetterStateName = LetterState;
export type LetterErrorName = LetterErrorCode;

/** The letters namespace's translator (`useTranslations("letters")`, `getTranslations("letters")`). */
export type { LetterWords };

/** Our own finding in the reader's words; without one, the provider's text as it wrote it (Pingen's messages are not ours to translate). */
function providerText(t: LetterWords, detail: { providerMessage: string; problem?: ProviderProblem }): string {
  const { problem } = detail;
  if (!problem) return detail.providerMessage;
  if (problem.code === "printCheck") {
    const found = problem.problem;
    return t("provider.printCheck", { reason: "params" in found ? t(`refusal.${found.code}`, found.params) : t(`refusal.${found.code}`) });
  }
  return "params" in problem ? t(`provider.${problem.code}`, problem.params) : t(`provider.${problem.code}`);
}

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
      return providerText(t, detail);
    case "retrying":
      return t("detail.retrying", { message: providerText(t, detail), minutes: detail.inMinutes, attempt: detail.attempt, max: detail.maxAttempts });
    case "gave-up":
      return t("detail.gaveUp", { message: providerText(t, detail), attempts: detail.attempts });
  }
}

/** The sentence under a letter's error label; a message stored as text before details were data is shown as it is. */
export function letterErrorText(t: LetterWords, stored: string | null, locale: string): string | null {
  const detail = decodeLetterError(stored);
  return detail ? detailText(t, detail, locale) : stored;
}
