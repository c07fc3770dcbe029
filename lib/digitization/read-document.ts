import "server-only";
import { isNegativeDecimal, negateDecimal } from "./decimal";
import { eInvoiceExtraction, EInvoiceError, EMBEDDED_XML_NAMES, readEInvoiceXml } from "./einvoice/read-einvoice";
import type { EInvoice } from "./einvoice/types";
import { checkFields } from "./extract/checks";
import { ruleBasedExtractor } from "./extract/rule-based";
import type { Extraction, ExtractedFields, Extractor, InvoiceLine, TextSource } from "./extract/types";
import { CREDITS_PER_DOCUMENT, CREDITS_PER_EINVOICE, imageSize, MAX_IMAGE_PIXELS, MAX_PAGES, OCR_DPI, type AcceptedType } from "./limits";
import { ocrImage } from "./text/ocr";
import { IsolatedPdf, PdfError, pgm, withPdf } from "./text/pdf";
import type { Row } from "./text/rows";

// Reading a document, the same for the app's worker and `npm run documents:read`:
//   1. an e-invoice — a CII or UBL XML file, or a PDF carrying one (Factur-X,
//      ZUGFeRD, XRechnung) — is read from its XML: exact, no OCR;
//   2. a PDF with a text layer is read from it (exact characters, ~0.2 s);
//   3. anything else is rendered (scanned PDF pages) and OCR'd.
// Then the rule-based extractor (or another Extractor) finds the fields, and
// the checks doubt what does not add up.

