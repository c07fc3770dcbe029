import { decimalString } from "../decimal";
import { endsWithCurrency } from "./currency";

// Amounts as invoices print them, in every common convention:
//   1,234.56 (en)  1.234,56 (de, nl, es, it)  1 234,56 (fr, with no-break or
//   thin spaces)  1'234.56 (ch)  1,23,456.78 (in)  1234,56  -1.234,56
//   1.234,56-  (1,234.56)
// The decimal separator is whichever of "." and "," comes last and is
// followed by one or two digits (or four, for unit prices such as "9,9000");
// a lone separator before exactly three digits is a thousands separator
// ("1,234", "1.500") unless the document writes its decimals with it and the
// figure starts with 0 ("0,025").

export interface AmountToken {
  /** Exact decimal, at least two decimals ("1234.50", "-20.48", "0.025"). */
  value: string;
  start: number;
  end: number;
  /** Decimal separator the token used, when it had decimals. */
  separator: "." | "," | null;
  /** Printed with decimals (a bare "2019" or "12" has none). */
  hasDecimals: boolean;
}

export interface AmountOptions {
  /** The document's decimal separator, when known: settles "1.500" and "0,025". */
  decimalSeparator?: "." | "," | null;
  /** Unit prices and quantities may carry three decimals ("0.025", "1,250 kg"); totals never do. */
  threeDecimals?: boolean;
}

// Integer part: grouped (1.234.567 · 1,234 · 1 234 · 1'234 · 1,23,456) or plain digits.
const NUMBER = String.raw`(?:\d{1,3}(?:(?<group>[.,' ])\d{3})(?:\k<group>\d{3})*|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:[.,]\d{1,4})?(?![\d])`;
const TOKEN = new RegExp(String.raw`(?<open>\()?(?<minus>-\s?)?(?<number>${NUMBER})(?<trailing>-(?!\d))?(?<close>\))?`, "g");

/** Every amount in a text, left to right; percentages are not amounts. */
export function amountsIn(text: string, options: AmountOptions = {}): AmountToken[] {
  const tokens: AmountToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index!;
    const end = start + match[0].length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    // Part of a longer number, a date, an identifier or a percentage.
    if (/[\d.,']$/.test(before) && !/\s$/.test(before)) continue;
    if (/^[.,']?\d/.test(after) || /^\s?%/.test(after) || /^[.,/]\d/.test(after)) continue;
    // Glued to a word it is an identifier ("INV2019"), except after a currency ("EUR1,234.56", "R$ 10").
    if (/[A-Za-z]$/.test(before) && !endsWithCurrency(before)) continue;
    // An identifier goes on after a dash or slash ("INV-2017-0010", "RE-20201121/508").
    if (/^[-/]\d/.test(after) || /[A-Za-z0-9][/#]$/.test(before)) continue;
    const { open, minus, number, trailing, close } = match.groups!;
    const parsed = parseNumber(number, options);
    if (!parsed) continue;
    const negative = Boolean(minus || trailing || (open && close));
    tokens.push({ ...parsed, value: negative && /[1-9]/.test(parsed.value) ? `-${parsed.value}` : parsed.value, start, end });
  }
  return tokens;
}

/** One number as printed ("1.234,56") → its exact value, or null when it cannot be one amount. */
export function parseNumber(text: string, options: AmountOptions = {}): { value: string; separator: "." | "," | null; hasDecimals: boolean } | null {
  const t = text.replace(/\s/g, " ").trim();
  if (!/^\d[\d.,' ]*$/.test(t)) return null;
  const lastDot = t.lastIndexOf(".");
  const lastComma = t.lastIndexOf(",");
  let decimal: "." | "," | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? "." : ",";
  else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? "." : ",";
    const count = t.split(separator).length - 1;
    const digitsAfter = t.length - t.lastIndexOf(separator) - 1;
    if (count === 1 && digitsAfter !== 3) decimal = separator;
    // "0,025" cannot be grouped thousands; "1.500" is 1500 unless the document writes its decimals with ".".
    else if (count === 1 && digitsAfter === 3 && (/^0[.,]/.test(t) || (options.decimalSeparator === separator && options.threeDecimals))) decimal = separator;
  }
  let whole = t;
  let fraction = "";
  if (decimal) {
    const at = t.lastIndexOf(decimal);
    whole = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (!/^\d{1,4}$/.test(fraction)) return null;
  }
  // What is left of the decimals: digits, grouped by threes (or the Indian 2-2-3) when separated.
  if (!/^(\d+|\d{1,3}(?:([.,' ])\d{3})(?:\2\d{3})*|\d{1,2}(?:,\d{2})+,\d{3})$/.test(whole)) return null;
  if (decimal && whole.includes(decimal)) return null;
  const digits = whole.replace(/[.,' ]/g, "");
  const value = decimalString(fraction ? `${digits}.${fraction}` : digits, 2);
  return value === null ? null : { value, separator: decimal, hasDecimals: fraction !== "" };
}

/** Convenience for a field value typed or read as one amount ("1.234,50 €" → "1234.50"); null when it is not exactly one. */
export function parseAmount(text: string, options: AmountOptions = {}): string | null {
  const cleaned = text.replace(/[€$£¥₹]|\b[A-Z]{3}\b|(?<![A-Za-z])(zł|kr|kč|ft|lei)(?![A-Za-z])/gi, " ").trim();
  const tokens = amountsIn(cleaned, options);
  if (tokens.length !== 1) return null;
  const token = tokens[0];
  const rest = (cleaned.slice(0, token.start) + cleaned.slice(token.end)).trim();
  return rest === "" ? token.value : null;
}

/**
 * The decimal separator a document uses: the one most of its two-decimal
 * amounts end with. Null when it prints none.
 */
export function decimalSeparatorOf(texts: string[]): "." | "," | null {
  let dots = 0;
  let commas = 0;
  for (const text of texts) {
    for (const match of text.matchAll(/\d([.,])\d{2}(?![\d.,]?\d)/g)) {
      if (match[1] === ".") dots++;
      else commas++;
    }
  }
  if (dots === commas) return null;
  return dots > commas ? "." : ",";
}
