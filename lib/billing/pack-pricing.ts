// What a pack card shows besides its price: the price of one credit and the
// pack's size, both exact (no floating point).
import { formatCredits } from "@/lib/iap/units";
import { currencyDigits } from "@/lib/money";

/** Exact decimal text of `numerator / denominator` with `digits` decimals, rounded half up. */
function divideToDecimal(numerator: bigint, denominator: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const scaled = (numerator * scale * 2n + denominator) / (denominator * 2n);
  const whole = (scaled / scale).toString();
  return digits > 0 ? `${whole}.${(scaled % scale).toString().padStart(digits, "0")}` : whole;
}

/**
 * Price of one credit of a pack: €12.00 for 100 credits → "€0.12". Up to two
 * more decimals than the currency has, so cheap credits don't all round to
 * the same cent.
 */
export function formatPricePerCredit(priceMinor: number | bigint, currency: string, creditUnits: bigint, decimals: number, locale = "en-GB"): string {
  if (creditUnits <= 0n) throw new RangeError("A pack must hold credits");
  const digits = currencyDigits(currency);
  // (price / 10^digits) / (units / 10^decimals), as one exact division.
  const value = divideToDecimal(BigInt(priceMinor) * 10n ** BigInt(decimals), creditUnits * 10n ** BigInt(digits), digits + 2);
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits + 2 }).format(
    value as unknown as number,
  );
}

/** A pack's size without all-zero decimals, in the reader's locale: 10000 units of a 2-decimal service → "100"; 10050 → "100.50" ("100,50" in French). */
export function formatPackCredits(units: bigint, decimals: number, locale = "en"): string {
  const scale = 10n ** BigInt(decimals);
  return units % scale === 0n ? formatCredits(units / scale, 0, { locale }) : formatCredits(units, decimals, { locale });
}
