// Credits per SMS part by destination country: data, upserted into `sms_price`
// by `npm run db:seed` and read from there (the composer and sendSms never read
// this file). Country "*" is the price for every country not listed.
//
// Derivation, so the table can be refreshed when carriers change their prices:
// the provider's per-segment price (as published in 2025–26, see README
// "SMS prices"), in euros (USD × 0.92), divided by what a credit sells for in the
// biggest pack (Expert: 1,000 credits for €90, so €0.09 — the lowest a customer
// pays per credit), rounded UP to the SMS service's 0.01 credit. "published" rows
// use figures from the providers' price lists; "estimate" rows use typical list
// prices for that market and should be checked before going live.

export interface SmsCarrierPrice {
  /** ISO 3166-1 alpha-2, or "*" for the default. */
  country: string;
  /** Per outbound segment, as a decimal string (no floats). */
  perSegment: string;
  currency: "USD" | "EUR";
  source: "published" | "estimate";
}

export const SMS_CARRIER_PRICES: readonly SmsCarrierPrice[] = [
  { country: "US", perSegment: "0.0079", currency: "USD", source: "published" },
  { country: "CA", perSegment: "0.0079", currency: "USD", source: "published" },
  { country: "AU", perSegment: "0.0515", currency: "USD", source: "published" },
  { country: "AT", perSegment: "0.0979", currency: "USD", source: "published" },
  { country: "BE", perSegment: "0.105", currency: "USD", source: "published" },
  { country: "DE", perSegment: "0.09", currency: "EUR", source: "published" },
  { country: "GB", perSegment: "0.06", currency: "EUR", source: "published" },
  { country: "ES", perSegment: "0.07", currency: "EUR", source: "published" },
  { country: "FR", perSegment: "0.08", currency: "USD", source: "estimate" },
  { country: "NL", perSegment: "0.11", currency: "USD", source: "estimate" },
  { country: "IT", perSegment: "0.085", currency: "USD", source: "estimate" },
  { country: "CH", perSegment: "0.07", currency: "USD", source: "estimate" },
  { country: "LU", perSegment: "0.085", currency: "USD", source: "estimate" },
  { country: "IE", perSegment: "0.075", currency: "USD", source: "estimate" },
  { country: "PT", perSegment: "0.04", currency: "USD", source: "estimate" },
  { country: "SE", perSegment: "0.065", currency: "USD", source: "estimate" },
  { country: "NO", perSegment: "0.07", currency: "USD", source: "estimate" },
  { country: "DK", perSegment: "0.055", currency: "USD", source: "estimate" },
  { country: "FI", perSegment: "0.095", currency: "USD", source: "estimate" },
  { country: "PL", perSegment: "0.045", currency: "USD", source: "estimate" },
  { country: "CZ", perSegment: "0.06", currency: "USD", source: "estimate" },
  { country: "IN", perSegment: "0.083", currency: "USD", source: "estimate" },
  { country: "BR", perSegment: "0.0625", currency: "USD", source: "estimate" },
  { country: "MX", perSegment: "0.05", currency: "USD", source: "estimate" },
  { country: "JP", perSegment: "0.08", currency: "USD", source: "estimate" },
  { country: "SG", perSegment: "0.045", currency: "USD", source: "estimate" },
  { country: "ZA", perSegment: "0.03", currency: "USD", source: "estimate" },
  { country: "MA", perSegment: "0.09", currency: "USD", source: "estimate" },
  { country: "*", perSegment: "0.12", currency: "USD", source: "estimate" },
];

/** EUR per USD used for the conversion, as a decimal string. */
export const USD_TO_EUR = "0.92";
/** What one SMS credit sells for in the biggest pack, in EUR. */
export const CREDIT_VALUE_EUR = "0.09";

const SCALE = 1_000_000n;

/** "0.105" → 105000n (millionths), exactly. */
function millionths(decimal: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(decimal);
  if (!match) throw new Error(`Not a decimal price: ${decimal}`);
  return BigInt(match[1]) * SCALE + BigInt((match[2] ?? "").padEnd(6, "0"));
}

/** Credits per part in the service's units (10^decimals per credit), rounded up. */
export function creditsPerPartUnits(price: SmsCarrierPrice, decimals: number): bigint {
  let eur = millionths(price.perSegment);
  if (price.currency === "USD") eur = (eur * millionths(USD_TO_EUR)) / SCALE;
  const numerator = eur * 10n ** BigInt(decimals);
  const denominator = millionths(CREDIT_VALUE_EUR);
  return (numerator + denominator - 1n) / denominator;
}
