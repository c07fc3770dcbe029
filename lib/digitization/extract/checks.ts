import { isValidIBAN } from "ibantools";
import { checkVAT, countries } from "jsvat";
import { FIELD_NAMES, type ExtractedFields, type FieldFlag } from "./types";

// Checks that catch misreads whatever extractor produced the fields: a failed
// check lowers the field's confidence and says why, so the review screen
// highlights it; a passed cross-check (subtotal + tax = total) raises it.

/** IBAN (ISO 13616): the country's length and format, mod 97 = 1 (ibantools). */
export function ibanIsValid(iban: string): boolean {
  return isValidIBAN(iban.replace(/\s+/g, "").toUpperCase());
}

/**
 * A VAT number against its country's format and check key (jsvat: every EU
 * state, GB, CH, NO and more): "valid", "check_failed" (the format is right,
 * the check key is not: kept but flagged, an OCR misread or a typo),
 * "unverified" (a country jsvat does not know, shape only) or "invalid".
 */
export function vatFormat(vat: string): "valid" | "check_failed" | "unverified" | "invalid" {
  let v = normaliseVat(vat);
  if (v.startsWith("GR")) v = `EL${v.slice(2)}`;
  if (v.startsWith("XI")) v = `GB${v.slice(2)}`;
  // jsvat checks a Swiss UID with its tax suffix.
  const result = checkVAT(/^CHE\d{9}$/.test(v) ? `${v}MWST` : v, countries);
  if (result.isValid) return "valid";
  if (result.isValidFormat) return "check_failed";
  if (!result.isSupportedCountry && /^[A-Z]{2}[0-9A-Z]{8,12}$/.test(v)) return "unverified";
  return "invalid";
}

export function normaliseVat(vat: string): string {
  return vat.replace(/[\s.\-]/g, "").toUpperCase();
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1 && Number(match[1]) >= 1990 && Number(match[1]) <= 2100;
}

/** "1234.50" → 123450n (cents); null when it is not such an amount. */
export function amountToCents(value: string | null): bigint | null {
  if (value === null) return null;
  const match = /^(-?\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const sign = match[1].startsWith("-") ? -1n : 1n;
  return sign * (BigInt(match[1].replace("-", "")) * 100n + BigInt((match[2] ?? "").padEnd(2, "0")));
}

export function centsToAmount(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

function doubt(fields: ExtractedFields, name: keyof ExtractedFields, factor: number, flag: FieldFlag) {
  const field = fields[name];
  field.confidence = Math.round(field.confidence * factor * 100) / 100;
  if (!field.flags.includes(flag)) field.flags.push(flag);
}

/** Returns a copy of `fields` with the checks applied. */
export function checkFields(input: ExtractedFields): ExtractedFields {
  const fields = structuredClone(input);
  for (const name of FIELD_NAMES) if (fields[name].value === null) fields[name].confidence = 0;

  const { iban, vendorVat, invoiceDate, dueDate } = fields;
  if (iban.value && !ibanIsValid(iban.value)) doubt(fields, "iban", 0.3, "iban_check_failed");
  if (vendorVat.value) {
    const format = vatFormat(vendorVat.value);
    if (format === "invalid") doubt(fields, "vendorVat", 0.3, "vat_format_invalid");
    if (format === "check_failed") doubt(fields, "vendorVat", 0.6, "vat_check_failed");
    if (format === "unverified") doubt(fields, "vendorVat", 0.9, "vat_check_unverified");
  }
  for (const name of ["invoiceDate", "dueDate"] as const) {
    const value = fields[name].value;
    if (value && !isIsoDate(value)) doubt(fields, name, 0.2, "invalid_date");
  }
  if (invoiceDate.value && dueDate.value && isIsoDate(invoiceDate.value) && isIsoDate(dueDate.value) && dueDate.value < invoiceDate.value) {
    doubt(fields, "dueDate", 0.5, "due_before_invoice");
  }

  const subtotal = amountToCents(fields.subtotal.value);
  const tax = amountToCents(fields.tax.value);
  const total = amountToCents(fields.total.value);
  for (const name of ["subtotal", "tax", "total"] as const) {
    if (fields[name].value !== null && amountToCents(fields[name].value) === null) doubt(fields, name, 0.2, "not_an_amount");
  }
  if (subtotal !== null && tax !== null && total !== null) {
    if (subtotal + tax === total) {
      // Three numbers read independently that add up are very unlikely all misread.
      for (const name of ["subtotal", "tax", "total"] as const) fields[name].confidence = Math.max(fields[name].confidence, 0.97);
    } else {
      for (const name of ["subtotal", "tax", "total"] as const) doubt(fields, name, 0.5, "totals_disagree");
    }
  }
  return fields;
}
