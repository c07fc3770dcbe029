// Over 300 lines on purpose: one page geometry (the constants below) shared by
// the letter, the cover page of a document and the print check; split, each
// part would import the others' measurements.
// Print-ready A4 letters with pdf-lib. Layout follows DIN 5008 form B for a
// C5/C6 or DL window envelope. Geometry (millimetres from the page's top-left):
//   window / address field  x 20–105, y 45–90 (85 × 45 mm)
//     return line (sender, 7 pt)    baseline y 50, x 25
//     recipient (10 pt, 12 pt lead) first baseline y 66, x 25, at most 6 lines → last ≤ y 88
//   information block (sender, date) x 125–190, from y 50
//   subject y 103.4, body from y 113, x 25–190; later pages from y 25; bottom margin 25
//   fold marks y 105 and 210, punch mark y 148.5 (left edge)
// Fonts: lib/pdf/document.ts (Noto Sans, or Noto Sans SC for Chinese; subset per PDF).
// Fixed texts (page numbers, the "Enclosed" line, the date) in the letter's
// language: messages/<locale>/letters.json, pdf.*.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { translatorFor, type Words } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { A4, MM, newPdfDocument, startsAsPdf, unprintableCharacters } from "@/lib/pdf/document";
import { countryName, type PostalAddress } from "./address";

export { A4, MM, unprintableCharacters };
/** The window area, in mm from the page's top-left corner (DIN 5008 form B). */
export const WINDOW_MM = { left: 20, top: 45, width: 85, height: 45 } as const;
/** Most pages an attached document may have (the cover page comes on top). */
export const MAX_DOCUMENT_PAGES = 30;
const A4_TOLERANCE_PT = 2 * MM;

const TEXT_LEFT = 25 * MM;
const TEXT_RIGHT = 190 * MM;
const INFO_LEFT = 125 * MM;
const BOTTOM = 25 * MM;
const BODY_SIZE = 11;
const BODY_LEADING = 15;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

export interface Sender {
  name: string;
  street: string | null;
  city: string | null;
  zip: string | null;
  country: string;
}

export interface Recipient extends PostalAddress {
  country: string;
}

export interface LetterContent {
  sender: Sender;
  recipient: Recipient;
  subject: string;
  body: string;
  date: Date;
  /** The language of the letter's fixed texts (the sending company's); English when absent. */
  locale?: Locale;
}

/** Why an attached PDF cannot be posted (words: messages/<locale>/letters.json "refusal"). */
export type DocumentProblem =
  | { code: "notPdf" }
  | { code: "passwordProtected" }
  | { code: "unreadable" }
  | { code: "documentEmpty" }
  | { code: "documentTooLong"; params: { count: number; max: number } }
  | { code: "notA4"; params: { page: number; width: number; height: number } }
  | { code: "notPageByPage" };

export class LetterFormatError extends Error {
  readonly name = "LetterFormatError";
  constructor(readonly problem: DocumentProblem) {
    super(`Letter format: ${problem.code}`);
  }
}

function words(locale: Locale | undefined): Words {
  return translatorFor(locale ?? DEFAULT_LOCALE, "letters");
}

/** Characters every letter may draw besides its content: its fixed texts in its language, digits, ellipsis. */
function fixedCharacters(locale: Locale | undefined): string {
  const t = words(locale);
  return " 0123456789·…-–,." + t("pdf.page", { page: 1, count: 2 }) + t("pdf.enclosed", { name: "", count: 1 }) + t("pdf.enclosed", { name: "", count: 2 });
}

function newDocument(title: string, text: string, locale: Locale | undefined) {
  return newPdfDocument(title, text + fixedCharacters(locale), "IAP Credits · Snailmail");
}

/** Every string the letter prints, for the font subset. */
function textOf(content: Omit<LetterContent, "body"> & { body?: string; attachmentName?: string }): string {
  const { sender, recipient } = content;
  return [
    content.subject,
    content.body ?? "",
    content.attachmentName ?? "",
    ...Object.values(sender),
    ...Object.values(recipient),
    countryName(sender.country),
    countryName(recipient.country).toUpperCase(),
    formatDate(content.date, content.locale),
  ].join("");
}

