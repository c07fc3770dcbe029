import fontkit from "@pdf-lib/fontkit";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { A4, MAX_DOCUMENT_PAGES, MM, WINDOW_MM, LetterFormatError, checkPrintable, renderDocumentLetter, renderLetter, unprintableCharacters } from "./render";

const sender = { name: "Demo Company SA", street: "Rue de la Loi 16", city: "Brussels", zip: "1000", country: "BE" };
const date = new Date("2026-11-21T12:00:00Z");

// Rendering embeds and subsets a font: seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

const STANDARD_FONTS = path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts") + "/";

interface Placed {
  text: string;
  /** mm from the page's left edge */
  x: number;
  /** mm from the page's top edge (baseline) */
  y: number;
  page: number;
}

async function textOf(pdf: Uint8Array): Promise<{ items: Placed[]; sizes: { width: number; height: number }[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const items: Placed[] = [];
  const sizes = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    sizes.push({ width, height });
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const [, , , , e, f] = item.transform as number[];
      items.push({ text: item.str, x: e / MM, y: (height - f) / MM, page: n });
    }
  }
  await doc.destroy();
  return { items, sizes };
}

function insideWindow(item: Placed) {
  return item.page === 1 && item.x >= WINDOW_MM.left && item.x <= WINDOW_MM.left + WINDOW_MM.width && item.y >= WINDOW_MM.top && item.y <= WINDOW_MM.top + WINDOW_MM.height;
}

/** The font programs embedded in a PDF, parsed back with fontkit. */
async function embeddedFonts(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf);
  const fonts = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const ref = object.get(PDFName.of("FontFile2"));
    const file = ref ? doc.context.lookup(ref) : undefined;
    if (file instanceof PDFRawStream) fonts.push(fontkit.create(Buffer.from(decodePDFRawStream(file).decode())));
  }
  return fonts;
}

describe("letter PDF", () => {
  it("is A4, and puts the recipient's name and postal code inside the window area, with Łódź and Cyrillic extractable", async () => {
    const recipient = { name: "Zofia Łukasiewicz-Żółć", street: "ul. Piotrkowska 104", street2: "Мария Иванова, c/o", city: "Łódź", zip: "90-001", country: "PL" };
    const { pdf, pages } = await renderLetter({ sender, recipient, subject: "Invoice INV/2026/0042", body: "Dear Zofia,\n\nPlease find our invoice.\nСпасибо!", date });
    expect(pages).toBe(1);
    const { items, sizes } = await textOf(pdf);
    expect(sizes[0].width).toBeCloseTo(A4.width, 1);
    expect(sizes[0].height).toBeCloseTo(A4.height, 1);
    expect(Math.round(sizes[0].width / MM)).toBe(210);
    expect(Math.round(sizes[0].height / MM)).toBe(297);

    const name = items.find((i) => i.text === "Zofia Łukasiewicz-Żółć");
    const zipCity = items.find((i) => i.text === "90-001 Łódź");
    const cyrillic = items.find((i) => i.text.includes("Мария Иванова"));
    const country = items.find((i) => i.text === "POLAND");
    for (const placed of [name, zipCity, cyrillic, country]) {
      expect(placed, JSON.stringify(items.slice(0, 12))).toBeDefined();
      expect(insideWindow(placed!), JSON.stringify(placed)).toBe(true);
    }
    // The body is below the window, not inside it.
    const body = items.find((i) => i.text === "Please find our invoice.")!;
    expect(insideWindow(body)).toBe(false);
    expect(items.some((i) => i.text === "Спасибо!")).toBe(true);

    // Extractable text is not enough: the glyphs must have outlines, or the
    // name prints blank (what pdf-lib's own subsetting did to this font).
    const fonts = await embeddedFonts(pdf);
    expect(fonts.length).toBe(2);
    const regular = fonts.find((f) => !/bold/i.test(f.postscriptName ?? ""))!;
    for (const char of "Łukasiewicz-Żółć Łódź Мария Иванова") {
      if (char === " ") continue;
      const glyph = regular.glyphForCodePoint(char.codePointAt(0)!);
      expect(glyph.id, char).toBeGreaterThan(0);
      expect((glyph.path as unknown as { commands: unknown[] }).commands.length, char).toBeGreaterThan(0);
    }
  });

  it("wraps a long body onto more A4 pages, each numbered", async () => {
    const paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ";
    const body = Array.from({ length: 40 }, () => paragraph.repeat(3)).join("\n\n");
    const recipient = { name: "Jan Peeters", street: "Meir 1", city: "Antwerpen", zip: "2000", country: "BE" };
    const { pdf, pages } = await renderLetter({ sender, recipient, subject: "Report", body, date });
    expect(pages).toBeGreaterThan(2);
    const { items, sizes } = await textOf(pdf);
    expect(sizes.every((s) => Math.round(s.width / MM) === 210 && Math.round(s.height / MM) === 297)).toBe(true);
    expect(items.filter((i) => /^Page \d+ of \d+$/.test(i.text))).toHaveLength(pages);
    // Domestic letter: no country line in the window.
    expect(items.some((i) => i.text === "BELGIUM")).toBe(false);
    // Every body line starts at the left margin and none runs into the bottom margin.
    const later = items.filter((i) => i.page >= 2 && !i.text.startsWith("Page "));
    expect(later.length).toBeGreaterThan(40);
    expect(later.every((i) => Math.abs(i.x - 25) < 0.5 && i.y >= 25 && i.y < 297 - 25 + 6)).toBe(true);
  });

  it("names characters the embedded fonts cannot print", async () => {
    expect(await unprintableCharacters("Łódź Мария Ελλάδα")).toEqual([]);
    // Chinese prints (Noto Sans SC); Korean has no font here.
    expect(await unprintableCharacters("北京 東京 ok")).toEqual([]);
    expect(await unprintableCharacters("서울 ok")).toEqual(["서", "울"]);
    // One font per document: with Chinese in it, Noto Sans SC's Latin lacks Polish Ł and ź.
    expect(await unprintableCharacters("Łódź 北京")).toEqual(["Ł", "ź"]);
  });
});

