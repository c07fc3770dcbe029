import { describe, expect, it } from "vitest";
import { SMS_CARRIER_PRICES, creditsPerPartUnits } from "./price-data";
import { creditsPerPart, smsPrice, type PriceTable } from "./price";

const table: PriceTable = { FR: "82", BE: "108", "*": "123" };

describe("SMS pricing", () => {
  it("prices by the number's country, per part, in units", () => {
    expect(smsPrice(table, "FR", 1)).toBe(82n);
    expect(smsPrice(table, "FR", 2)).toBe(164n);
    expect(smsPrice(table, "be", 3)).toBe(324n);
  });

  it("falls back to the default row for unlisted or unknown countries", () => {
    expect(creditsPerPart(table, "KE")).toBe(123n);
    expect(creditsPerPart(table, null)).toBe(123n);
    expect(() => creditsPerPart({ FR: "1" }, "DE")).toThrow(/default/);
  });

  it("derives credits per part from published segment prices, rounding up to 0.01 credit", () => {
    const price = (country: string) => creditsPerPartUnits(SMS_CARRIER_PRICES.find((p) => p.country === country)!, 2);
    // €0.09 per segment at €0.09 per credit: exactly 1 credit.
    expect(price("DE")).toBe(100n);
    // $0.105 × 0.92 = €0.0966 → 1.0733… credits → 1.08.
    expect(price("BE")).toBe(108n);
    // €0.06 / €0.09 = 0.666… → 0.67.
    expect(price("GB")).toBe(67n);
    expect(price("US")).toBe(9n);
  });

  it("has at least 20 countries plus a default, each with a positive price", () => {
    const countries = SMS_CARRIER_PRICES.map((p) => p.country);
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).toContain("*");
    expect(countries.filter((c) => c !== "*").length).toBeGreaterThanOrEqual(20);
    for (const p of SMS_CARRIER_PRICES) expect(creditsPerPartUnits(p, 2)).toBeGreaterThan(0n);
  });
});
