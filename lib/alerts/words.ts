// The alerts' translator: translatorFor (lib/i18n/catalogue) for one locale and
// one of the namespaces the alert and billing e-mails and actions use.
import { translatorFor, type Words } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";

export type { Words };

export function wordsFor(locale: Locale, namespace: "alerts" | "iap" | "buy" | "billing"): Words {
  return translatorFor(locale, namespace);
}
