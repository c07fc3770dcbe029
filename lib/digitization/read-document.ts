import "server-only";
import type { AcceptedType } from "./limits";
import { MAX_PAGES, OCR_DPI } from "./limits";
import { ocrImage } from "./text/ocr";
import { openPdf, pdfPageRows, renderPdfPage } from "./text/pdf";
import type { Row } from "./text/rows";

export class DocumentReadError extends Error {
  constructor(
    /** Shown to the user as the document's error: "unreadable", "too many pages". */
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}

export interface ReadResult {
  rows: Row[];
  source: "pdf_text" | "ocr";
  pageCount: number;
}

/** Page count of a PDF (1 for an image) — cheap, checked before any credit is held. */
export async function countPages(bytes: Uint8Array, type: AcceptedType): Promise<number> {
  if (type !== "application/pdf") return 1;
  try {
    const pdf = await openPdf(bytes);
    const count = pdf.numPages;
    await pdf.destroy();
    return count;
  } catch (error) {
    throw new DocumentReadError("unreadable", `Not a readable PDF: ${(error as Error).message}`);
  }
}

/**
 * The document's text as rows: a PDF's own text layer when it has one (exact
 * and fast), else each page rasterised and OCR'd; images are OCR'd directly.
 */
export async function readDocument(bytes: Uint8Array, type: AcceptedType, progress: (fraction: number) => void = () => {}): Promise<ReadResult> {
  let result: ReadResult;
  try {
    if (type !== "application/pdf") {
      result = { rows: await ocrImage(Buffer.from(bytes), progress), source: "ocr", pageCount: 1 };
    } else {
      result = await readPdf(bytes, progress);
    }
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError("unreadable", (error as Error)?.message ?? String(error));
  }
  if (result.rows.filter((row) => /[A-Za-z0-9]{2,}/.test(row.text)).length < 3) {
    throw new DocumentReadError("unreadable", "No text could be read from this document.");
  }
  return result;
}

async function readPdf(bytes: Uint8Array, progress: (fraction: number) => void): Promise<ReadResult> {
  const pdf = await openPdf(bytes);
  try {
    const pages = pdf.numPages;
    if (pages > MAX_PAGES) throw new DocumentReadError("too many pages", `${pages} pages; at most ${MAX_PAGES} are read.`);
    const textRows: Row[] = [];
    for (let page = 1; page <= pages; page++) textRows.push(...(await pdfPageRows(pdf, page)));
    const characters = textRows.reduce((sum, row) => sum + row.text.replace(/\s/g, "").length, 0);
    // A scanned PDF has no text layer (or a few stray characters): OCR it.
    if (characters >= 40 * pages) {
      progress(1);
      return { rows: textRows, source: "pdf_text", pageCount: pages };
    }
    const rows: Row[] = [];
    for (let page = 1; page <= pages; page++) {
      const image = await renderPdfPage(pdf, page, OCR_DPI);
      rows.push(...(await ocrImage(image, (p) => progress((page - 1 + p) / pages), page)));
    }
    return { rows, source: "ocr", pageCount: pages };
  } finally {
    await pdf.destroy();
  }
}
