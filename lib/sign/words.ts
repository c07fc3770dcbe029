// The Sign app's words outside a request (e-mails, the signed PDF): a
// translator of one part of messages/<locale>/sign.json for a given locale.
// Typed loosely (any key of that part): the catalogue test checks the keys.
import { translatorFor, type Words } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";

export type SignWords = Words;

export function signWords(locale: Locale, part: "emails" | "audit" | "errors.request" | "errors.verification"): SignWords {
  return translatorFor(locale, `sign.${part}`);
}