async function pdfWithPages(sizes: [number, number][]) {
  const doc = await PDFDocument.create();
  for (const size of sizes) doc.addPage(size).drawText("Invoice body", { x: 72, y: 400, size: 12 });
  return doc.save();
}

describe("attached PDF documents", () => {
  const recipient = { name: "Олег Петров", street: "Тверская ул., 7", city: "Москва", zip: "125009", country: "RU" };

  it("get a cover page with the address in the window; double-sided adds a blank back", async () => {
    const invoice = await pdfWithPages([
      [A4.width, A4.height],
      [A4.width, A4.height],
    ]);
    const simplex = await renderDocumentLetter(invoice, { sender, recipient, subject: "Invoice", date, duplex: false, attachmentName: "invoice.pdf" });
    expect(simplex.pages).toBe(3);
    const { items } = await textOf(simplex.pdf);
    const name = items.find((i) => i.text === "Олег Петров")!;
    const zip = items.find((i) => i.text === "125009 Москва")!;
    expect(insideWindow(name)).toBe(true);
    expect(insideWindow(zip)).toBe(true);
    expect(items.find((i) => i.text === "RUSSIA")).toBeDefined();
    expect(items.filter((i) => i.text === "Invoice body").map((i) => i.page)).toEqual([2, 3]);

    const duplex = await renderDocumentLetter(invoice, { sender, recipient, subject: "Invoice", date, duplex: true, attachmentName: "invoice.pdf" });
    expect(duplex.pages).toBe(4);
    expect((await textOf(duplex.pdf)).items.filter((i) => i.text === "Invoice body").map((i) => i.page)).toEqual([3, 4]);
  });

  it("refuses non-A4 pages, too many pages and files that are not PDFs", async () => {
    const letterSize = await pdfWithPages([[612, 792]]);
    await expect(renderDocumentLetter(letterSize, { sender, recipient, subject: "x", date, duplex: false, attachmentName: "us.pdf" })).rejects.toMatchObject(
      { problem: { code: "notA4", params: { page: 1, width: 216, height: 279 } } },
    );
    const landscape = await pdfWithPages([[A4.height, A4.width]]);
    await expect(renderDocumentLetter(landscape, { sender, recipient, subject: "x", date, duplex: false, attachmentName: "l.pdf" })).rejects.toBeInstanceOf(LetterFormatError);
    const long = await pdfWithPages(Array.from({ length: MAX_DOCUMENT_PAGES + 1 }, () => [A4.width, A4.height] as [number, number]));
    await expect(renderDocumentLetter(long, { sender, recipient, subject: "x", date, duplex: false, attachmentName: "long.pdf" })).rejects.toMatchObject({
      problem: { code: "documentTooLong", params: { count: 31, max: 30 } },
    });
    await expect(
      renderDocumentLetter(new TextEncoder().encode("hello, not a pdf"), { sender, recipient, subject: "x", date, duplex: false, attachmentName: "a.pdf" }),
    ).rejects.toMatchObject({ problem: { code: "notPdf" } });
    await expect(
      renderDocumentLetter(new TextEncoder().encode("%PDF-1.7 cut short"), { sender, recipient, subject: "x", date, duplex: false, attachmentName: "b.pdf" }),
    ).rejects.toMatchObject({ problem: { code: "unreadable" } });
  });

  it("the print check accepts a rendered letter and refuses garbage", async () => {
    const { pdf } = await renderLetter({ sender, recipient, subject: "Hi", body: "Hello", date });
    expect(await checkPrintable(pdf)).toEqual({ ok: true, pages: 1 });
    expect(await checkPrintable(new TextEncoder().encode("garbage"))).toEqual({ ok: false, problem: { code: "notPdf" } });
    expect(await checkPrintable(new TextEncoder().encode("%PDF-1.7 cut short"))).toEqual({ ok: false, problem: { code: "unreadable" } });
    const landscape = await pdfWithPages([
      [A4.width, A4.height],
      [A4.height, A4.width],
    ]);
    expect(await checkPrintable(landscape)).toEqual({ ok: false, problem: { code: "notA4", params: { page: 2, width: 297, height: 210 } } });
  });
});
