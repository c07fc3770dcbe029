// Prices are integers in the currency's minor unit (cents). These format them
// for people without going through floating point: Intl.NumberFormat formats
// a decimal *string* exactly.

const LOCALE = "en-US";

function fractionDigits(currency: string): number {
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Exact decimal text of `numerator / denominator` with `digits` decimals, rounded half up. */
function divideToDecimal(numerator: bigint, denominator: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const scaled = (numerator * scale * 2n + denominator) / (denominator * 2n);
  const whole = (scaled / scale).toString();
  return digits > 0 ? `${whole}.${(scaled % scale).toString().padStart(digits, "0")}` : whole;
}

/** 1200, "EUR" → "€12.00". */
export function formatMoney(minorUnits: number | bigint, currency: string): string {
  const digits = fractionDigits(currency);
  const value = divideToDecimal(BigInt(minorUnits), 10n ** BigInt(digits), digits);
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).format(value as unknown as number);
}

/**
 * Price of one credit of a pack: 1200 cents for 100 credits → "€0.12". Up to
 * four decimals so cheap credits don't all round to the same cent.
 */
export function formatPricePerCredit(priceMinor: number | bigint, currency: string, creditUnits: bigint, decimals: number): string {
  if (creditUnits <= 0n) throw new RangeError("A pack must hold credits");
  const digits = fractionDigits(currency);
  // price / (units / 10^decimals) / 10^digits, kept as one exact division.
  const numerator = BigInt(priceMinor) * 10n ** BigInt(decimals);
  const denominator = creditUnits * 10n ** BigInt(digits);
  const value = divideToDecimal(numerator, denominator, digits + 2);
  return new Intl.NumberFormat(LOCALE, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits + 2,
  }).format(value as unknown as number);
}
