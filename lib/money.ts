// Money is stored in the currency's minor unit (cents). Formatting builds the
// decimal string exactly and lets Intl place symbol and separators, so no
// amount ever passes through floating point.

// An Intl.NumberFormat costs far more to build than to use, and pages format
// dozens of amounts: one per locale and currency, kept for the process (a few
// in all; past 100 an odd pair is simply not kept). An unknown currency throws
// before anything is kept.
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    if (moneyFormats.size < 100) moneyFormats.set(key, format);
  }
  return format;
}

export function currencyDigits(currency: string): number {
  return moneyFormat("en", currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 1250 EUR → "€12.50"; 500 JPY (en-US) → "¥500". */
export function formatMoney(minor: number | bigint, currency: string, locale = "en-GB"): string {
  const digits = currencyDigits(currency);
  const units = BigInt(minor);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const scale = 10n ** BigInt(digits);
  const decimal = `${negative ? "-" : ""}${abs / scale}${digits > 0 ? "." + (abs % scale).toString().padStart(digits, "0") : ""}`;
  // Intl.NumberFormat formats decimal strings exactly (ES2023 NumberFormat v3).
  return moneyFormat(locale, currency).format(decimal as unknown as number);
}
