import { describe, expect, test } from "vitest";
import { rowsFromBoxes, type TextBox } from "../text/rows";
import { parseAmount, parseDate, ruleBasedExtractor } from "./rule-based";

describe("parsing what invoices print", () => {
  test.each([
    ["2026-10-05", "2026-10-05"],
    ["05/10/2026", "2026-10-05"],
    ["05.10.2026", "2026-10-05"],
    ["10/25/2026", "2026-10-25"],
    ["October 5, 2026", "2026-10-05"],
    ["5 Oct 2026", "2026-10-05"],
    ["5 octobre 2026", "2026-10-05"],
    ["31/02/2026", null],
    ["2026-13-01", null],
  ])("date %s → %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  test.each([
    ["1,234.50", "1234.50"],
    ["1.234,50", "1234.50"],
    ["1 234,50 €", "1234.50"],
    ["€ 99.9", "99.90"],
    ["12.345", "12345.00"],
    ["1,23,45", null],
    ["305,19 EUR", "305.19"],
    ["12", "12.00"],
  ])("amount %s → %s", (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });
});

const box = (text: string, x: number, y: number, confidence = 1): TextBox => ({ text, x0: x, x1: x + text.length * 7, y0: y, y1: y + 12, confidence });

describe("rule-based extraction over rows rebuilt from positioned text", () => {
  test("labels in one column, values in another, are paired on their row", () => {
    const rows = rowsFromBoxes([
      box("Blue Sky Ltd", 40, 40),
      box("INVOICE", 450, 40),
      box("VAT", 40, 60),
      box("No:", 68, 60),
      box("GB980780684", 96, 60),
      box("Invoice", 300, 100),
      box("number:", 352, 100),
      box("BS-7781", 450, 101),
      box("Date:", 300, 120),
      box("12/03/2026", 450, 119),
      box("Due", 300, 140),
      box("date:", 328, 140),
      box("11/04/2026", 450, 141),
      box("Subtotal", 300, 300),
      box("£1,000.00", 450, 300),
      box("VAT", 300, 320),
      box("20%", 330, 320),
      box("£200.00", 450, 320),
      box("Total", 300, 340),
      box("due", 340, 340),
      box("£1,200.00", 450, 341),
      box("IBAN:", 40, 400),
      box("GB82", 80, 400),
      box("WEST", 116, 400),
      box("1234", 152, 400),
      box("5698", 188, 400),
      box("7654", 224, 400),
      box("32", 260, 400),
    ]);
    const fields = ruleBasedExtractor.extract({ rows, source: "pdf_text" });
    expect(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]))).toEqual({
      vendorName: "Blue Sky Ltd",
      vendorVat: "GB980780684",
      invoiceNumber: "BS-7781",
      invoiceDate: "2026-03-12",
      dueDate: "2026-04-11",
      currency: "GBP",
      subtotal: "1000.00",
      tax: "200.00",
      total: "1200.00",
      iban: "GB82WEST12345698765432",
    });
  });

  test("OCR look-alikes in a VAT number are repaired when that makes its check key pass", () => {
    const rows = rowsFromBoxes([box("VAT:", 40, 60), box("BE0477.472.7O1", 80, 60)]);
    expect(ruleBasedExtractor.extract({ rows, source: "ocr" }).vendorVat.value).toBe("BE0477472701");
  });
});
