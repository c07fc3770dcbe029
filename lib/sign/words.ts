// The Sign app's words outside a request (e-mails, the signed PDF): a
// translator of one part of messages/<locale>/sign.json for a given locale.
// Typed loosely (any key of that part): the catalogue test checks the keys.
import type { MarkupTranslationValues, TranslationValues } from "next-intl";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";

export interface SignWords {
  (key: string, values?: TranslationValues): string;
  /** A message with tags, as a string: the tags' functions write the markup. */
  markup(key: string, values: MarkupTranslationValues): string;
}

export function signWords(locale: Locale, part: "emails" | "audit" | "errors.request" | "errors.verification"): SignWords {
  return translatorFor(locale, `sign.${part}`) as unknown as SignWords;
}
