// Credits are stored as integers in the service's units: 1 credit = 10^decimals
// units. These helpers convert to and from what people read and type without
// ever going through floating point.

export function unitsPerCredit(decimals: number): bigint {
  return 10n ** BigInt(decimals);
}

export function creditsToUnits(credits: number | bigint, decimals: number): bigint {
  if (typeof credits === "number" && !Number.isInteger(credits)) {
    throw new Error("creditsToUnits takes whole credits; parse decimal text with parseCredits");
  }
  return BigInt(credits) * unitsPerCredit(decimals);
}

/**
 * Exact, in the reader's locale: 123450n with 2 decimals → "1,234.50" (en),
 * "1 234,50" (fr), "1,234.50" (zh-CN). Intl formats the decimal string
 * exactly (ES2023 NumberFormat v3), so no amount passes through a float.
 */
export function formatCredits(units: bigint, decimals: number, { grouping = true, locale = "en" }: { grouping?: boolean; locale?: string } = {}): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const scale = unitsPerCredit(decimals);
  const fraction = decimals > 0 ? "." + (abs % scale).toString().padStart(decimals, "0") : "";
  const decimal = `${negative ? "-" : ""}${abs / scale}${fraction}`;
  return creditFormat(locale, decimals, grouping).format(decimal as unknown as number);
}

// An Intl.NumberFormat costs far more to build than to use, and a page formats
// hundreds of amounts (the history alone: two per row): one per locale, number
// of decimals and grouping, kept for the process (a handful in
// all; past 100 an odd locale is simply not kept).
const creditFormats = new Map<string, Intl.NumberFormat>();

function creditFormat(locale: string, decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${grouping}`;
  let format = creditFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    if (creditFormats.size < 100) creditFormats.set(key, format);
  }
  return format;
}

/** Why typed credits were refused; the words are in messages/<locale>/iap.json (`creditsInput.<code>`, with `decimals`). */
export type CreditsInputError = "empty" | "negative" | "not-a-number" | "whole-only" | "too-many-decimals" | "too-large";

export type ParseCreditsResult = { ok: true; units: bigint } | { ok: false; error: CreditsInputError };

/**
 * Parses what a person typed ("50", "12.5", "1,000") into units. Refuses
 * negative numbers, more decimal places than the service allows, and anything
 * that is not a plain number. With `locale: "fr"` the decimal separator is a
 * comma ("12,5", "1 234,5"), as French readers write it; a point still works.
 */
export function parseCredits(text: string, decimals: number, { locale = "en" }: { locale?: string } = {}): ParseCreditsResult {
  const commaDecimal = locale === "fr" || locale.startsWith("fr-");
  const cleaned = commaDecimal
    ? text.trim().replace(/[\s\u00a0\u202f_](?=\d{3}\b)/g, "").replace(",", ".")
    : text.trim().replace(/[,\s_](?=\d{3}\b)/g, "");
  if (cleaned === "") return { ok: false, error: "empty" };
  if (cleaned.startsWith("-")) return { ok: false, error: "negative" };
  const match = /^\+?(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, error: "not-a-number" };
  const [, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > decimals) return { ok: false, error: decimals === 0 ? "whole-only" : "too-many-decimals" };
  if (whole.length > 15) return { ok: false, error: "too-large" };
  return { ok: true, units: BigInt(whole) * unitsPerCredit(decimals) + BigInt(significant.padEnd(decimals, "0") || "0") };
}
