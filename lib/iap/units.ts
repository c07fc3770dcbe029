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

export type ParseCreditsResult = { ok: true; units: bigint } | { ok: false; error: string };

/**
 * Parses what a person typed ("50", "12.5", "1,000") into units. Refuses
 * negative numbers, more decimal places than the service allows, and anything
 * that is not a plain number.
 */
export function parseCredits(text: string, decimals: number): ParseCreditsResult {
  const cleaned = text.trim().replace(/[,\s_](?=\d{3}\b)/g, "");
  if (cleaned === "") return { ok: false, error: "Enter a number." };
  if (cleaned.startsWith("-")) return { ok: false, error: "Enter a number of credits of 0 or more." };
  const match = /^\+?(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, error: "Enter a number, such as 50" + (decimals > 0 ? " or 12.5." : ".") };
  const [, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > decimals) {
    return {
      ok: false,
      error: decimals === 0 ? "This service counts whole credits: enter a whole number." : `Use at most ${decimals} decimal places.`,
    };
  }
  if (whole.length > 15) return { ok: false, error: "That number is too large." };
  return { ok: true, units: BigInt(whole) * unitsPerCredit(decimals) + BigInt(significant.padEnd(decimals, "0") || "0") };
}
