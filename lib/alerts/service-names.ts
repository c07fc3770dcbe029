// What the alert and billing e-mails, the invoice PDF (and the pages) call a
// service, its unit and a credit pack in a given language. The database keeps
// English names (iap_service and credit_pack, seeded from lib/iap/catalogue and
// lib/billing/pack-catalogue); the words per language are in
// messages/<locale>/iap.json (`services.*`, `packs.<code>`).
import { wordsFor } from "./words";
import { localeOr, type Locale } from "@/lib/i18n/locales";

/** The language of an account's alerts: its warning e-mail's, else its company's. */
export function alertLocale(row: { warning_locale: string | null; company_locale: string | null }): Locale {
  return localeOr(row.warning_locale, localeOr(row.company_locale));
}

/**
 * Whether the catalogue speaks for this service: it knows the technical name
 * and the stored name is still its English one (a service renamed in the
 * database keeps the name it was given, in every language).
 */
export function isCatalogueService(technicalName: string, storedName: string): boolean {
  return isCatalogueName(`services.${technicalName}.name`, storedName);
}

// The English catalogue, made once: the pages ask it for every pack and
// service name they show.
let englishWords: ReturnType<typeof wordsFor> | undefined;

/** Whether the English catalogue has `key` and it still reads `storedName`. */
function isCatalogueName(key: string, storedName: string): boolean {
  const english = (englishWords ??= wordsFor("en", "iap"));
  return english.has(key) && english(key) === storedName;
}

/** A service's name in `locale` (messages/<locale>/iap.json), else its stored name. */
export function serviceNameIn(locale: Locale, technicalName: string, stored: string): string {
  return isCatalogueService(technicalName, stored) ? wordsFor(locale, "iap")(`services.${technicalName}.name`) : stored;
}

/** The unit's word in `locale`: every service counts "credits"; another unit keeps its stored word. */
export function unitNameIn(locale: Locale, stored: string): string {
  return stored === "credits" ? wordsFor(locale, "iap")("unit") : stored;
}

/**
 * Whether the catalogue speaks for this pack: it knows the code and the stored
 * name is still its English one. An operator's own pack (a code of theirs) or
 * a pack renamed in the database keeps the name it was given, in every language.
 */
export function isCataloguePack(code: string, storedName: string): boolean {
  return isCatalogueName(`packs.${code}`, storedName);
}

/** A pack's name in `locale` ("Pack Starter", "入门套餐"), else its stored name. */
export function packNameIn(locale: Locale, code: string, stored: string): string {
  return isCataloguePack(code, stored) ? wordsFor(locale, "iap")(`packs.${code}`) : stored;
}
