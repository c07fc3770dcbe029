import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { IsolatedPdf, MAX_PAGE_PIXELS, MAX_PAGE_SIDE, PdfError, withPdf } from "./pdf";

// Untrusted PDFs are parsed and rendered in a thread of their own, with a heap
// limit, a time limit per call and a pixel budget per page: a crafted file
// costs that thread, never the process (these tests run in it).

async function pdfWithPage(width: number, height: number, text = "Invoice 42"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([width, height]).drawText(text, { x: 50, y: height - 80, size: 24, font });
  return doc.save();
}

describe("PDF rendering in an isolated, capped thread", () => {
  test("a page declared 100,000 × 100,000 points renders within the pixel caps, not gigabytes", async () => {
    const before = process.memoryUsage().rss;
    const page = await withPdf(await pdfWithPage(100_000, 100_000), (pdf) => pdf.render(1, 200, "grey"));
    expect(page.width * page.height).toBeLessThanOrEqual(MAX_PAGE_PIXELS);
    expect(Math.max(page.width, page.height)).toBeLessThanOrEqual(MAX_PAGE_SIDE);
    expect(page.dpi).toBeLessThan(5);
    // At 200 dpi the page would be 278,000² pixels (77 GB of grey); the rendered one is at most 12 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  }, 60_000);

  test("an ordinary page renders at the resolution asked for", async () => {
    const page = await withPdf(await pdfWithPage(595, 842), (pdf) => pdf.render(1, 200, "grey"));
    expect([page.width, page.height, Math.round(page.dpi)]).toEqual([Math.floor((595 * 200) / 72), Math.floor((842 * 200) / 72), 200]);
  }, 60_000);

  test("a call that outlives its time limit ends the thread with a timeout; the process carries on", async () => {
    const slow = new IsolatedPdf(await pdfWithPage(595, 842), { timeoutMs: 1 });
    await expect(slow.render(1, 600, "png")).rejects.toMatchObject({ failure: "timeout" });
    await slow.close();
    expect(await withPdf(await pdfWithPage(595, 842), async (pdf) => (await pdf.info()).pages)).toBe(1);
  }, 60_000);

  test("a thread that runs out of heap is ended as out of memory, not the process", async () => {
    const starved = new IsolatedPdf(await pdfWithPage(595, 842), { heapMb: 2, timeoutMs: 30_000 });
    const error = await starved.render(1, 200, "png").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect(["memory", "crashed"]).toContain((error as PdfError).failure);
    await starved.close();
  }, 60_000);

  test("bytes that are no PDF are refused as unreadable", async () => {
    await expect(withPdf(new TextEncoder().encode("%PDF-1.7 nothing here"), (pdf) => pdf.info())).rejects.toMatchObject({ failure: "unreadable" });
  }, 30_000);

  test("a page's text comes back as rows", async () => {
    const rows = await withPdf(await pdfWithPage(595, 842, "Invoice number: INV-7"), (pdf) => pdf.pageRows(1));
    expect(rows.map((r) => r.text)).toEqual(["Invoice number: INV-7"]);
    expect(rows[0]).toMatchObject({ page: 1, pageWidth: 595, pageHeight: 842 });
  }, 30_000);
});
