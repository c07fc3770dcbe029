import "server-only";
import { createCanvas } from "@napi-rs/canvas";
import { rowsFromBoxes, type Row, type TextBox } from "./rows";

// pdfjs-dist's legacy build runs on Node 20 (the modern one needs Node 22).
// It is listed in next.config.ts serverExternalPackages: bundling it breaks it.
type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsPromise: Promise<PdfJs> | undefined;
function pdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

export type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await pdfjs();
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The page's text layer as rows; empty for a scanned page. */
export async function pdfPageRows(pdf: PdfDocument, pageNumber: number): Promise<Row[]> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const boxes: TextBox[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const [, , , d, e, f] = item.transform as number[];
    const height = Math.abs(item.height || d) || 10;
    // PDF space has y going up; rows want y going down.
    const top = viewport.height - f - height;
    boxes.push({ text: item.str, x0: e, x1: e + item.width, y0: top, y1: top + height, confidence: 1 });
  }
  page.cleanup();
  return rowsFromBoxes(boxes, pageNumber);
}

/** Renders a page to PNG at `dpi` (OCR wants ≥ 200: amounts are misread at 96). */
export async function renderPdfPage(pdf: PdfDocument, pageNumber: number, dpi = 200): Promise<Buffer> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  page.cleanup();
  return canvas.toBuffer("image/png");
}
