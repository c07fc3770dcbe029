import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { embedFontsFor } from "@/lib/pdf/document";
import { signWords, type SignWords } from "./words";

// The signed PDF: the original pages with every signature stamped at the foot
// of the last page, then an audit page — who signed, when, from which IP,
// how their identity was verified, and the SHA-256 of the original, so anyone
// can check that the signed copy is of that exact document.

export interface StampSigner {
  name: string;
  email: string;
  signedAt: Date;
  ip: string | null;
  signatureKind: "TYPED" | "DRAWN";
  signatureText: string | null;
  signaturePng: Uint8Array | null;
  requireVerification: boolean;
  verifiedProvider: string | null;
  verifiedIssuer: string | null;
  verifiedSubject: string | null;
  verifiedName: string | null;
  verifiedBirthdate: string | null;
  verifiedAt: Date | null;
  nameMismatch: boolean;
}

export interface StampInput {
  /** The request's language: the audit page's fixed texts (messages/<locale>/sign.json "audit"). */
  locale: Locale;
  requestId: number;
  title: string;
  fileName: string;
  companyName: string;
  requesterName: string;
  originalSha256: string;
  completedAt: Date;
  signers: StampSigner[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const PRINTABLE_ASCII = String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i));
const INK = rgb(0.07, 0.09, 0.15);
const MUTED = rgb(0.42, 0.45, 0.5);

/**
 * Text drawn in a standard font (the typed signature's oblique, the hash's
 * Courier) passes here: they speak WinAnsi (Western European), so anything
 * else prints as "?" instead of failing. Everything else on the audit page is
 * drawn with Noto Sans (or Noto Sans SC when the words or names are Chinese),
 * embedded by lib/pdf.
 */
