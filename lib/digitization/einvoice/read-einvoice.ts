import { isNegativeDecimal, negateDecimal } from "../decimal";
import { emptyFields, FIELD_NAMES, type Extraction, type InvoiceLine } from "../extract/types";
import { isCii, readCii } from "./cii";
import type { EInvoice } from "./types";
import { isUbl, readUbl } from "./ubl";
import { parseXml, XmlError } from "./xml";

/** Why an XML file is not read as an e-invoice (a code; the UI words it). */
export type EInvoiceRefusal = "not_xml" | "not_an_einvoice" | "doctype";

export class EInvoiceError extends Error {
  constructor(readonly code: EInvoiceRefusal, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** Names (compared case-blind: ZUGFeRD 1 writes "ZUGFeRD-invoice.xml") of the XML a Factur-X / ZUGFeRD / XRechnung PDF embeds, in the order they are looked for. */
export const EMBEDDED_XML_NAMES = ["factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"];

export function decodeXml(bytes: Uint8Array): string {
  // E-invoices are UTF-8 (EN 16931); a UTF-16 file announces itself with its BOM.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return new TextDecoder("utf-16").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** Reads a CII (any ZUGFeRD / Factur-X / XRechnung flavour) or UBL Invoice / CreditNote XML. */
export function readEInvoiceXml(xml: string | Uint8Array): EInvoice {
  const text = typeof xml === "string" ? xml : decodeXml(xml);
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    throw new EInvoiceError(error instanceof XmlError && error.message === "doctype" ? "doctype" : "not_xml", (error as Error).message);
  }
  if (isCii(root)) return readCii(root);
  if (isUbl(root)) return readUbl(root);
  throw new EInvoiceError("not_an_einvoice", `root element ${root.name}`);
}

/**
 * The e-invoice as fields and lines. Values are exact (confidence 1); the
 * checks that run on every extraction may still doubt one (an IBAN that fails
 * mod 97 is flagged, not hidden). On a credit note the amounts are made
 * negative — EN 16931 writes them positive and lets the type code say
 * "credit" — unless the producer already wrote them negative.
 */
export function eInvoiceExtraction(invoice: EInvoice): Extraction {
  const fields = emptyFields();
  for (const name of FIELD_NAMES) {
    const value = invoice.values[name];
    fields[name] = { value, confidence: value === null ? 0 : 1, flags: [] };
  }
  let lines: InvoiceLine[] = invoice.lines.map((line) => ({ ...line }));
  if (invoice.creditNote && !isNegativeDecimal(invoice.values.total)) {
    for (const name of ["subtotal", "tax", "total"] as const) {
      const value = fields[name].value;
      if (value !== null) fields[name].value = negateDecimal(value);
    }
    lines = lines.map((line) => ({ ...line, amount: line.amount === null ? null : negateDecimal(line.amount) }));
  }
  return { fields, lines, creditNote: invoice.creditNote };
}
