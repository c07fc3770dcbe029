// ISO 3166-1 alpha-2 codes (from datasets/country-codes, PDDL), kept as data in
// data/country-codes.json. Names come from Intl.DisplayNames, so they follow the
// reader's language without a table here.
import codes from "./data/country-codes.json";

export const COUNTRY_CODES: readonly string[] = codes;

const CODES = new Set<string>(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}

const namesByLocale = new Map<string, Intl.DisplayNames>();

export function countryName(code: string | null | undefined, locale = "en"): string {
  if (!code) return "";
  let names = namesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    namesByLocale.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** [{ code, name }] sorted by name, for the country select. */
export function countryOptions(locale = "en"): { code: string; name: string }[] {
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
}
