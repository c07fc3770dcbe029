import { describe, expect, test } from "vitest";
import { rowsFromBoxes, type TextBox } from "../text/rows";
import { amountsIn, parseAmount } from "./amounts";
import { checkFields } from "./checks";
import { currenciesIn } from "./currency";
import { parseDate } from "./dates";
import { ruleBasedExtractor } from "./rule-based";
import { FIELD_NAMES } from "./types";

describe("dates as invoices print them", () => {
  test.each([
    ["2026-10-05", "2026-10-05"],
    ["05/10/2026", "2026-10-05"],
    ["05.10.2026", "2026-10-05"],
    ["5.3.26", "2026-03-05"],
    ["10/25/2026", "2026-10-25"],
    ["October 5, 2026", "2026-10-05"],
    ["5 Oct 2026", "2026-10-05"],
    ["5 octobre 2026", "2026-10-05"],
    ["1er février 2026", "2026-02-01"],
    ["5. März 2026", "2026-03-05"],
    ["12 maart 2026", "2026-03-12"],
    ["5 de marzo de 2026", "2026-03-05"],
    ["3 giugno 2026", "2026-06-03"],
    ["5 marca 2026", "2026-03-05"],
    ["05-Mar-2026", "2026-03-05"],
    ["31/02/2026", null],
    ["2026-13-01", null],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  test("an American document reads 03/05/2026 as March 5", () => {
    expect(parseDate("03/05/2026", "mdy")).toBe("2026-03-05");
    expect(parseDate("03/05/2026", "dmy")).toBe("2026-05-03");
  });
});

describe("amounts in every common format", () => {
  test.each([
    ["1,234.50", "1234.50"],
    ["1.234,50", "1234.50"],
    ["1 234,50 €", "1234.50"],
    ["1\u202f234,50\u00a0€", "1234.50"],
    ["1\u00a0234,50", "1234.50"],
    ["1'234.50", "1234.50"],
    ["CHF 1'234.50", "1234.50"],
    ["₹12,34,567.50", "1234567.50"],
    ["€ 99.9", "99.90"],
    ["12.345", "12345.00"],
    ["305,19 EUR", "305.19"],
    ["-20,48 €", "-20.48"],
    ["1.234,56-", "-1234.56"],
    ["(1,234.56)", "-1234.56"],
    ["2 000,00 zł", "2000.00"],
    ["1,23,45", null],
    ["12", "12.00"],
  ])("%s → %s", (text, value) => {
    expect(parseAmount(text.replace(/[\u00a0\u202f]/g, " "))).toBe(value);
  });

  test("dates, identifiers and rates are not amounts", () => {
    expect(amountsIn("05.03.2018 INV-2017-0010 RE-20201121/508 19 %").map((a) => a.value)).toEqual([]);
  });
});

describe("currencies from symbols and codes", () => {
  test.each([
    ["1.234,56 €", "EUR"],
    ["£1,234.56", "GBP"],
    ["₹12,34,567.50", "INR"],
    ["CHF 1'234.50", "CHF"],
    ["1 234,56 zł", "PLN"],
    ["1 234 Kč", "CZK"],
    ["USD 10.00", "USD"],
  ])("%s → %s", (text, code) => {
    expect(currenciesIn(text)[0]?.code).toBe(code);
  });

  test("kr and $ are settled by the vendor's country", () => {
    expect(currenciesIn("1 234,56 kr", "SE")[0]).toEqual({ code: "SEK", shared: false });
    expect(currenciesIn("1 234,56 kr", "DK")[0]).toEqual({ code: "DKK", shared: false });
    expect(currenciesIn("$ 10.00", "CA")[0]).toEqual({ code: "CAD", shared: false });
  });
});

/** A page from lines of cells: each cell at its x, each line 20 units below the last. */
function page(lines: (string | [string, number])[][]): ReturnType<typeof rowsFromBoxes> {
  const boxes: TextBox[] = [];
  lines.forEach((cells, i) =>
    cells.forEach((cell, j) => {
      const [text, x] = Array.isArray(cell) ? cell : [cell, 40 + j * 260];
      boxes.push({ text, x0: x, x1: x + text.length * 6, y0: 40 + i * 20, y1: 52 + i * 20, confidence: 1 });
    }),
  );
  return rowsFromBoxes(boxes, 1, { width: 600, height: 842 });
}

const read = (rows: ReturnType<typeof page>, source: "pdf_text" | "ocr" = "pdf_text") => {
  const fields = checkFields(ruleBasedExtractor.extract({ rows, source }).fields);
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, fields[name].value]));
};

