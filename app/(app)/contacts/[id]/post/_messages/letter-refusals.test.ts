// What a reader sees when a letter cannot be posted: lib/snailmail returns the
// code, the compose actions word it in the reader's language (English as before).
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import type { ComposeProblem } from "@/lib/snailmail/compose";
import { letterRefusal } from "./letter-refusals";

const say = (locale: Locale, problem: ComposeProblem) => letterRefusal(translatorFor(locale, "letters"), problem, locale);

describe("letter refusals in the reader's language", () => {
  it("names missing and wrong address fields, under the field they concern", () => {
    const missing: ComposeProblem = { code: "address", missing: ["street", "city", "zip"], invalid: {} };
    expect(say("en", missing)).toEqual({
      message: "The contact's address cannot be posted to: Street, City and ZIP / postal code are missing.",
      fieldErrors: { address: ["Street is missing", "City is missing", "ZIP / postal code is missing"] },
    });
    expect(say("fr", missing).fieldErrors).toEqual({ address: ["Rue manquant(e)", "Ville manquant(e)", "Code postal manquant(e)"] });
    expect(say("fr", missing).message).toBe("L'adresse du contact ne permet pas d'envoyer la lettre. Champs manquants\u00a0: Rue, Ville et Code postal.");
    expect(say("zh-CN", missing).message).toBe("无法寄送到该联系人的地址：缺少街道、城市和邮政编码。");

    const zip: ComposeProblem = { code: "address", missing: [], invalid: { zip: { code: "postalCodeFor", params: { country: "BE", example: "1000" } } } };
    expect(say("en", zip)).toEqual({
      message: "The contact's address cannot be posted to: ZIP / postal code: Not a valid postal code for Belgium (for example 1000).",
      fieldErrors: { zip: ["Not a valid postal code for Belgium (for example 1000)."] },
    });
    expect(say("fr", zip)).toEqual({
      message: "L'adresse du contact ne permet pas d'envoyer la lettre. Code postal\u00a0: Code postal non valide (Belgique, par exemple 1000).",
      fieldErrors: { zip: ["Code postal non valide (Belgique, par exemple 1000)."] },
    });
    expect(say("zh-CN", zip).fieldErrors).toEqual({ zip: ["不是比利时的有效邮政编码（例如 1000）。"] });

    const one: ComposeProblem = { code: "address", missing: ["city"], invalid: { country: { code: "unknownCountry", params: { country: "XX" } } } };
    expect(say("en", one).message).toBe('The contact\'s address cannot be posted to: City is missing. Country: Unknown country code "XX".');
    expect(say("fr", one).message).toBe("L'adresse du contact ne permet pas d'envoyer la lettre. Champ manquant\u00a0: Ville. Pays\u00a0: Code pays inconnu «\u00a0XX\u00a0».");
    expect(say("zh-CN", one).message).toBe("无法寄送到该联系人的地址：缺少城市。国家/地区：未知的国家/地区代码“XX”。");
  });

  it("words document, text and price refusals, the document's and the text's under their field", () => {
    const notA4: ComposeProblem = { code: "notA4", params: { page: 1, width: 216, height: 279 }, field: "document" };
    const en = "Page 1 is 216 × 279 mm: only A4 portrait (210 × 297 mm) can be posted.";
    expect(say("en", notA4)).toEqual({ message: en, fieldErrors: { document: [en] } });
    expect(say("fr", notA4).message).toBe("La page 1 mesure 216 × 279 mm\u00a0: seul le format A4 portrait (210 × 297 mm) peut être envoyé.");
    expect(say("zh-CN", notA4).message).toBe("第 1 页为 216 × 279 毫米：只能寄送 A4 纵向（210 × 297 毫米）页面。");

    const unprintable: ComposeProblem = { code: "unprintable", params: { characters: ["☃", "☂"] }, field: "body" };
    expect(say("en", unprintable)).toEqual({ message: "These characters cannot be printed: ☃ ☂", fieldErrors: { body: ["These characters cannot be printed: ☃ ☂"] } });
    expect(say("fr", unprintable).message).toBe("Ces caractères ne peuvent pas être imprimés\u00a0: ☃ ☂");
    expect(say("zh-CN", unprintable).message).toBe("无法打印以下字符：☃ ☂");

    const cases: [ComposeProblem, string, string, string][] = [
      [{ code: "contactGone" }, "This contact does not exist.", "Ce contact n'existe pas.", "该联系人不存在。"],
      [
        { code: "noPrice", params: { country: "AQ" } },
        "No price for letters to AQ: this destination is not served.",
        "Aucun tarif pour les lettres à destination de AQ\u00a0: cette destination n'est pas desservie.",
        "没有寄往 AQ 的信件价格：不提供该目的地的服务。",
      ],
      [{ code: "tooManySheets", params: { max: 30 } }, "Too many pages: at most 30 sheets per letter.", "Trop de pages\u00a0: 30 feuilles au plus par lettre.", "页数过多：每封信最多 30 张纸。"],
      [{ code: "noPages" }, "The letter has no pages.", "La lettre n'a aucune page.", "该信件没有页面。"],
    ];
    for (const [problem, enText, fr, zh] of cases) {
      expect(say("en", problem)).toEqual({ message: enText, fieldErrors: {} });
      expect(say("fr", problem).message).toBe(fr);
      expect(say("zh-CN", problem).message).toBe(zh);
    }
    const documentCodes = ["passwordProtected", "unreadable", "documentEmpty", "notPageByPage"] as const;
    expect(documentCodes.map((code) => say("en", { code, field: "document" }).message)).toEqual([
      "The PDF is password-protected: attach an unprotected copy.",
      "The file is not a readable PDF.",
      "The PDF has no pages.",
      "The PDF could not be read page by page: export it again as PDF and retry.",
    ]);
    expect(say("en", { code: "documentTooLong", params: { count: 31, max: 30 }, field: "document" }).message).toBe("The PDF has 31 pages: at most 30 can be posted.");
  });
});
