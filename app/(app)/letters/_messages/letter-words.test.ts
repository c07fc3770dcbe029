// A letter the queue refused for its address: the stored findings are codes,
// read in the reader's language; rows stored as English sentences before stay as stored.
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { encodeLetterError } from "@/lib/snailmail/letter-error";
import { letterErrorText } from "./letter-words";

const say = (locale: Locale, stored: string | null) => letterErrorText(translatorFor(locale, "letters"), stored, locale);

describe("a letter's address error in the reader's language", () => {
  it("words the stored address findings in English, French and Chinese", () => {
    const stored = encodeLetterError({ kind: "address-check", missing: ["city"], invalid: { zip: { code: "postalCodeFor", params: { country: "FR", example: "75001" } } } });
    expect(say("en", stored)).toBe("City is missing. ZIP / postal code: Not a valid postal code for France (for example 75001).");
    expect(say("fr", stored)).toBe("Champ manquant\u00a0: Ville. Code postal\u00a0: Code postal non valide (France, par exemple 75001).");
    expect(say("zh-CN", stored)).toBe("缺少城市。邮政编码：不是法国的有效邮政编码（例如 75001）。");
  });

  it("shows findings stored as sentences by earlier versions as they are", () => {
    expect(say("fr", encodeLetterError({ kind: "address", problems: ["City is missing."] }))).toBe("City is missing.");
    expect(say("fr", "Stored before details were data")).toBe("Stored before details were data");
  });

  it("words the test post office's print check in the reader's language, and keeps Pingen's own words as Pingen wrote them", () => {
    const printCheck = encodeLetterError({
      kind: "refused",
      providerMessage: "Test post office refused the letter: notA4",
      problem: { code: "printCheck", problem: { code: "notA4", params: { page: 2, width: 297, height: 210 } } },
    });
    expect(say("en", printCheck)).toBe("The test post office refused the letter: Page 2 is 297 × 210 mm: only A4 portrait (210 × 297 mm) can be posted.");
    expect(say("fr", printCheck)).toMatch(/^Le bureau de poste de test a refusé le courrier\. La page 2 mesure 297 × 210 mm/);
    expect(say("zh-CN", printCheck)).toMatch(/^测试邮局拒收了这封信件：第 2 页/);

    const retrying = encodeLetterError({ kind: "retrying", providerMessage: "Pingen could not be reached: fetch failed", problem: { code: "unreachable" }, attempt: 1, maxAttempts: 5, inMinutes: 5 });
    expect(say("fr", retrying)).toContain("Pingen est injoignable.");
    const pingenSaid = encodeLetterError({ kind: "refused", providerMessage: "Pingen: Validation error: No address found in the address window" });
    expect(say("zh-CN", pingenSaid)).toBe("Pingen: Validation error: No address found in the address window");
  });
});
