import { FIELD_NAMES, type ExtractedFields } from "./types";

// Checks that catch misreads whatever extractor produced the fields: a failed
// check lowers the field's confidence and says why, so the review screen
// highlights it; a passed cross-check (subtotal + tax = total) raises it.

/** IBAN (ISO 13616): move the first four characters to the end, letters → numbers, mod 97 must be 1. */
export function ibanIsValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/**
 * VAT number check keys for the countries whose algorithm is public and simple.
 * true/false for those; null when the country's key is not checked here (only
 * the shape was).
 */
export function vatCheck(vat: string): boolean | null {
  const v = normaliseVat(vat);
  const country = v.slice(0, 2);
  const body = v.slice(2);
  switch (country) {
    case "BE": {
      if (!/^[01]\d{9}$/.test(body)) return false;
      return 97 - (Number(body.slice(0, 8)) % 97) === Number(body.slice(8));
    }
    case "DE": {
      // ISO 7064 MOD 11,10.
      if (!/^\d{9}$/.test(body)) return false;
      let product = 10;
      for (const digit of body.slice(0, 8)) {
        let sum = (Number(digit) + product) % 10;
        if (sum === 0) sum = 10;
        product = (2 * sum) % 11;
      }
      return (11 - product) % 10 === Number(body[8]);
    }
    case "FR": {
      if (!/^\d{11}$/.test(body)) return /^[0-9A-Z]{2}\d{9}$/.test(body) ? null : false;
      return (12 + 3 * (Number(body.slice(2)) % 97)) % 97 === Number(body.slice(0, 2));
    }
    case "NL": {
      if (!/^\d{9}B\d{2}$/.test(body)) return false;
      const digits = body.slice(0, 9).split("").map(Number);
      const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8];
      // Sole traders since 2020 carry a number that passes the IBAN-style mod 97 instead.
      return sum % 11 === 0 || mod97(`NL${body}`) === 1;
    }
    case "IT": {
      if (!/^\d{11}$/.test(body)) return false;
      const sum = body.split("").map(Number).reduce((s, d, i) => s + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
      return sum % 10 === 0;
    }
    case "GB": {
      if (!/^\d{9}(\d{3})?$/.test(body)) return false;
      const digits = body.slice(0, 9).split("").map(Number);
      const weighted = digits.slice(0, 7).reduce((s, d, i) => s + d * (8 - i), 0) + Number(body.slice(7, 9));
      return weighted % 97 === 0 || (weighted + 55) % 97 === 0;
    }
    default:
      return /^[A-Z]{2}[0-9A-Z]{8,12}$/.test(v) ? null : false;
  }
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

function doubt(fields: ExtractedFields, name: keyof ExtractedFields, factor: number, flag: string) {
  const field = fields[name];
  field.confidence = Math.round(field.confidence * factor * 100) / 100;
  if (!field.flags.includes(flag)) field.flags.push(flag);
}

/** Returns a copy of `fields` with the checks applied. */
export function checkFields(input: ExtractedFields): ExtractedFields {
  const fields = structuredClone(input);
  for (const name of FIELD_NAMES) if (fields[name].value === null) fields[name].confidence = 0;

  const { iban, vendorVat, invoiceDate, dueDate } = fields;
  if (iban.value && !ibanIsValid(iban.value)) doubt(fields, "iban", 0.3, "IBAN check digits do not match (mod 97)");
  if (vendorVat.value) {
    const valid = vatCheck(vendorVat.value);
    if (valid === false) doubt(fields, "vendorVat", 0.3, "VAT number check key does not match");
    if (valid === null) doubt(fields, "vendorVat", 0.85, "VAT number's check key not verified for this country");
  }
  for (const name of ["invoiceDate", "dueDate"] as const) {
    const value = fields[name].value;
    if (value && !isIsoDate(value)) doubt(fields, name, 0.2, "Not a valid date");
  }
  if (invoiceDate.value && dueDate.value && isIsoDate(invoiceDate.value) && isIsoDate(dueDate.value) && dueDate.value < invoiceDate.value) {
    doubt(fields, "dueDate", 0.5, "Due date is before the invoice date");
  }

  const subtotal = amountToCents(fields.subtotal.value);
  const tax = amountToCents(fields.tax.value);
  const total = amountToCents(fields.total.value);
  for (const name of ["subtotal", "tax", "total"] as const) {
    if (fields[name].value !== null && amountToCents(fields[name].value) === null) doubt(fields, name, 0.2, "Not an amount");
  }
  if (subtotal !== null && tax !== null && total !== null) {
    if (subtotal + tax === total) {
      // Three numbers read independently that add up are very unlikely all misread.
      for (const name of ["subtotal", "tax", "total"] as const) fields[name].confidence = Math.max(fields[name].confidence, 0.97);
    } else {
      for (const name of ["subtotal", "tax", "total"] as const) doubt(fields, name, 0.5, "Subtotal + tax does not equal the total");
    }
  }
  return fields;
}
