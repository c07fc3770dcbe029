// Pure price arithmetic shared by the composer (estimate shown live) and by
// sendSms (the amount held). Prices come from the `sms_price` table.

/** Credits per part (in the SMS service's units) by country; "*" is the default. */
export type PriceTable = Record<string, string>;

export const DEFAULT_PRICE_COUNTRY = "*";

export function creditsPerPart(table: PriceTable, country: string | null | undefined): bigint {
  const price = (country && table[country.toUpperCase()]) ?? table[DEFAULT_PRICE_COUNTRY];
  if (price === undefined) throw new Error('The SMS price table has no default ("*") row: run npm run db:seed.');
  return BigInt(price);
}

export function smsPrice(table: PriceTable, country: string | null | undefined, parts: number): bigint {
  return creditsPerPart(table, country) * BigInt(parts);
}