describe("rule-based extraction", () => {
  test("an English invoice: labels beside their values, the customer's block left out", () => {
    expect(
      read(
        page([
          ["Blue Sky Ltd", ["INVOICE", 450]],
          ["VAT No: GB980780684"],
          [],
          ["Bill to:", ["Invoice number:", 300], ["BS-7781", 450]],
          ["Acme Holdings Limited", ["Date:", 300], ["12/03/2026", 450]],
          ["VAT: GB123456789", ["Due date:", 300], ["11/04/2026", 450]],
          [],
          [["Subtotal", 300], ["£1,000.00", 450]],
          [["VAT 20%", 300], ["£200.00", 450]],
          [["Total due", 300], ["£1,200.00", 450]],
          ["IBAN: GB82 WEST 1234 5698 7654 32"],
        ]),
      ),
    ).toEqual({
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

  test("a German letter: the vendor from the return-address line, the customer's VAT number and direct-debit account ignored", () => {
    expect(
      read(
        page([
          [["Nordlicht Technik GmbH · Hauptstraße 5 · 10115 Berlin", 40]],
          ["Kunden AG", ["Kundennummer: K-1002", 330]],
          ["Kundenweg 8", ["USt-IdNr.: DE199952957", 330]],
          ["60435 Frankfurt", ["Rechnungsnummer: R-2026-17", 330]],
          [["Rechnungsdatum: 05.03.2026", 330]],
          [],
          [["Nettobetrag", 300], ["1.234,50 €", 450]],
          [["USt. 19 %", 300], ["234,56 €", 450]],
          [["Gesamtbetrag", 300], ["1.469,06 €", 450]],
          ["Der Betrag wird von Ihrem Konto abgebucht: IBAN DE89 3704 0044 0532 0130 00"],
          ["Fälligkeitsdatum: 19.03.2026"],
          ["Nordlicht Technik GmbH", ["USt-IdNr. DE136695976", 300]],
          ["Geschäftsführer: A. Beispiel", ["IBAN: DE02 1203 0000 0000 2020 51", 300]],
        ]),
      ),
    ).toEqual({
      vendorName: "Nordlicht Technik GmbH",
      vendorVat: "DE136695976",
      invoiceNumber: "R-2026-17",
      invoiceDate: "2026-03-05",
      dueDate: "2026-03-19",
      currency: "EUR",
      subtotal: "1234.50",
      tax: "234.56",
      total: "1469.06",
      iban: "DE02120300000000202051",
    });
  });

  test("a French invoice: HT / TVA / TTC, and the total confirmed by subtotal + tax over an amount left to pay", () => {
    const fields = read(
      page([
        ["Papeterie Durand SAS - 8 rue de Rivoli - 75004 Paris - TVA : FR40303265045"],
        ["Facture FA-2026-0042"],
        ["Facturé à", ["Date de facture", 330], ["03/02/2026", 450]],
        ["Librairie Martin SARL", ["Date d'échéance", 330], ["05/03/2026", 450]],
        ["N° TVA client : FR19787878784"],
        [["Total HT", 300], ["1 000,00 €", 450]],
        [["TVA 20 %", 300], ["200,00 €", 450]],
        [["Total TTC", 300], ["1 200,00 €", 450]],
        [["Acompte versé", 300], ["-300,00 €", 450]],
        [["Net à payer", 300], ["900,00 €", 450]],
      ]),
    );
    expect(fields).toMatchObject({ vendorName: "Papeterie Durand SAS", vendorVat: "FR40303265045", invoiceNumber: "FA-2026-0042", invoiceDate: "2026-02-03", dueDate: "2026-03-05", subtotal: "1000.00", tax: "200.00", total: "1200.00", currency: "EUR" });
  });

  test.each([
    ["nl", ["Factuurnummer:", "2026-118"], ["Factuurdatum:", "14-01-2026"], ["Vervaldatum:", "28-01-2026"], ["Subtotaal", "500,00"], ["BTW 21%", "105,00"], ["Totaal", "€ 605,00"]],
    ["es", ["Nº de factura:", "A-2026/77"], ["Fecha de emisión:", "14/01/2026"], ["Vencimiento:", "28/01/2026"], ["Base imponible", "500,00 €"], ["IVA 21%", "105,00 €"], ["Total factura", "605,00 €"]],
    ["it", ["Fattura n.", "77/2026"], ["Data fattura:", "14/01/2026"], ["Scadenza:", "28/01/2026"], ["Imponibile", "500,00 €"], ["IVA 21%", "105,00 €"], ["Totale documento", "605,00 €"]],
    ["de", ["Rechnung Nr.", "77-2026"], ["Datum:", "14.01.2026"], ["Zahlbar bis:", "28.01.2026"], ["Zwischensumme", "500,00 €"], ["MwSt. 21%", "105,00 €"], ["Rechnungsbetrag", "605,00 €"]],
  ])("labels in %s", (_lang, number, date, due, subtotal, tax, total) => {
    const fields = read(page([["Vendor Example BV"], number, date, due, [], subtotal, tax, total]));
    expect(fields).toMatchObject({ invoiceNumber: number[1], invoiceDate: "2026-01-14", dueDate: "2026-01-28", subtotal: "500.00", tax: "105.00", total: "605.00", currency: "EUR" });
  });

  test("an IBAN whose check digits fail is not kept; a VAT number of the right format with a wrong check key is kept and flagged", () => {
    const rows = page([["Vendor Ltd"], ["IBAN: GB82 WEST 1234 5698 7654 33"], ["VAT: GB980780685"], ["Total", "10.00 GBP"]]);
    const fields = checkFields(ruleBasedExtractor.extract({ rows, source: "pdf_text" }).fields);
    expect(fields.iban.value).toBeNull();
    expect(fields.vendorVat).toMatchObject({ value: "GB980780685", flags: ["vat_check_failed"] });
    expect(fields.vendorVat.confidence).toBeLessThan(0.8);
  });

  test("OCR look-alikes in a VAT number are repaired when that makes its check key pass", () => {
    expect(read(page([["VAT: BE0477.472.7O1"], ["Total", "10,00 €"]]), "ocr").vendorVat).toBe("BE0477472701");
  });

  test("a total with no label is the largest amount, flagged for the reviewer", () => {
    const fields = checkFields(ruleBasedExtractor.extract({ rows: page([["Shop SARL"], ["Ticket 123"], ["Pain", "2,50 €"], ["Café", "12,00 €"]]), source: "pdf_text" }).fields);
    expect(fields.total).toMatchObject({ value: "12.00", flags: ["total_without_label"] });
  });
});
