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
});
