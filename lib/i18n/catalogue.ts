// The message catalogues: messages/<locale>/<namespace>.json, one file per
// area of the app, merged into one object per locale (namespace → messages).
// Read from disk once per process; a file added to messages/en needs the same
// file in every locale (tests/architecture/catalogues.test.ts says so).
//
// Both the request configuration (i18n/request.ts, for pages and actions) and
// work outside any request (e-mails sent by a job, PDFs) read the catalogues
// here, so a text is written once whoever shows it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
// use-intl/core (next-intl's own core, no React): the CLI runs with the react-server
// condition, where next-intl's entry point cannot load (it needs client React).
import { createTranslator, type MarkupTranslationValues, type TranslationValues } from "use-intl/core";
import type { Locale } from "./locales";

export type Messages = Record<string, Record<string, unknown>>;

export const MESSAGES_DIR = path.join(process.cwd(), "messages");

const loaded = new Map<Locale, Messages>();

export function loadMessages(locale: Locale): Messages {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = readCatalogue(path.join(MESSAGES_DIR, locale));
    loaded.set(locale, messages);
  }
  return messages;
}

/** Every JSON file of one locale's folder, keyed by its name without `.json`. */
export function readCatalogue(dir: string): Messages {
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  }
  return messages;
}

/**
 * A translator keyed by plain strings: the catalogues are JSON read at run
 * time, so the compiler knows none of their keys (next-intl would type them
 * as `never`); tests/architecture/catalogues.test.ts checks that every
 * language has each key.
 */
export interface Words {
  (key: string, values?: TranslationValues): string;
  has(key: string): boolean;
  /** A message with tags (`<b>…</b>`), as a string: each tag a function of its text; values are inserted as given (escape them first for HTML). */
  markup(key: string, values: MarkupTranslationValues): string;
}

/**
 * A translator outside a request (a job's e-mail, a PDF): the same ICU
 * messages as the pages, for an explicit locale and time zone.
 * `translatorFor("fr", "alerts")("lowCredits.subject", { service })`.
 */
export function translatorFor(locale: Locale, namespace: string, timeZone = "UTC"): Words {
  return createTranslator({ locale, messages: loadMessages(locale), namespace, timeZone }) as unknown as Words;
}

