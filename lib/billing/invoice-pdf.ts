// The app's own invoices as A4 PDFs (pdf-lib, fonts from lib/pdf). Stripe's
// invoices are Stripe's PDFs; this renders the ones the app issues — the demo
// checkout's, marked "Demo" across the page, and off-session top-ups'.
import { degrees, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { A4, MM, newPdfDocument } from "@/lib/pdf/document";
import type { InvoiceView } from "./invoices";
import { formatMoney } from "@/lib/money";
import { formatVatRate } from "./vat";

const LEFT = 20 * MM;
const RIGHT = A4.width - 20 * MM;
const GREY = rgb(0.35, 0.35, 0.35);

function dateText(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** The strings the invoice prints, in order: also what the PDF's text layer says. */
export function invoiceLines(invoice: InvoiceView) {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const vatLabel = invoice.vatReverseCharge
    ? "VAT (reverse charge)"
    : invoice.vatRate !== null
      ? `VAT ${formatVatRate(invoice.vatRate)}`
      : "VAT";
  return {
    title: invoice.demo ? "Invoice (Demo)" : "Invoice",
    demoNote: invoice.demo ? "Demo invoice: issued by the demo checkout, no money was paid." : null,
    number: `Invoice number: ${invoice.number ?? "—"}`,
    date: `Date: ${dateText(invoice.issuedAt)}`,
    seller: [invoice.seller.name, ...invoice.seller.address, invoice.seller.country, ...(invoice.seller.vat ? [`VAT number: ${invoice.seller.vat}`] : [])],
    buyer: [invoice.buyer.name, ...invoice.buyer.address, invoice.buyer.country, ...(invoice.buyer.vat ? [`VAT number: ${invoice.buyer.vat}`] : [])],
    item: invoice.description,
    totals: [
      ["Net", money(invoice.netAmount)],
      [vatLabel, money(invoice.vatAmount)],
      ["Total (gross)", money(invoice.grossAmount)],
    ] as [string, string][],
    reverseChargeNote: invoice.vatReverseCharge ? "Reverse charge: VAT to be accounted for by the customer (VAT Directive, art. 196)." : null,
    paid: `Paid on ${dateText(invoice.issuedAt)}.`,
  };
}

function drawRight(page: PDFPage, text: string, y: number, font: PDFFont, size: number, right = RIGHT) {
  page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y, size, font });
}

export async function renderInvoicePdf(invoice: InvoiceView): Promise<Uint8Array> {
  const lines = invoiceLines(invoice);
  const everything = [
    lines.title,
    lines.demoNote ?? "",
    lines.number,
    lines.date,
    ...lines.seller,
    ...lines.buyer,
    lines.item,
    ...lines.totals.flat(),
    lines.reverseChargeNote ?? "",
    lines.paid,
    "SellerBuyerDescriptionAmountDEMO",
  ].join("");
  const { doc, regular, bold } = await newPdfDocument(`${lines.title} ${invoice.number ?? ""}`.trim(), everything, "IAP Credits · Invoices");
  const page = doc.addPage([A4.width, A4.height]);

  if (invoice.demo) {
    // A watermark no one can miss, behind the text.
    page.drawText("DEMO", { x: 45 * MM, y: 110 * MM, size: 140, font: bold, color: rgb(0.93, 0.9, 0.92), rotate: degrees(35) });
  }

  let y = A4.height - 25 * MM;
  page.drawText(lines.title, { x: LEFT, y, size: 22, font: bold });
  drawRight(page, lines.number, y + 6, regular, 10);
  drawRight(page, lines.date, y - 8, regular, 10);
  if (lines.demoNote) {
    y -= 9 * MM;
    page.drawText(lines.demoNote, { x: LEFT, y, size: 10, font: bold, color: rgb(0.6, 0.1, 0.1) });
  }

  y -= 16 * MM;
  const column = (title: string, x: number, entries: string[]) => {
    page.drawText(title, { x, y, size: 9, font: bold, color: GREY });
    entries.forEach((text, index) => page.drawText(text, { x, y: y - 14 - index * 13, size: 10, font: index === 0 ? bold : regular }));
  };
  column("Seller", LEFT, lines.seller);
  column("Buyer", A4.width / 2 + 5 * MM, lines.buyer);

  y -= (Math.max(lines.seller.length, lines.buyer.length) + 2) * 13 + 10 * MM;
  page.drawText("Description", { x: LEFT, y, size: 9, font: bold, color: GREY });
  drawRight(page, "Amount", y, bold, 9);
  page.drawLine({ start: { x: LEFT, y: y - 4 }, end: { x: RIGHT, y: y - 4 }, thickness: 0.5, color: GREY });
  y -= 18;
  page.drawText(lines.item, { x: LEFT, y, size: 10, font: regular });
  drawRight(page, lines.totals[0][1], y, regular, 10);

  y -= 30;
  for (const [index, [label, value]] of lines.totals.entries()) {
    const font = index === lines.totals.length - 1 ? bold : regular;
    page.drawText(label, { x: A4.width / 2 + 25 * MM, y, size: 10, font });
    drawRight(page, value, y, font, 10);
    y -= 15;
  }
  if (lines.reverseChargeNote) {
    y -= 10;
    page.drawText(lines.reverseChargeNote, { x: LEFT, y, size: 9, font: regular });
  }
  y -= 20;
  page.drawText(lines.paid, { x: LEFT, y, size: 9, font: regular, color: GREY });
  return doc.save();
}
