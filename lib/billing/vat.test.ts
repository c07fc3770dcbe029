import { describe, expect, it } from "vitest";
import { formatVatRate, isReverseCharge, vatAmounts } from "./vat";

describe("vatAmounts", () => {
  it("finds the VAT inside an inclusive price, exactly, and net + VAT = gross", () => {
    // €12.00 incl. 21 %: 1200 × 21 / 121 = 208.26… → 208.
    expect(vatAmounts(1200, { rate: 2100, pricesIncludeVat: true, reverseCharge: false })).toEqual({ net: 992, vat: 208, gross: 1200 });
    expect(vatAmounts(150, { rate: 2000, pricesIncludeVat: true, reverseCharge: false })).toEqual({ net: 125, vat: 25, gross: 150 });
    for (const price of [1, 99, 150, 1200, 5000, 9000, 100000, 123457]) {
      for (const rate of [0, 550, 1900, 2100, 2500]) {
        const { net, vat, gross } = vatAmounts(price, { rate, pricesIncludeVat: true, reverseCharge: false });
        expect(net + vat).toBe(gross);
        expect(gross).toBe(price);
      }
    }
  });

  it("adds VAT on top of an exclusive price, rounded half up", () => {
    expect(vatAmounts(1200, { rate: 2100, pricesIncludeVat: false, reverseCharge: false })).toEqual({ net: 1200, vat: 252, gross: 1452 });
    expect(vatAmounts(150, { rate: 550, pricesIncludeVat: false, reverseCharge: false })).toEqual({ net: 150, vat: 8, gross: 158 });
  });

  it("charges no VAT under the reverse charge: an inclusive price is paid net", () => {
    expect(vatAmounts(1200, { rate: 2100, pricesIncludeVat: true, reverseCharge: true })).toEqual({ net: 992, vat: 0, gross: 992 });
    expect(vatAmounts(1200, { rate: 2100, pricesIncludeVat: false, reverseCharge: true })).toEqual({ net: 1200, vat: 0, gross: 1200 });
  });

  it("refuses a price that is not whole minor units", () => {
    expect(() => vatAmounts(12.5, { rate: 2100, pricesIncludeVat: true, reverseCharge: false })).toThrow(RangeError);
  });
});

describe("isReverseCharge", () => {
  it("applies between two EU member states only, with a VAT number", () => {
    expect(isReverseCharge("BE", "FR")).toBe(true);
    expect(isReverseCharge("BE", "BE")).toBe(false);
    expect(isReverseCharge("BE", null)).toBe(false);
    expect(isReverseCharge("BE", "GB")).toBe(false);
    expect(isReverseCharge("US", "FR")).toBe(false);
  });
});

it("formats rates", () => {
  expect(formatVatRate(2100)).toBe("21 %");
  expect(formatVatRate(550)).toBe("5.5 %");
  // The buy page writes it the reader's way.
  expect(formatVatRate(550, "fr")).toMatch(/^5,5[\u00a0\u202f]%$/);
  expect(formatVatRate(2100, "zh-CN")).toBe("21%");
  expect(formatVatRate(0)).toBe("0 %");
});
