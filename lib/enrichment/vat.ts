// VAT numbers: the format each EU member state uses (VIES codes: EL for
// Greece, XI for Northern Ireland), check digits where the rule is public and
// simple (FR, BE, DK), and, for countries whose VAT number contains the
// national registration number, that number — so "FR40303265045" finds the
// company registered as SIREN 303265045. Nothing here invents a VAT number.

const FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^([A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/,
  FI: /^\d{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** The VIES prefix → ISO 3166 country. */
const ISO_COUNTRY: Record<string, string> = { EL: "GR", XI: "GB" };

export interface ParsedVat {
  /** VIES prefix (EL, XI…). */
  prefix: string;
  /** Without the prefix. */
  number: string;
  /** prefix + number, no spaces. */
  vat: string;
  /** ISO country code of the number. */
  country: string;
  valid: boolean;
  /** Why it is not valid (a code the forms word): the number's shape, or its check digits. */
  problem: "format" | "checkDigits" | null;
  /** What was corrected while reading it: "greekPrefix" (Greek numbers start EL, not GR). */
  hint: "greekPrefix" | null;
}

/** Looks like a VAT number: two letters then mostly digits ("FR 40 303 265 045", "EL123456789"). */
export function looksLikeVat(input: string): boolean {
  const compact = input.toUpperCase().replace(/[\s.\-]/g, "");
  return /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(compact) && /\d{2}/.test(compact) && compact.slice(0, 2) in { ...FORMATS, GR: 1 };
}

export function parseVat(input: string): ParsedVat | null {
  let compact = input.toUpperCase().replace(/[\s.\-]/g, "");
  if (!/^[A-Z]{2}/.test(compact)) return null;
  let hint: ParsedVat["hint"] = null;
  if (compact.startsWith("GR")) {
    compact = `EL${compact.slice(2)}`;
    hint = "greekPrefix";
  }
  const prefix = compact.slice(0, 2);
  const number = compact.slice(2);
  const format = FORMATS[prefix];
  if (!format) return null;
  const base = { prefix, number, vat: compact, country: ISO_COUNTRY[prefix] ?? prefix, hint };
  if (!format.test(number)) return { ...base, valid: false, problem: "format" };
  if (!checkDigitsOk(prefix, number)) return { ...base, valid: false, problem: "checkDigits" };
  return { ...base, valid: true, problem: null };
}

function checkDigitsOk(prefix: string, number: string): boolean {
  switch (prefix) {
    case "FR": {
      // Numeric key: (12 + 3 × (SIREN mod 97)) mod 97.
      if (!/^\d{2}/.test(number)) return true;
      const siren = BigInt(number.slice(2));
      return Number((12n + 3n * (siren % 97n)) % 97n) === Number(number.slice(0, 2));
    }
    case "BE":
      return 97 - (Number(number.slice(0, 8)) % 97) === Number(number.slice(8));
    case "DK": {
      const weights = [2, 7, 6, 5, 4, 3, 2, 1];
      return [...number].reduce((sum, d, i) => sum + Number(d) * weights[i], 0) % 11 === 0;
    }
    default:
      return true;
  }
}

/**
 * The national registration number inside a VAT number, where the law makes
 * them the same: FR (SIREN = last 9 digits), BE (enterprise number), DK (CVR),
 * SE (organisation number + "01"), FI (Business ID), CZ (IČO of a legal entity).
 */
export function registrationKeyFromVat(vat: ParsedVat): { country: string; key: string } | null {
  if (!vat.valid) return null;
  switch (vat.prefix) {
    case "FR":
      return { country: "FR", key: vat.number.slice(2) };
    case "BE":
    case "DK":
      return { country: vat.prefix, key: vat.number };
    case "SE":
      return { country: "SE", key: vat.number.slice(0, 10) };
    case "FI":
      return { country: "FI", key: vat.number };
    case "CZ":
      return vat.number.length === 8 ? { country: "CZ", key: vat.number } : null;
    default:
      return null;
  }
}
