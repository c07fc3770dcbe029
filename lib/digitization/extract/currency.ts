// Currencies as invoices print them: ISO 4217 codes, symbols, and the local
// abbreviations of currencies without a symbol of their own (zł, Kč, Ft, kr…).
// Some marks name several currencies ("$", "kr", "¥"): the country of the
// vendor (its VAT number or IBAN) settles those.

/** ISO 4217 codes in use that invoices carry (the list is data, extend it freely). */
export const ISO_CURRENCIES = new Set(
  (
    "EUR USD GBP CHF JPY CNY INR CAD AUD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RSD BAM MKD ALL MDL UAH RUB BYN TRY GEL AMD AZN " +
    "KZT ILS AED SAR QAR KWD BHD OMR JOD EGP MAD TND DZD NGN KES GHS ZAR BRL MXN ARS CLP COP PEN UYU SGD HKD TWD KRW THB MYR IDR " +
    "PHP VND PKR BDT LKR NPR"
  ).split(" "),
);

/** Marks that name exactly one currency. */
const SYMBOLS: [RegExp, string][] = [
  [/€/, "EUR"],
  [/£/, "GBP"],
  [/₹/, "INR"],
  [/₩/, "KRW"],
  [/₽/, "RUB"],
  [/₺/, "TRY"],
  [/₪/, "ILS"],
  [/₫/, "VND"],
  [/฿/, "THB"],
  [/₱/, "PHP"],
  [/₴/, "UAH"],
  [/(?<![A-Za-z])zł(?![A-Za-z])|\bzl\b(?=\s|$)/i, "PLN"],
  [/(?<![A-Za-z])Kč(?![A-Za-z])/i, "CZK"],
  [/\bFt\b/, "HUF"],
  [/\blei\b/i, "RON"],
  [/\bлв\b/, "BGN"],
  [/\b(?:US\$|USD\$)/, "USD"],
  [/(?:\bCA\$|\bC\$|\bCAD\$)/, "CAD"],
  [/(?:\bA\$|\bAU\$|\bAUD\$)/, "AUD"],
  [/\bNZ\$/, "NZD"],
  [/\bHK\$/, "HKD"],
  [/\bS\$/, "SGD"],
  [/\bR\$/, "BRL"],
  [/\bSFr\.?|\bFr\.(?=\s?\d)/, "CHF"],
  [/\bRs\.?(?=\s?\d)/, "INR"],
  [/\bRM(?=\s?\d)/, "MYR"],
];

/** Marks several currencies share; the vendor's country decides, else the first is assumed. */
const SHARED: [RegExp, string[]][] = [
  [/\$/, ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"]],
  [/\bkr\.?(?=\s|$|\d)|\bkr\b/i, ["SEK", "NOK", "DKK", "ISK"]],
  [/¥|円|元/, ["JPY", "CNY"]],
];

/** Country (ISO 3166 alpha-2) → its currency, for the shared marks and for a document that names none. */
const COUNTRY_CURRENCY: Record<string, string> = {
  US: "USD", CA: "CAD", AU: "AUD", NZ: "NZD", SG: "SGD", HK: "HKD", MX: "MXN", SE: "SEK", NO: "NOK", DK: "DKK", IS: "ISK", JP: "JPY",
  CN: "CNY", GB: "GBP", CH: "CHF", LI: "CHF", PL: "PLN", CZ: "CZK", HU: "HUF", RO: "RON", BG: "BGN", IN: "INR", TR: "TRY", BR: "BRL",
  ZA: "ZAR", IL: "ILS", AE: "AED", RS: "RSD", UA: "UAH",
  AT: "EUR", BE: "EUR", CY: "EUR", DE: "EUR", EE: "EUR", ES: "EUR", FI: "EUR", FR: "EUR", GR: "EUR", EL: "EUR", HR: "EUR", IE: "EUR",
  IT: "EUR", LT: "EUR", LU: "EUR", LV: "EUR", MT: "EUR", NL: "EUR", PT: "EUR", SI: "EUR", SK: "EUR", MC: "EUR", SM: "EUR", AD: "EUR",
};

export function currencyOfCountry(country: string | null): string | null {
  return country ? COUNTRY_CURRENCY[country] ?? null : null;
}

export interface CurrencyMention {
  code: string;
  /** True when the mark could name another currency too ("$", "kr"). */
  shared: boolean;
}

const CODE = /(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])/g;

/** Currencies a text mentions, left to right. */
export function currenciesIn(text: string, country: string | null = null): CurrencyMention[] {
  const found: { at: number; mention: CurrencyMention }[] = [];
  for (const match of text.matchAll(CODE)) {
    if (ISO_CURRENCIES.has(match[1])) found.push({ at: match.index!, mention: { code: match[1], shared: false } });
  }
  let rest = text.replace(CODE, (code) => (ISO_CURRENCIES.has(code) ? " ".repeat(code.length) : code));
  for (const [pattern, code] of SYMBOLS) {
    const match = pattern.exec(rest);
    if (!match) continue;
    found.push({ at: match.index, mention: { code, shared: false } });
    rest = rest.replace(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`), (m) => " ".repeat(m.length));
  }
  for (const [pattern, codes] of SHARED) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const local = codes.find((code) => code === currencyOfCountry(country));
    found.push({ at: match.index, mention: { code: local ?? codes[0], shared: !local } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.mention);
}

/** True when the text right before a number ends with a currency mark ("EUR", "CHF", "R$"). */
export function endsWithCurrency(text: string): boolean {
  const match = /([A-Z]{3})$/.exec(text);
  return (match !== null && ISO_CURRENCIES.has(match[1])) || /(R\$|Rs\.?|Fr\.|kr\.?|zł)$/i.test(text);
}
