// The alerts' translator: translatorFor (lib/i18n/catalogue) for one locale and
// namespace, typed by plain string keys (the catalogues are JSON read at run
// time, so the compiler knows no key; tests/architecture/catalogues.test.ts
// checks that every language has them).
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";

type Values = Record<string, string | number>;

export interface Words {
  (key: string, values?: Values): string;
  has(key: string): boolean;
  /** A message with tags (`<b>…</b>`), each tag a function of its text; values are inserted as given (escape them first for HTML). */
  markup(key: string, values: Record<string, string | number | ((chunks: string) => string)>): string;
}

export function wordsFor(locale: Locale, namespace: "alerts" | "iap" | "buy" | "billing"): Words {
  return translatorFor(locale, namespace) as unknown as Words;
}
