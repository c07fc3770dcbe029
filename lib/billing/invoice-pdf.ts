// The app's own invoices as A4 PDFs (pdf-lib, fonts from lib/pdf). Stripe's
// invoices are Stripe's PDFs; this renders the ones the app issues — the demo
// checkout's, marked "Demo" across the page, and off-session top-ups'. The
// fixed texts, dates and amounts are in the buying company's language (an
// invoice is addressed to the company, so every administrator who downloads
// it gets the same document); Chinese gets Noto Sans SC from lib/pdf.
import { degrees, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { A4, MM, newPdfDocument, withPrintableSpaces } from "@/lib/pdf/document";
import type { InvoiceView } from "./invoices";
import { packNameIn } from "@/lib/alerts/service-names";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { formatPackCredits } from "./pack-pricing";
import { formatVatRate } from "./vat";

const LEFT = 20 * MM;
const RIGHT = A4.width - 20 * MM;
const GREY = rgb(0.35, 0.35, 0.35);

/** The company's language as Intl reads it: English invoices keep their British dates and amounts ("1 December 2026", "€12.00"). */
function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : locale;
}

/** The strings the invoice prints, in order, in the buying company's language: also what the PDF's text layer says. */
export function invoiceLines(invoice: InvoiceView) {
  const t = translatorFor(invoice.locale, "billing.invoicePdf");
  const services = translatorFor(invoice.locale, "iap.services");
  const locale = intlLocale(invoice.locale);
  const money = (minor: number) => withPrintableSpaces(formatMoney(minor, invoice.currency, locale));
  const date = withPrintableSpaces(new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: invoice.timeZone }).format(invoice.issuedAt));
  const vatNumber = (vat: string | null | undefined) => (vat ? [t("vatNumber", { vat })] : []);
  const { item } = invoice;
  const serviceKey = `${item.service}.name`;
  const scale = 10n ** BigInt(item.decimals);
  const vatLabel = invoice.vatReverseCharge
    ? t("vatReverseCharge")
    : invoice.vatRate !== null
      ? t("vatAt", { rate: formatVatRate(invoice.vatRate) })
      : t("vat");
  return {
    title: invoice.demo ? t("titleDemo") : t("title"),
    demoNote: invoice.demo ? t("demoNote") : null,
    number: t("number", { number: invoice.number ?? "—" }),
    date: t("date", { date }),
    seller: [invoice.seller.name, ...invoice.seller.address, invoice.seller.country, ...vatNumber(invoice.seller.vat)],
    buyer: [invoice.buyer.name, ...invoice.buyer.address, invoice.buyer.country, ...vatNumber(invoice.buyer.vat)],
    item: t("item", {
      service: services.has(serviceKey) ? services(serviceKey) : item.serviceName,
      pack: packNameIn(invoice.locale, item.packCode, item.pack),
      credits: withPrintableSpaces(formatPackCredits(item.credits, item.decimals, invoice.locale)),
      // Plural agreement on whole credits; a fractional size reads as "other".
      count: item.credits % scale === 0n ? Number(item.credits / scale) : 2,
    }),
    totals: [
      [t("net"), money(invoice.netAmount)],
      [vatLabel, money(invoice.vatAmount)],
      [t("total"), money(invoice.grossAmount)],
    ] as [string, string][],
    reverseChargeNote: invoice.vatReverseCharge ? t("reverseChargeNote") : null,
    paid: t("paid", { date }),
    heads: { seller: t("seller"), buyer: t("buyer"), description: t("description"), amount: t("amount") },
    watermark: t("watermark"),
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
    ...Object.values(lines.heads),
    lines.watermark,
  ].join("");
  const { doc, regular, bold } = await newPdfDocument(`${lines.title} ${invoice.number ?? ""}`.trim(), everything, "IAP Credits · Invoices");
  const page = doc.addPage([A4.width, A4.height]);

  if (invoice.demo) {
    // A watermark no one can miss, behind the text.
    page.drawText(lines.watermark, { x: 45 * MM, y: 110 * MM, size: 140, font: bold, color: rgb(0.93, 0.9, 0.92), rotate: degrees(35) });
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
  column(lines.heads.seller, LEFT, lines.seller);
  column(lines.heads.buyer, A4.width / 2 + 5 * MM, lines.buyer);

  y -= (Math.max(lines.seller.length, lines.buyer.length) + 2) * 13 + 10 * MM;
  page.drawText(lines.heads.description, { x: LEFT, y, size: 9, font: bold, color: GREY });
  drawRight(page, lines.heads.amount, y, bold, 9);
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
