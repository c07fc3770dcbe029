// A contact made from a lead says so in the reader's language: the chatter
// stores a code and the lead's source or pages, and words them when shown.
import { describe, expect, it } from "vitest";
import type { ChatterLog } from "@/lib/contacts/chatter";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { logText } from "./chatter-log";

const wordsIn = (locale: Locale) => ({
  contacts: translatorFor(locale, "contacts"),
  sms: translatorFor(locale, "sms"),
  letters: translatorFor(locale, "letters"),
  leads: translatorFor(locale, "leads"),
});
const mined: ChatterLog = { code: "leadMined", params: { source: "gleif" } };
const visit: ChatterLog = { code: "leadFromVisit", params: { pages: ["/contact-us", "/pricing", "/"] } };

describe("chatter entries of a converted lead", () => {
  it("English reads as before", () => {
    expect(logText(wordsIn("en"), "en", mined)).toBe("Created from a lead (Lead Generation, GLEIF LEI data).");
    expect(logText(wordsIn("en"), "en", visit)).toBe("Created from a lead (Lead Generation, website visit: /contact-us, /pricing, /).");
  });

  it("a French reader gets French, the source named in French", () => {
    expect(logText(wordsIn("fr"), "fr", mined)).toBe("Créé à partir d’une piste (Génération de pistes, Données LEI de la GLEIF).");
    expect(logText(wordsIn("fr"), "fr", visit)).toBe("Créé à partir d’une piste (Génération de pistes, visite du site web\u00a0: /contact-us, /pricing, /).");
  });

  it("a Chinese reader gets Chinese with the glossary's service name", () => {
    expect(logText(wordsIn("zh-CN"), "zh-CN", mined)).toBe("由潜在客户创建（潜在客户生成，GLEIF LEI 数据）。");
    expect(logText(wordsIn("zh-CN"), "zh-CN", visit)).toBe("由潜在客户创建（潜在客户生成，网站访问：/contact-us, /pricing, /）。");
  });

  it("a source this version does not know is shown as its code", () => {
    expect(logText(wordsIn("fr"), "fr", { code: "leadMined", params: { source: "acme" } })).toBe("Créé à partir d’une piste (Génération de pistes, acme).");
  });
});