export class DocumentReadError extends Error {
  constructor(
    /** Shown to the user as the document's error: "unreadable", "too many pages", "not an e-invoice", "image too large". */
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}

export interface Inspection {
  pageCount: number;
  /** An e-invoice's XML was found: it is read without OCR. */
  eInvoice: boolean;
  /** What reading it costs, in credits. */
  credits: number;
}

export interface Digitized {
  source: TextSource;
  fields: ExtractedFields;
  lines: InvoiceLine[];
  creditNote: boolean;
  pageCount: number;
  /** The text the fields were read from (the XML's values for an e-invoice). */
  text: string;
  /** For an e-invoice: its syntax, document type code, and the embedded file it came from. */
  eInvoice: { syntax: EInvoice["syntax"]; typeCode: string | null; attachment: string | null } | null;
}

export interface DigitizeOptions {
  progress?: (fraction: number) => void;
  extractor?: Extractor;
  /** False reads a Factur-X PDF as if it carried no XML (its visible text only): how tests measure the extractor on a ground truth. */
  readEmbeddedXml?: boolean;
}

function failure(error: unknown): DocumentReadError {
  if (error instanceof DocumentReadError) return error;
  if (error instanceof EInvoiceError) return new DocumentReadError("not an e-invoice", error.message);
  if (error instanceof PdfError) return new DocumentReadError("unreadable", `PDF ${error.failure}: ${error.message}`);
  return new DocumentReadError("unreadable", (error as Error)?.message ?? String(error));
}

/** The embedded e-invoice of a PDF, if one of its attachments is one. */
async function embeddedEInvoice(pdf: IsolatedPdf): Promise<{ pages: number; invoice: EInvoice | null; attachment: string | null }> {
  const info = await pdf.info(EMBEDDED_XML_NAMES);
  const ordered = [...info.attachments].sort((a, b) => rank(a.name) - rank(b.name));
  for (const attachment of ordered) {
    try {
      return { pages: info.pages, invoice: readEInvoiceXml(attachment.bytes), attachment: attachment.name };
    } catch {
      // Another XML (an order, a delivery note): try the next one.
    }
  }
  return { pages: info.pages, invoice: null, attachment: null };
}

function rank(name: string): number {
  const index = EMBEDDED_XML_NAMES.indexOf(name.toLowerCase());
  return index < 0 ? EMBEDDED_XML_NAMES.length : index;
}

/** Page count, whether it is an e-invoice, and so its price — cheap, checked before any credit is held. */
export async function inspectDocument(bytes: Uint8Array, type: AcceptedType): Promise<Inspection> {
  try {
    if (type === "application/xml") {
      readEInvoiceXml(bytes);
      return { pageCount: 1, eInvoice: true, credits: CREDITS_PER_EINVOICE };
    }
    if (type !== "application/pdf") {
      checkImage(bytes);
      return { pageCount: 1, eInvoice: false, credits: CREDITS_PER_DOCUMENT };
    }
    const { pages, invoice } = await withPdf(bytes, embeddedEInvoice);
    return { pageCount: pages, eInvoice: invoice !== null, credits: invoice ? CREDITS_PER_EINVOICE : CREDITS_PER_DOCUMENT };
  } catch (error) {
    throw failure(error);
  }
}

function checkImage(bytes: Uint8Array) {
  const size = imageSize(bytes);
  if (!size) throw new DocumentReadError("unreadable", "Not a readable PNG or JPEG image.");
  if (size.width * size.height > MAX_IMAGE_PIXELS) throw new DocumentReadError("image too large", `${size.width} × ${size.height} pixels; at most ${MAX_IMAGE_PIXELS.toLocaleString("en")}.`);
}

/** Reads a document into checked fields and lines (see the steps above). */
export async function digitizeDocument(
  bytes: Uint8Array,
  type: AcceptedType,
  { progress = () => {}, extractor = ruleBasedExtractor, readEmbeddedXml = true }: DigitizeOptions = {},
): Promise<Digitized> {
  try {
    if (type === "application/xml") return fromEInvoice(readEInvoiceXml(bytes), 1, null);
    if (type !== "application/pdf") {
      checkImage(bytes);
      const size = imageSize(bytes)!;
      const rows = await ocrImage(Buffer.from(bytes), { progress, size });
      return await fromRows(rows, "ocr", 1, extractor);
    }
    return await withPdf(bytes, async (pdf) => {
      const { pages, invoice, attachment } = readEmbeddedXml ? await embeddedEInvoice(pdf) : { ...(await pdf.info()), invoice: null, attachment: null };
      if (pages > MAX_PAGES) throw new DocumentReadError("too many pages", `${pages} pages; at most ${MAX_PAGES} are read.`);
      if (invoice) {
        progress(1);
        return fromEInvoice(invoice, pages, attachment);
      }
      const textRows: Row[] = [];
      for (let page = 1; page <= pages; page++) textRows.push(...(await pdf.pageRows(page)));
      const characters = textRows.reduce((sum, row) => sum + row.text.replace(/\s/g, "").length, 0);
      // A scanned PDF has no text layer (or a few stray characters): OCR it.
      if (characters >= 40 * pages) {
        progress(1);
        return fromRows(textRows, "pdf_text", pages, extractor);
      }
      return fromRows(await ocrPdf(pdf, pages, progress), "ocr", pages, extractor);
    });
  } catch (error) {
    throw failure(error);
  }
}

/**
 * Each page rendered once, at OCR resolution, straight to grey pixels, and
 * recognised by the OCR pool while the next page renders: pages of a document
 * are read in parallel, as many at once as the pool has workers.
 */
async function ocrPdf(pdf: IsolatedPdf, pages: number, progress: (fraction: number) => void): Promise<Row[]> {
  const done = new Array<number>(pages).fill(0);
  const report = () => progress(done.reduce((a, b) => a + b, 0) / pages);
  const recognised: Promise<Row[]>[] = [];
  for (let page = 1; page <= pages; page++) {
    const image = await pdf.render(page, OCR_DPI, "grey");
    recognised.push(
      ocrImage(pgm(image), {
        page,
        size: { width: image.width, height: image.height },
        progress: (p) => {
          done[page - 1] = p;
          report();
        },
      }),
    );
  }
  return (await Promise.all(recognised)).flat();
}

function fromEInvoice(invoice: EInvoice, pageCount: number, attachment: string | null): Digitized {
  const extraction = eInvoiceExtraction(invoice);
  const text = [
    ...Object.entries(invoice.values).map(([name, value]) => `${name}: ${value ?? ""}`),
    ...invoice.lines.map((line) => [line.description, line.quantity, line.unitPrice, line.vatRate, line.amount].join(" | ")),
  ].join("\n");
  return {
    source: "e-invoice",
    fields: checkFields(extraction.fields),
    lines: extraction.lines,
    creditNote: extraction.creditNote,
    pageCount,
    text,
    eInvoice: { syntax: invoice.syntax, typeCode: invoice.typeCode, attachment },
  };
}

async function fromRows(rows: Row[], source: "pdf_text" | "ocr", pageCount: number, extractor: Extractor): Promise<Digitized> {
  if (rows.filter((row) => /[A-Za-z0-9]{2,}/.test(row.text)).length < 3) {
    throw new DocumentReadError("unreadable", "No text could be read from this document.");
  }
  const extraction = signed(await extractor.extract({ rows, source }));
  const fields = checkFields(extraction.fields);
  // Nothing recognisable was found: not a bill, or not legible.
  const found = Object.values(fields).filter((f) => f.value !== null).length;
  if (!fields.total.value && !fields.invoiceNumber.value && found < 3) {
    throw new DocumentReadError("unreadable", "No invoice fields were found in the text.");
  }
  return { source, fields, lines: extraction.lines, creditNote: extraction.creditNote, pageCount, text: rows.map((r) => r.text).join("\n"), eInvoice: null };
}

/** A credit note's amounts are negative, whether or not it printed them so. */
function signed(extraction: Extraction): Extraction {
  if (!extraction.creditNote || isNegativeDecimal(extraction.fields.total.value) || extraction.fields.total.value === null) return extraction;
  const fields = structuredClone(extraction.fields);
  for (const name of ["subtotal", "tax", "total"] as const) if (fields[name].value) fields[name].value = negateDecimal(fields[name].value!);
  return { ...extraction, fields, lines: extraction.lines.map((line) => ({ ...line, amount: line.amount && !isNegativeDecimal(line.amount) ? negateDecimal(line.amount) : line.amount })) };
}

/** Renders page `page` of a PDF as a PNG for the review screen (isolated and capped like every render). */
export async function renderPreview(bytes: Uint8Array, page: number, dpi = 110): Promise<Buffer> {
  try {
    return await withPdf(bytes, async (pdf) => Buffer.from((await pdf.render(page, dpi, "png")).data));
  } catch (error) {
    throw failure(error);
  }
}
