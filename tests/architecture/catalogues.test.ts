// The three catalogues (messages/en, fr, zh-CN) say the same things: the same
// files and keys, every message valid ICU, and each translation using the
// same variables as the English (a missing {count} would show a wrong number;
// an extra one would show nothing).
import { readdirSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { MESSAGES_DIR, readCatalogue } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

function flatten(messages: unknown, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(name, value);
    else if (value && typeof value === "object") for (const [k, v] of flatten(value, name)) flat.set(k, v);
    else flat.set(name, `<not a message: ${JSON.stringify(value)}>`);
  }
  return flat;
}

/** The variables and tags a message uses: "count:plural", "name", "<link>". */
function variablesOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(element.options)) variablesOf(option.value, found);
    }
    if (element.type === TYPE.tag) {
      found.add(`<${element.value}>`);
      variablesOf(element.children, found);
    }
  }
  return found;
}

const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(readCatalogue(path.join(MESSAGES_DIR, locale)))]));
const reference = catalogues[DEFAULT_LOCALE]!;

describe("message catalogues", () => {
  it("has the same namespace files in every locale", () => {
    const files = (locale: string) => readdirSync(path.join(MESSAGES_DIR, locale)).filter((name) => name.endsWith(".json")).sort();
    for (const locale of LOCALES) expect(files(locale), locale).toEqual(files(DEFAULT_LOCALE));
  });

  it.each(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))("%s has exactly the English keys", (locale) => {
    const keys = [...catalogues[locale]!.keys()];
    expect(keys.filter((key) => !reference.has(key)), "keys English lacks").toEqual([]);
    expect([...reference.keys()].filter((key) => !catalogues[locale]!.has(key)), "keys missing").toEqual([]);
  });

  it.each(LOCALES)("%s: every message is valid ICU with the English variables", (locale) => {
    const problems: string[] = [];
    for (const [key, message] of catalogues[locale]!) {
      let variables: Set<string>;
      try {
        variables = variablesOf(parse(message));
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if (!message.trim()) problems.push(`${key}: empty`);
      const english = reference.get(key);
      if (english === undefined) continue;
      const expected = variablesOf(parse(english));
      const differ = [...variables].filter((v) => !expected.has(v)).concat([...expected].filter((v) => !variables.has(v)));
      if (differ.length) problems.push(`${key}: variables ${[...variables].join(",")} vs English ${[...expected].join(",")}`);
    }
    expect(problems).toEqual([]);
  });
});
