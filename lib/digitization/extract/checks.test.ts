import { describe, expect, test } from "vitest";
import { amountToCents, checkFields, ibanIsValid, vatFormat } from "./checks";
import { emptyField, FIELD_NAMES, type ExtractedFields } from "./types";

function fields(values: Partial<Record<(typeof FIELD_NAMES)[number], string>>): ExtractedFields {
  return Object.fromEntries(
    FIELD_NAMES.map((name) => [name, values[name] === undefined ? emptyField() : { value: values[name]!, confidence: 0.9, flags: [] }]),
  ) as ExtractedFields;
}

describe("IBAN mod 97", () => {
  test.each(["BE68539007547034", "DE89370400440532013000", "FR1420041010050500013M02606", "GB82WEST12345698765432", "NL91 ABNA 0417 1643 00"])("%s is valid", (iban) => {
    expect(ibanIsValid(iban)).toBe(true);
  });
  test.each(["BE68539007547035", "DE89370400440532013001", "BE6853900754703", "XX00"])("%s is not", (iban) => {
    expect(ibanIsValid(iban)).toBe(false);
  });
});

describe("VAT numbers: each country's format and check key", () => {
  test.each([["BE0477472701"], ["BE 0477.472.701"], ["DE136695976"], ["FR40303265045"], ["NL004495445B01"], ["GB980780684"], ["IT00743110157"], ["ATU13585627"], ["CHE116281710"], ["ESA12345674"]])("%s passes", (vat) => {
    expect(vatFormat(vat)).toBe("valid");
  });
  test.each([["BE0477472702"], ["DE136695977"], ["FR41303265045"], ["GB980780685"], ["DE123456789"]])("%s has the format but not the check key", (vat) => {
    expect(vatFormat(vat)).toBe("check_failed");
  });
  test.each([["BE47747270"], ["DE12345"], ["FRX"]])("%s is not a VAT number", (vat) => {
    expect(vatFormat(vat)).toBe("invalid");
  });
});

describe("checkFields", () => {
  test("subtotal + tax = total raises the three amounts; a mismatch lowers and flags them", () => {
    const good = checkFields(fields({ subtotal: "100.00", tax: "21.00", total: "121.00" }));
    expect([good.subtotal.confidence, good.tax.confidence, good.total.confidence]).toEqual([0.97, 0.97, 0.97]);
    const bad = checkFields(fields({ subtotal: "100.00", tax: "21.00", total: "127.00" }));
    expect(bad.total.confidence).toBe(0.45);
    expect(bad.total.flags).toEqual(["totals_disagree"]);
  });

  test("an IBAN or VAT number that fails its check, an impossible date, a due date before the invoice date are flagged", () => {
    const checked = checkFields(fields({ iban: "BE68539007547035", vendorVat: "BE0477472702", invoiceDate: "2026-02-30", dueDate: "2026-01-01" }));
    expect(checked.iban.flags).toEqual(["iban_check_failed"]);
    expect(checked.vendorVat.flags).toEqual(["vat_check_failed"]);
    expect(checked.invoiceDate.flags).toEqual(["invalid_date"]);
    expect(checked.iban.confidence).toBeLessThan(0.8);
    const order = checkFields(fields({ invoiceDate: "2026-03-01", dueDate: "2026-02-01" }));
    expect(order.dueDate.flags).toEqual(["due_before_invoice"]);
  });

  test("amounts convert to cents exactly", () => {
    expect(amountToCents("1606.28")).toBe(160628n);
    expect(amountToCents("0.1")).toBe(10n);
    expect(amountToCents("-20.48")).toBe(-2048n);
    expect(amountToCents("12,5")).toBeNull();
  });
});
