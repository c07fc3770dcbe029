import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { canonical, embeddedFiles, truthFromXml, type Truth } from "@/tests/support/einvoice-truth";
import { FIELD_NAMES, type InvoiceLine } from "../extract/types";
import { sniffType } from "../limits";
import { digitizeDocument, type Digitized } from "../read-document";
import { stopOcr } from "../text/ocr";

// Every e-invoice of the public samples (tests/fixtures/invoices, from the
// ZUGFeRD corpus) is read exactly: each field and each line equals what an
// independent XPath lookup takes from the same XML (tests/support/einvoice-truth.ts).

const fixtures = path.resolve("tests/fixtures/invoices");
const list = (dir: string) => readdirSync(path.join(fixtures, dir)).map((name) => path.join(fixtures, dir, name));
const bytes = (file: string) => new Uint8Array(readFileSync(file));

afterAll(() => stopOcr());

function comparable(read: Digitized) {
  const fields = Object.fromEntries(FIELD_NAMES.map((name) => [name, read.fields[name].value]));
  for (const name of ["subtotal", "tax", "total"] as const) fields[name] = canonical(fields[name]);
  const line = (l: InvoiceLine) => ({ description: l.description, quantity: canonical(l.quantity), unitPrice: canonical(l.unitPrice), vatRate: canonical(l.vatRate), amount: canonical(l.amount) });
  return { fields, lines: read.lines.map(line), creditNote: read.creditNote };
}

function expected(truth: Truth) {
  const fields = { ...truth.fields, subtotal: canonical(truth.fields.subtotal), tax: canonical(truth.fields.tax), total: canonical(truth.fields.total) };
  const lines = truth.lines.map((l) => ({ description: l.description, quantity: canonical(l.quantity), unitPrice: canonical(l.unitPrice), vatRate: canonical(l.vatRate), amount: canonical(l.amount) }));
  return { fields, lines, creditNote: truth.creditNote };
}

describe("e-invoice XML files (CII and UBL) are read exactly, with no OCR", () => {
  test.each([...list("cii"), ...list("ubl")].map((file) => [path.basename(file), file]))("%s", async (_name, file) => {
    const data = bytes(file);
    expect(sniffType(data)).toBe("application/xml");
    const read = await digitizeDocument(data, "application/xml");
    expect(read.source).toBe("e-invoice");
    expect(comparable(read)).toEqual(expected(truthFromXml(new TextDecoder().decode(data))));
  });
});

describe("Factur-X / ZUGFeRD / XRechnung PDFs are read from their embedded XML", () => {
  test.each(list("factur-x").map((file) => [path.basename(file), file]))("%s", async (_name, file) => {
    const data = bytes(file);
    const [xml] = (await embeddedFiles(data)).filter((f) => f.name.toLowerCase().endsWith(".xml"));
    const read = await digitizeDocument(data, "application/pdf");
    expect(read.source).toBe("e-invoice");
    expect(read.eInvoice?.attachment?.toLowerCase()).toBe(xml.name.toLowerCase());
    expect(comparable(read)).toEqual(expected(truthFromXml(xml.xml)));
  }, 60_000);

  test("a credit note's amounts are negative: UBL CreditNote and CII type 381", async () => {
    const ubl = await digitizeDocument(bytes(path.join(fixtures, "ubl", "ubl-tc434-creditnote1.xml")), "application/xml");
    expect([ubl.creditNote, ubl.fields.total.value, ubl.lines[0].amount]).toEqual([true, "-100.11", "-100.11"]);
    const cii = await digitizeDocument(bytes(path.join(fixtures, "factur-x", "Avoir_FR_type381_BASIC.pdf")), "application/pdf");
    expect([cii.creditNote, cii.fields.subtotal.value, cii.fields.tax.value, cii.fields.total.value]).toEqual([true, "-218.48", "-14.99", "-233.47"]);
  }, 60_000);

  test("values the XML carries but that fail their checks are kept and flagged, not hidden", async () => {
    const read = await digitizeDocument(bytes(path.join(fixtures, "cii", "EN16931_Innergemeinschaftliche_Lieferungen.cii.xml")), "application/xml");
    expect(read.fields.iban).toMatchObject({ value: "DE1212344321987600", flags: ["iban_check_failed"] });
    expect(read.fields.iban.confidence).toBeLessThan(0.8);
  });
});

describe("an e-invoice file that is not one is refused with its reason", () => {
  test.each([
    ["an XML order", `<?xml version="1.0"?><Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>`, "not an e-invoice"],
    ["broken XML", `<?xml version="1.0"?><Invoice><ID>1</Invoice>`, "not an e-invoice"],
    ["a DOCTYPE (entity expansion)", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><Invoice>&lol;</Invoice>`, "not an e-invoice"],
  ])("%s", async (_name, xml, reason) => {
    await expect(digitizeDocument(new TextEncoder().encode(xml), "application/xml")).rejects.toMatchObject({ reason });
  });
});
