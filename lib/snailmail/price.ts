// Price lookups in the postage table (data/postage.json): a zone from the
// sender's and the destination's countries, a tier from the sheet count, a
// colour surcharge. The table is data: changing a price is an edit there.
import { countryRegion, isKnownCountry } from "./address";
import postage from "./data/postage.json";

export type Zone = "domestic" | "region" | "world";

interface PostageTable {
  tiers: { maxSheets: number; credits: Record<Zone, number>; colorSurcharge: number }[];
  duplexSurcharge: number;
  noService: string[];
}

const TABLE = postage as unknown as PostageTable;

/** The most sheets a letter may have (the last tier). */
export const MAX_SHEETS = TABLE.tiers.at(-1)!.maxSheets;

export interface PriceInput {
  senderCountry: string;
  country: string;
  pages: number;
  color: boolean;
  duplex: boolean;
}

export type PriceResult =
  | { ok: true; zone: Zone; sheets: number; credits: number }
  | { ok: false; code: "NO_PRICE"; problem: { code: "noPrice"; params: { country: string } } }
  | { ok: false; code: "FORMAT_ERROR"; problem: { code: "noPages" } | { code: "tooManySheets"; params: { max: number } } };

/** Why a letter has no price (words: messages/<locale>/letters.json "refusal"). */
export type PriceProblem = Extract<PriceResult, { ok: false }>["problem"];

export function sheetsFor(pages: number, duplex: boolean): number {
  return duplex ? Math.ceil(pages / 2) : pages;
}

export function zoneFor(senderCountry: string, country: string): Zone | null {
  if (!isKnownCountry(country) || TABLE.noService.includes(country)) return null;
  if (country === senderCountry) return "domestic";
  const region = countryRegion(country);
  if (!region) return null;
  return region === countryRegion(senderCountry) ? "region" : "world";
}

/** Whole credits for one letter, or why it has no price. */
export function priceLetter(input: PriceInput): PriceResult {
  const zone = zoneFor(input.senderCountry, input.country);
  if (!zone) return { ok: false, code: "NO_PRICE", problem: { code: "noPrice", params: { country: input.country } } };
  if (!Number.isInteger(input.pages) || input.pages < 1) return { ok: false, code: "FORMAT_ERROR", problem: { code: "noPages" } };
  const sheets = sheetsFor(input.pages, input.duplex);
  const tier = TABLE.tiers.find((t) => sheets <= t.maxSheets);
  if (!tier) return { ok: false, code: "FORMAT_ERROR", problem: { code: "tooManySheets", params: { max: MAX_SHEETS } } };
  const credits = tier.credits[zone] + (input.color ? tier.colorSurcharge : 0) + (input.duplex ? TABLE.duplexSurcharge : 0);
  return { ok: true, zone, sheets, credits };
}

/** The table as rows, for the README and the compose page's "How prices work". */
export function priceRows() {
  return TABLE.tiers.map((tier, index) => ({
    fromSheets: index === 0 ? 1 : TABLE.tiers[index - 1].maxSheets + 1,
    toSheets: tier.maxSheets,
    ...tier.credits,
    colorSurcharge: tier.colorSurcharge,
  }));
}