export function pdfSafe(value: string): string {
  return value.normalize("NFC").replace(/[^\u0020-\u007e\u00a0-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, "?");
}

export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export async function stampSignedPdf(original: Uint8Array, input: StampInput): Promise<Uint8Array> {
  const doc = await PDFDocument.load(original);
  // Every character the page may draw: printable ASCII (figures, "#", the
  // formatted dates), the request's data and the audit words of its language —
  // a superset of what is drawn; the subset stays small.
  const { regular, bold } = await embedFontsFor(doc, PRINTABLE_ASCII + JSON.stringify(input) + JSON.stringify(loadMessages(input.locale).sign?.audit ?? {}));
  // A typed signature keeps its oblique look when the standard font can write it.
  const typed = input.signers.map((signer) => signer.signatureText ?? signer.name).join("");
  const script = pdfSafe(typed) === typed.normalize("NFC") ? await doc.embedFont(StandardFonts.HelveticaOblique) : regular;
  const mono = await doc.embedFont(StandardFonts.Courier);

  const t = signWords(input.locale, "audit");
  const pages = doc.getPages();
  await stampSignatures(doc, pages[pages.length - 1], input.signers, { regular, script }, t);
  addAuditPages(doc, input, { regular, bold, mono }, t);

  doc.setTitle(t("documentTitle", { title: input.title }));
  doc.setProducer("IAP Credits — Sign");
  doc.setModificationDate(input.completedAt);
  return doc.save();
}

type AuditWords = SignWords;

async function stampSignatures(doc: PDFDocument, page: PDFPage, signers: StampSigner[], fonts: { regular: PDFFont; script: PDFFont }, t: AuditWords) {
  const { width } = page.getSize();
  const perRow = Math.min(3, Math.max(1, signers.length));
  const gap = 10;
  const boxWidth = (width - 2 * 36 - gap * (perRow - 1)) / perRow;
  const boxHeight = 62;
  for (const [index, signer] of signers.entries()) {
    const x = 36 + (index % perRow) * (boxWidth + gap);
    const y = 24 + Math.floor(index / perRow) * (boxHeight + gap);
    page.drawRectangle({ x, y, width: boxWidth, height: boxHeight, color: rgb(1, 1, 1), opacity: 0.9, borderColor: rgb(0.44, 0.29, 0.4), borderWidth: 0.8 });
    if (signer.signatureKind === "DRAWN" && signer.signaturePng) {
      const image = await doc.embedPng(signer.signaturePng);
      const scaled = image.scaleToFit(boxWidth - 12, boxHeight - 26);
      page.drawImage(image, { x: x + 6, y: y + 20, width: scaled.width, height: scaled.height });
    } else {
      const written = signer.signatureText ?? signer.name;
      const text = fonts.script === fonts.regular ? written : pdfSafe(written);
      const size = Math.min(18, fitSize(fonts.script, text, boxWidth - 12));
      page.drawText(text, { x: x + 6, y: y + 28, size, font: fonts.script, color: INK });
    }
    page.drawLine({ start: { x: x + 6, y: y + 17 }, end: { x: x + boxWidth - 6, y: y + 17 }, thickness: 0.5, color: MUTED });
    const caption = t(signer.verifiedAt ? "stampVerified" : "stampSigned", { name: signer.name });
    page.drawText(truncate(fonts.regular, caption, 6.5, boxWidth - 12), { x: x + 6, y: y + 9, size: 6.5, font: fonts.regular, color: INK });
    page.drawText(formatUtc(signer.signedAt), { x: x + 6, y: y + 2.5, size: 6, font: fonts.regular, color: MUTED });
  }
}

function fitSize(font: PDFFont, text: string, maxWidth: number): number {
  const at10 = font.widthOfTextAtSize(text, 10);
  return at10 === 0 ? 10 : (10 * maxWidth) / at10;
}

function truncate(font: PDFFont, text: string, size: number, maxWidth: number): string {
  let value = text;
  while (value.length > 1 && font.widthOfTextAtSize(value, size) > maxWidth) value = `${value.slice(0, -2)}.`;
  return value;
}

/** Wraps one line of text into lines that fit `maxWidth`, breaking long words (hashes, subjects) too. */
function wrap(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > maxWidth) {
      let cut = rest.length;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > maxWidth) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

function addAuditPages(doc: PDFDocument, input: StampInput, fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont }, t: AuditWords) {
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const maxWidth = A4[0] - 2 * MARGIN;
  const labelWidth = 130;

  const ensure = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
  };
  const text = (value: string, size: number, font: PDFFont, color = INK, x = MARGIN, width = maxWidth) => {
    for (const line of wrap(font, value, size, width)) {
      ensure(size + 4);
      page.drawText(line, { x, y: y - size, size, font, color });
      y -= size + 4;
    }
  };
  const row = (label: string, value: string, font = fonts.regular) => {
    const lines = wrap(font, value, 9.5, maxWidth - labelWidth);
    ensure(lines.length * 13.5);
    page.drawText(label, { x: MARGIN, y: y - 9.5, size: 9.5, font: fonts.regular, color: MUTED });
    for (const line of lines) {
      page.drawText(line, { x: MARGIN + labelWidth, y: y - 9.5, size: 9.5, font, color: INK });
      y -= 13.5;
    }
  };

  text(t("heading"), 18, fonts.bold);
  y -= 6;
  row(t("document"), input.title);
  row(t("file"), input.fileName);
  row(t("requestedBy"), t("requester", { name: input.requesterName, company: input.companyName }));
  row(t("request"), `#${input.requestId}`);
  row(t("completed"), formatUtc(input.completedAt));
  row(t("originalSha256"), input.originalSha256, fonts.mono);
  y -= 4;
  text(t("fingerprint"), 8.5, fonts.regular, MUTED);

  for (const [index, signer] of input.signers.entries()) {
    y -= 10;
    ensure(120);
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5, color: rgb(0.85, 0.86, 0.88) });
    y -= 8;
    text(t("signer", { number: index + 1, name: signer.name }), 12, fonts.bold);
    row(t("email"), signer.email);
    row(t("signedAt"), formatUtc(signer.signedAt));
    row(t("ip"), signer.ip ?? t("ipUnknown"));
    row(t("signature"), signer.signatureKind === "DRAWN" ? t("drawn") : t("typed", { text: signer.signatureText ?? "" }));
    if (signer.verifiedAt) {
      row(t("verifiedBy"), signer.verifiedProvider ?? signer.verifiedIssuer ?? "");
      row(t("verifiedName"), signer.verifiedName ?? "");
      if (signer.verifiedBirthdate) row(t("verifiedBirthdate"), signer.verifiedBirthdate);
      row(t("verifiedAt"), formatUtc(signer.verifiedAt));
      row(t("issuerSubject"), `${signer.verifiedIssuer} / ${signer.verifiedSubject}`);
      if (signer.nameMismatch) row(t("warning"), t("nameMismatch", { name: signer.name }), fonts.bold);
    } else {
      row(t("identity"), t("notVerified"));
    }
  }
}
