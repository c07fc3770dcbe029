// Phone numbers to E.164 with libphonenumber-js, the way the ERP does it: the
// contact's country first, then the company's; numbers typed with "00" or
// without their "+" are retried as international. A number that parses but is
// not a valid number for its country (e.g. "12345") is refused: check
// validity, not parsing. Pure, so the form and the dialog use it too.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export interface ParsedPhone {
  /** "+33612345678" */
  e164: string;
  /** "+33 6 12 34 56 78" */
  international: string;
  /** Country the number belongs to (may differ from the contact's). */
  country: string | null;
}

function asCountry(code: string | null | undefined): CountryCode | undefined {
  return code && /^[A-Z]{2}$/i.test(code) ? (code.toUpperCase() as CountryCode) : undefined;
}

function tryParse(text: string, country?: CountryCode): ParsedPhone | null {
  const number = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  if (!number || !number.isValid()) return null;
  return { e164: number.number, international: number.formatInternational(), country: number.country ?? null };
}

export function parsePhone(
  raw: string | null | undefined,
  countries: { contact?: string | null; company?: string | null } = {},
): ParsedPhone | null {
  const text = (raw ?? "").trim();
  if (!/\d/.test(text)) return null;
  const candidates: [string, CountryCode | undefined][] = [];
  for (const country of [asCountry(countries.contact), asCountry(countries.company)]) {
    if (country) candidates.push([text, country]);
  }
  const digits = text.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) candidates.push([digits, undefined]);
  else if (digits.startsWith("00")) candidates.push([`+${digits.slice(2)}`, undefined]);
  else candidates.push([`+${digits}`, undefined]);
  for (const [candidate, country] of candidates) {
    const parsed = tryParse(candidate, country);
    if (parsed) return parsed;
  }
  return null;
}

/** What to show for a stored number: international format when it parses, else as typed. */
export function displayPhone(raw: string | null | undefined, countries: { contact?: string | null; company?: string | null } = {}): string {
  return parsePhone(raw, countries)?.international ?? (raw ?? "").trim();
}

/** International format of a number already validated and stored in E.164 (no re-validation). */
export function formatE164(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** "+33" for FR: the code numbers typed without one are read with. Null for a code libphonenumber does not know. */
export function callingCode(country: string | null | undefined): string | null {
  const code = asCountry(country);
  if (!code) return null;
  try {
    return `+${getCountryCallingCode(code)}`;
  } catch {
    return null;
  }
}