function formatDate(date: Date, locale: Locale | undefined) {
  // British English's day-month order for English, as letters have always shown.
  const tag = !locale || locale === "en" ? "en-GB" : locale;
  return date.toLocaleDateString(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** The address block lines, as printed in the window (country in capitals when abroad). */
export function addressLines(recipient: Recipient, senderCountry: string): string[] {
  const lines = [recipient.name, recipient.street ?? "", recipient.street2 ?? ""];
  lines.push([recipient.zip, recipient.city].filter(Boolean).join(" "));
  if (recipient.country !== senderCountry) lines.push(countryName(recipient.country).toUpperCase());
  return lines.filter((line) => line.trim() !== "").slice(0, 6);
}

function fromTop(mm: number) {
  return A4.height - mm * MM;
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(cut + "…", size) > width) cut = cut.slice(0, -1);
  return cut + "…";
}

function drawMarks(page: PDFPage) {
  for (const [y, length] of [
    [105, 5],
    [148.5, 8],
    [210, 5],
  ] as const) {
    page.drawLine({ start: { x: 0, y: fromTop(y) }, end: { x: length * MM, y: fromTop(y) }, thickness: 0.4, color: GREY });
  }
}

/** Letterhead, return line, recipient in the window, information block, subject. Returns where the body starts. */
function drawFirstPage(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, content: Omit<LetterContent, "body">) {
  const { regular, bold } = fonts;
  const { sender } = content;
  page.drawText(fit(sender.name, bold, 14, TEXT_RIGHT - TEXT_LEFT), { x: TEXT_LEFT, y: fromTop(22), size: 14, font: bold, color: INK });

  const senderLine = [sender.name, sender.street, [sender.zip, sender.city].filter(Boolean).join(" "), countryName(sender.country)]
    .filter(Boolean)
    .join(" · ");
  page.drawText(fit(senderLine, regular, 7, (WINDOW_MM.width - 10) * MM), { x: TEXT_LEFT, y: fromTop(50), size: 7, font: regular, color: GREY });

  addressLines(content.recipient, sender.country).forEach((line, index) => {
    page.drawText(fit(line, regular, 10, (WINDOW_MM.width - 10) * MM), { x: TEXT_LEFT, y: fromTop(66) - index * 12, size: 10, font: regular, color: INK });
  });

  const info = [
    sender.name,
    sender.street ?? "",
    [sender.zip, sender.city].filter(Boolean).join(" "),
    countryName(sender.country),
    "",
    formatDate(content.date, content.locale),
  ];
  info.forEach((line, index) => {
    if (line) page.drawText(fit(line, regular, 9, TEXT_RIGHT - INFO_LEFT), { x: INFO_LEFT, y: fromTop(53) - index * 12, size: 9, font: regular, color: GREY });
  });

  const subjectLines = wrap(content.subject, bold, BODY_SIZE, TEXT_RIGHT - TEXT_LEFT).slice(0, 2);
  subjectLines.forEach((line, index) => page.drawText(line, { x: TEXT_LEFT, y: fromTop(103.4) - index * BODY_LEADING, size: BODY_SIZE, font: bold, color: INK }));
  drawMarks(page);
  return fromTop(113) - (subjectLines.length - 1) * BODY_LEADING;
}

/**
 * Greedy word wrap by measured width; a word longer than a line is cut by
 * characters. Words are measured once each (shaping whole lines again and
 * again made long letters take seconds).
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const widths = new Map<string, number>();
  const measure = (word: string) => {
    let w = widths.get(word);
    if (w === undefined) widths.set(word, (w = font.widthOfTextAtSize(word, size)));
    return w;
  };
  const space = measure(" ");
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (let word of paragraph.split(/ +/)) {
      const wordWidth = measure(word);
      if (line && lineWidth + space + wordWidth <= width) {
        line += " " + word;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      while (measure(word) > width) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
      lineWidth = measure(word);
    }
    lines.push(line);
  }
  return lines;
}

export interface RenderedLetter {
  pdf: Uint8Array;
  pages: number;
}

/** A composed letter: first page with the window address, the body flowing onto more pages as needed. */
export async function renderLetter(content: LetterContent): Promise<RenderedLetter> {
  const { doc, regular, bold } = await newDocument(content.subject, textOf(content), content.locale);
  let page = doc.addPage([A4.width, A4.height]);
  let y = drawFirstPage(page, { regular, bold }, content);
  for (const line of wrap(content.body, regular, BODY_SIZE, TEXT_RIGHT - TEXT_LEFT)) {
    if (y < BOTTOM) {
      page = doc.addPage([A4.width, A4.height]);
      drawMarks(page);
      y = fromTop(25);
    }
    if (line) page.drawText(line, { x: TEXT_LEFT, y, size: BODY_SIZE, font: regular, color: INK });
    y -= BODY_LEADING;
  }
  numberPages(doc, regular, content.locale);
  return { pdf: await doc.save(), pages: doc.getPageCount() };
}

function numberPages(doc: PDFDocument, font: PDFFont, locale: Locale | undefined) {
  const t = words(locale);
  const count = doc.getPageCount();
  if (count < 2) return;
  doc.getPages().forEach((page, index) => {
    const label = t("pdf.page", { page: index + 1, count });
    page.drawText(label, { x: TEXT_RIGHT - font.widthOfTextAtSize(label, 8), y: 12 * MM, size: 8, font, color: GREY });
  });
}

function isA4Portrait(page: PDFPage): boolean {
  const { width, height } = page.getSize();
  const turned = page.getRotation().angle % 180 !== 0;
  const [w, h] = turned ? [height, width] : [width, height];
  return Math.abs(w - A4.width) <= A4_TOLERANCE_PT && Math.abs(h - A4.height) <= A4_TOLERANCE_PT;
}

/**
 * An attached PDF (an invoice, a report): checked to be A4 portrait and within
 * the page limit, behind a cover page that carries the addresses. An arbitrary
 * document cannot be trusted to leave the window area blank, so it always gets
 * the cover page; double-sided, the cover's back stays blank so the document
 * starts on its own sheet.
 */
export async function renderDocumentLetter(
  document: Uint8Array,
  content: Omit<LetterContent, "body"> & { duplex: boolean; attachmentName: string },
): Promise<RenderedLetter> {
  // A file that is no PDF at all (notes, an image renamed .pdf) is said as such; "unreadable" is for a damaged PDF.
  if (!startsAsPdf(document)) throw new LetterFormatError({ code: "notPdf" });
  let source: PDFDocument;
  let count: number;
  let wrong: { page: number; width: number; height: number } | null;
  try {
    source = await PDFDocument.load(document, { updateMetadata: false });
    // pdf-lib parses lazily: a damaged file may load and fail only when its pages are read (a TypeError, not a refusal).
    count = source.getPageCount();
    const pages = source.getPages();
    const index = pages.findIndex((page) => !isA4Portrait(page));
    wrong = index < 0 ? null : { page: index + 1, ...pages[index].getSize() };
  } catch (error) {
    const encrypted = /encrypt/i.test((error as Error).message);
    throw new LetterFormatError({ code: encrypted ? "passwordProtected" : "unreadable" });
  }
  if (count === 0) throw new LetterFormatError({ code: "documentEmpty" });
  if (count > MAX_DOCUMENT_PAGES) throw new LetterFormatError({ code: "documentTooLong", params: { count, max: MAX_DOCUMENT_PAGES } });
  if (wrong) throw new LetterFormatError({ code: "notA4", params: { page: wrong.page, width: Math.round(wrong.width / MM), height: Math.round(wrong.height / MM) } });

  const { doc, regular, bold } = await newDocument(content.subject, textOf(content), content.locale);
  const cover = doc.addPage([A4.width, A4.height]);
  const y = drawFirstPage(cover, { regular, bold }, content);
  const note = words(content.locale)("pdf.enclosed", { name: content.attachmentName, count });
  cover.drawText(fit(note, regular, BODY_SIZE, TEXT_RIGHT - TEXT_LEFT), { x: TEXT_LEFT, y, size: BODY_SIZE, font: regular, color: INK });
  if (content.duplex) doc.addPage([A4.width, A4.height]);
  let copied: PDFPage[];
  try {
    copied = await doc.copyPages(source, source.getPageIndices());
  } catch {
    throw new LetterFormatError({ code: "notPageByPage" });
  }
  for (const page of copied) doc.addPage(page);
  return { pdf: await doc.save(), pages: doc.getPageCount() };
}

/** Why the print check refuses a PDF (words: messages/<locale>/letters.json "refusal"). */
export type PrintProblem = Extract<DocumentProblem, { code: "notPdf" | "unreadable" | "documentEmpty" | "notA4" }>;

/** Quick structural check used by the test post office: a PDF whose pages are all A4 portrait. */
export async function checkPrintable(pdf: Uint8Array): Promise<{ ok: true; pages: number } | { ok: false; problem: PrintProblem }> {
  if (!startsAsPdf(pdf)) return { ok: false, problem: { code: "notPdf" } };
  try {
    // pdf-lib parses lazily: a damaged file may load and fail only when its pages are read.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    if (doc.getPageCount() === 0) return { ok: false, problem: { code: "documentEmpty" } };
    const wrong = doc.getPages().findIndex((page) => !isA4Portrait(page));
    if (wrong >= 0) {
      const { width, height } = doc.getPage(wrong).getSize();
      return { ok: false, problem: { code: "notA4", params: { page: wrong + 1, width: Math.round(width / MM), height: Math.round(height / MM) } } };
    }
    return { ok: true, pages: doc.getPageCount() };
  } catch {
    return { ok: false, problem: { code: "unreadable" } };
  }
}
