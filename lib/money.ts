// Money is stored in the currency's minor unit (cents). Formatting builds the
// decimal string exactly and lets Intl place symbol and separators, so no
// amount ever passes through floating point.

export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
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
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(decimal as unknown as number);
}
