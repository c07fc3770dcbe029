// VAT on a pack, exact in minor units. Pack prices are either VAT-inclusive
// (PRICES_INCLUDE_VAT=1, the default: the price on the card is what is paid)
// or VAT-exclusive (VAT is added on top). An EU business buying from another
// EU member state with a valid VAT number pays no VAT: the reverse charge
// (VAT Directive art. 196) makes the buyer account for it.
import type { Locale } from "@/lib/i18n/locales";

export interface VatTerms {
  /** Basis points: 2100 = 21 %. */
  rate: number;
  pricesIncludeVat: boolean;
  reverseCharge: boolean;
}

export interface VatAmounts {
  net: number;
  vat: number;
  gross: number;
}

/** EU member states by VAT prefix country (ISO codes; Greece's VAT prefix EL maps to GR). */
const EU = new Set("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "));

/** Reverse charge applies: both in the EU, different countries, and the buyer has a valid VAT number. */
export function isReverseCharge(sellerCountry: string, buyerVatCountry: string | null): boolean {
  return buyerVatCountry !== null && EU.has(sellerCountry) && EU.has(buyerVatCountry) && buyerVatCountry !== sellerCountry;
}

/** Half-up division of non-negative integers. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * Net, VAT and gross of a pack price. Inclusive: gross is the price and the
 * VAT inside it is price × rate / (1 + rate), rounded half up; exclusive: VAT
 * is price × rate, rounded half up, added on top. Reverse charge: no VAT, and
 * an inclusive price is charged net (the VAT it contained is not owed here).
 */
export function vatAmounts(price: number, terms: VatTerms): VatAmounts {
  if (!Number.isSafeInteger(price) || price < 0) throw new RangeError(`A price must be a whole number of minor units (got ${price})`);
  const p = BigInt(price);
  const rate = BigInt(terms.rate);
  if (terms.pricesIncludeVat) {
    const vat = Number(divideRounded(p * rate, 10000n + rate));
    const net = price - vat;
    return terms.reverseCharge ? { net, vat: 0, gross: net } : { net, vat, gross: price };
  }
  if (terms.reverseCharge) return { net: price, vat: 0, gross: price };
  const vat = Number(divideRounded(p * rate, 10000n));
  return { net: price, vat, gross: price + vat };
}

/**
 * "21 %", "5.5 %" (as invoices and Stripe's fields have always printed it);
 * with a reader's locale, their way: "5,5 %" in French, "21%" in Chinese.
 * Basis points over 10 000 is display only: nothing is computed from it.
 */
export function formatVatRate(rate: number, locale?: Locale): string {
  if (locale && locale !== "en") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(rate / 10_000);
  const whole = Math.trunc(rate / 100);
  const fraction = (rate % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""} %`;
}
