// The address check that runs before anything is charged or queued: every
// missing field is named on its own, and the postal code must match the
// destination country's format (data/postal-codes.json).
import { countryName as localizedCountryName, isCountryCode } from "@/lib/contacts/countries";
import postalCodes from "./data/postal-codes.json";
import regions from "./data/regions.json";

export interface PostalAddress {
  name: string;
  street: string | null;
  street2?: string | null;
  city: string | null;
  zip: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
}

export type AddressField = "name" | "street" | "city" | "zip" | "country";

/** Why a field that is there cannot be posted to (words: messages/<locale>/letters.json "address"). */
export type AddressProblem =
  | { code: "unknownCountry"; params: { country: string } }
  | { code: "postalCodeFor"; params: { country: string; example: string } }
  | { code: "postalCode" };

export type AddressCheck =
  | { ok: true; address: PostalAddress & { country: string } }
  | { ok: false; missing: AddressField[]; invalid: Partial<Record<AddressField, AddressProblem>> };

interface PostalCodeFormat {
  pattern: string;
  example: string;
  optional?: boolean;
}

const FORMATS = postalCodes as unknown as Record<string, PostalCodeFormat | null | string>;
/** UN M49 region of each country (from country-codes.csv): the postage table's "region" zone. */
const REGIONS = regions as Record<string, string>;
const GENERIC_POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/;

/** The country's English name, as printed on an international address's last line. */
export function countryName(code: string): string {
  return localizedCountryName(code, "en");
}

export function countryRegion(code: string): string | null {
  return REGIONS[code] ?? null;
}

export function isKnownCountry(code: string): boolean {
  return isCountryCode(code);
}

/** Country codes with a postal code format check (for the README and tests). */
export function countriesWithPostalFormat(): string[] {
  return Object.entries(FORMATS)
    .filter(([code, format]) => !code.startsWith("$") && format !== null)
    .map(([code]) => code);
}

/** Upper-cases and collapses spaces, the way a sorting machine reads a postal code. */
export function normalizePostalCode(zip: string): string {
  return zip.trim().toUpperCase().replace(/\s+/g, " ");
}

/** null when the code fits the country (or the country has no codes); otherwise "missing" or the problem. */
export function postalCodeProblem(country: string, zip: string | null): "missing" | AddressProblem | null {
  const format = FORMATS[country];
  const value = zip ? normalizePostalCode(zip) : "";
  if (format === null) return null;
  if (typeof format === "object" && format !== undefined) {
    if (!value) return format.optional ? null : "missing";
    return new RegExp(format.pattern).test(value) ? null : { code: "postalCodeFor", params: { country, example: format.example } };
  }
  if (!value) return "missing";
  return GENERIC_POSTAL_CODE.test(value) ? null : { code: "postalCode" };
}

const blank = (value: string | null | undefined) => !value || value.trim() === "";

export function validateAddress(input: PostalAddress): AddressCheck {
  const missing: AddressField[] = [];
  const invalid: Partial<Record<AddressField, AddressProblem>> = {};
  if (blank(input.name)) missing.push("name");
  if (blank(input.street)) missing.push("street");
  if (blank(input.city)) missing.push("city");
  const country = input.country?.trim().toUpperCase() ?? "";
  if (!country) {
    missing.push("country");
    if (blank(input.zip)) missing.push("zip");
  } else if (!isKnownCountry(country)) {
    invalid.country = { code: "unknownCountry", params: { country } };
  } else {
    const problem = postalCodeProblem(country, input.zip);
    if (problem === "missing") missing.push("zip");
    else if (problem) invalid.zip = problem;
  }
  missing.sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  if (missing.length || Object.keys(invalid).length) return { ok: false, missing, invalid };
  return {
    ok: true,
    address: {
      name: input.name.trim(),
      street: input.street!.trim(),
      street2: blank(input.street2) ? null : input.street2!.trim(),
      city: input.city!.trim(),
      zip: blank(input.zip) ? null : normalizePostalCode(input.zip!),
      country,
    },
  };
}

const FIELD_ORDER: AddressField[] = ["name", "street", "city", "zip", "country"];

/** The letters namespace's translator (getTranslations("letters") or translatorFor(locale, "letters")). */
export type LetterWords = (key: string, values?: Record<string, string | number>) => string;

/** "Not a valid postal code for France (for example 75001)." in the reader's language. */
export function addressProblemText(t: LetterWords, problem: AddressProblem, locale: string): string {
  switch (problem.code) {
    case "unknownCountry":
      return t("address.unknownCountry", problem.params);
    case "postalCodeFor":
      return t("address.postalCodeFor", { country: localizedCountryName(problem.params.country, locale), example: problem.params.example });
    case "postalCode":
      return t("address.postalCode");
  }
}

/** "City is missing." / "Street and City are missing. ZIP / postal code: …" — the words the form shows, in the reader's language. */
export function describeAddressProblems(check: Extract<AddressCheck, { ok: false }>, t: LetterWords, locale: string): string {
  const lines: string[] = [];
  if (check.missing.length) {
    const labels = check.missing.map((field) => t(`field.${field}`));
    lines.push(
      labels.length === 1
        ? t("address.missingOne", { field: labels[0] })
        : t("address.missingMany", { fields: labels.slice(0, -1).join(t("address.listSeparator")), last: labels.at(-1)! }),
    );
  }
  for (const [field, problem] of Object.entries(check.invalid)) {
    lines.push(t("post.fieldInvalid", { field: t(`field.${field}`), message: addressProblemText(t, problem, locale) }));
  }
  // Sentences follow one another with a space in English and French, without one in Chinese.
  return lines.length ? lines.reduce((before, after) => t("address.then", { before, after })) : "";
}
