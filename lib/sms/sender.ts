// Who an SMS comes from. A company may set an alphanumeric sender name
// ("ACME"): used where the destination country lets one through without
// registration, else the message leaves from the configured number. A small
// table from Twilio's per-country SMS guidelines; a country not listed gets
// the number, which is always delivered.
import { z } from "zod";

export const ALPHANUMERIC_COUNTRIES: readonly string[] = [
  "AT", "AU", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IS",
  "IT", "LT", "LU", "LV", "MT", "NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SI", "SK", "ZA", "MA", "TN", "SN", "CI",
];
const ALPHANUMERIC_ALLOWED = new Set(ALPHANUMERIC_COUNTRIES);

/** Countries where an alphanumeric sender is refused or rewritten (listed so the settings page can say so). */
export const ALPHANUMERIC_REFUSED = ["US", "CA", "PR", "BR", "CN", "AR", "CL", "CO", "MX"] as const;

export function alphanumericAllowed(country: string | null): boolean {
  return country !== null && ALPHANUMERIC_ALLOWED.has(country.toUpperCase());
}

/** Carriers' rule for alphanumeric sender IDs: 1–11 characters, letters, digits and spaces, at least one letter. */
export const senderNameSchema = z
  .string()
  .trim()
  .max(11, "field.atMostCharacters")
  .regex(/^[A-Za-z0-9 ]*$/, "sms.senderCharacters")
  .refine((name) => name === "" || /[A-Za-z]/.test(name), "sms.senderLetter");

export type SenderChoice = { kind: "name"; name: string } | { kind: "number" };

/** The sender for one destination: the company's name where allowed, else the gateway's number. */
export function senderFor(senderName: string | null | undefined, destinationCountry: string | null): SenderChoice {
  return senderName && alphanumericAllowed(destinationCountry) ? { kind: "name", name: senderName } : { kind: "number" };
}
