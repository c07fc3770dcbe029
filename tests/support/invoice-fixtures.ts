// Invoice fixtures the project makes itself: an HTML invoice rendered by
// Chromium into a digital PDF (with a text layer) and a PNG at ~200 dpi, then a
// degraded "scan" of the PNG (slight rotation, blur, speckle noise, JPEG
// compression) and that scan wrapped in a PDF with no text layer. The expected
// field values come from the same data the invoice was rendered from.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import type { Browser, Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { launchChromium } from "./chromium";

export interface InvoiceData {
  vendorName: string;
  vendorAddress: string;
  /** As printed (with dots or spaces). */
  vendorVatPrinted: string;
  vendorVat: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  dateStyle: "dmy-slash" | "iso" | "long-en" | "dmy-dot" | "short-en";
  currency: "EUR" | "USD" | "GBP";
  decimalComma: boolean;
  lines: { description: string; quantity: number; unitCents: number }[];
  taxRate: number;
  iban: string;
}

export type ExpectedFields = Record<
  "vendorName" | "vendorVat" | "invoiceNumber" | "invoiceDate" | "dueDate" | "currency" | "subtotal" | "tax" | "total" | "iban",
  string
>;

// Real-format identifiers with valid check digits (public examples).
const VENDORS = [
  { name: "Acme Office Supplies SRL", address: "Rue du Commerce 12, 1000 Brussels, Belgium", vat: "BE0477472701", printed: "BE 0477.472.701", iban: "BE68539007547034" },
  { name: "Nordlicht Technik GmbH", address: "Hauptstrasse 5, 10115 Berlin, Germany", vat: "DE136695976", printed: "DE136695976", iban: "DE89370400440532013000" },
  { name: "Papeterie Durand SAS", address: "8 rue de Rivoli, 75004 Paris, France", vat: "FR40303265045", printed: "FR 40 303265045", iban: "FR1420041010050500013M02606" },
  { name: "Van Dijk Logistics BV", address: "Damrak 70, 1012 LM Amsterdam, Netherlands", vat: "NL004495445B01", printed: "NL004495445B01", iban: "NL91ABNA0417164300" },
  { name: "Bright Cleaning Services Ltd", address: "221 Baker Street, London NW1 6XE, United Kingdom", vat: "GB980780684", printed: "GB 980 7806 84", iban: "GB82WEST12345698765432" },
];
const STYLES: InvoiceData["dateStyle"][] = ["dmy-slash", "iso", "long-en", "dmy-dot", "short-en"];
const ITEMS = ["Printer paper A4, 80 g (box)", "Ink cartridges, black", "Desk lamp LED", "Monthly maintenance", "Delivery and handling", "Ergonomic office chair", "Cleaning service, October"];

export function sampleInvoice(i: number): InvoiceData {
  const vendor = VENDORS[i % VENDORS.length];
  const day = 3 + ((i * 7) % 24);
  const month = 1 + ((i * 5) % 12);
  const issued = new Date(Date.UTC(2026, month - 1, day));
  const due = new Date(issued.getTime() + (i % 2 ? 30 : 14) * 86_400_000);
  const lines = Array.from({ length: 2 + (i % 3) }, (_, k) => ({
    description: ITEMS[(i + k * 3) % ITEMS.length],
    quantity: 1 + ((i + k) % 4),
    unitCents: 1250 + ((i * 3719 + k * 10_537) % 48_000),
  }));
  return {
    vendorName: vendor.name,
    vendorAddress: vendor.address,
    vendorVat: vendor.vat,
    vendorVatPrinted: vendor.printed,
    invoiceNumber: `INV-2026-${String(40 + i * 13).padStart(4, "0")}`,
    invoiceDate: issued.toISOString().slice(0, 10),
    dueDate: due.toISOString().slice(0, 10),
    dateStyle: STYLES[i % STYLES.length],
    currency: vendor.vat.startsWith("GB") ? "GBP" : "EUR",
    decimalComma: i % 5 === 1 || i % 5 === 2,
    lines,
    taxRate: vendor.vat.startsWith("BE") ? 21 : vendor.vat.startsWith("DE") ? 19 : 20,
    iban: vendor.iban,
  };
}

export function totals(invoice: InvoiceData) {
  const subtotal = invoice.lines.reduce((sum, line) => sum + line.quantity * line.unitCents, 0);
  const tax = Math.round((subtotal * invoice.taxRate) / 100);
  return { subtotal, tax, total: subtotal + tax };
}

const cents = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;

export function expectedFields(invoice: InvoiceData): ExpectedFields {
  const { subtotal, tax, total } = totals(invoice);
  return {
    vendorName: invoice.vendorName,
    vendorVat: invoice.vendorVat,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    subtotal: cents(subtotal),
    tax: cents(tax),
    total: cents(total),
    iban: invoice.iban,
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function printDate(iso: string, style: InvoiceData["dateStyle"]): string {
  const [y, m, d] = iso.split("-");
  switch (style) {
    case "dmy-slash":
      return `${d}/${m}/${y}`;
    case "dmy-dot":
      return `${d}.${m}.${y}`;
    case "iso":
      return iso;
    case "long-en":
      return `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}`;
    case "short-en":
      return `${Number(d)} ${MONTHS[Number(m) - 1].slice(0, 3)} ${y}`;
  }
}

function printMoney(value: number, invoice: InvoiceData): string {
  const whole = Math.floor(value / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, invoice.decimalComma ? "." : ",");
  return `${whole}${invoice.decimalComma ? "," : "."}${String(value % 100).padStart(2, "0")}`;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function invoiceHtml(invoice: InvoiceData): string {
  const { subtotal, tax, total } = totals(invoice);
  const money = (v: number) => printMoney(v, invoice);
  const ibanPrinted = invoice.iban.replace(/(.{4})/g, "$1 ").trim();
  const rows = invoice.lines
    .map((l) => `<tr><td>${escape(l.description)}</td><td class="n">${l.quantity}</td><td class="n">${money(l.unitCents)}</td><td class="n">${money(l.quantity * l.unitCents)}</td></tr>`)
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 0 }
    html, body { margin: 0; background: #fff; }
    body { width: 210mm; height: 297mm; box-sizing: border-box; padding: 18mm 18mm; font: 15px/1.45 "Liberation Sans", Arial, sans-serif; color: #111; }
    .head { display: flex; justify-content: space-between; align-items: flex-start; }
    .vendor b { font-size: 22px; }
    h1 { margin: 0; font-size: 30px; letter-spacing: 1px; }
    .meta { margin-top: 14mm; display: flex; justify-content: space-between; }
    .meta table td { padding: 2px 14px 2px 0; }
    table.items { width: 100%; border-collapse: collapse; margin-top: 12mm; }
    table.items th { text-align: left; border-bottom: 2px solid #333; padding: 6px 4px; }
    table.items td { border-bottom: 1px solid #ccc; padding: 6px 4px; }
    .n { text-align: right; }
    table.totals { margin: 8mm 0 0 auto; border-collapse: collapse; }
    table.totals td { padding: 4px 0 4px 40px; }
    table.totals tr.grand td { font-weight: bold; font-size: 18px; border-top: 2px solid #333; }
    .pay { margin-top: 16mm; }
  </style></head><body>
    <div class="head">
      <div class="vendor"><b>${escape(invoice.vendorName)}</b><br>${escape(invoice.vendorAddress)}<br>VAT: ${escape(invoice.vendorVatPrinted)}</div>
      <h1>INVOICE</h1>
    </div>
    <div class="meta">
      <div>Bill to:<br><b>Demo Company SA</b><br>Rue de la Loi 16<br>1000 Brussels</div>
      <table>
        <tr><td>Invoice number:</td><td>${invoice.invoiceNumber}</td></tr>
        <tr><td>Invoice date:</td><td>${printDate(invoice.invoiceDate, invoice.dateStyle)}</td></tr>
        <tr><td>Due date:</td><td>${printDate(invoice.dueDate, invoice.dateStyle)}</td></tr>
      </table>
    </div>
    <table class="items"><thead><tr><th>Description</th><th class="n">Qty</th><th class="n">Unit price</th><th class="n">Amount</th></tr></thead><tbody>${rows}</tbody></table>
    <table class="totals">
      <tr><td>Subtotal</td><td class="n">${money(subtotal)} ${invoice.currency}</td></tr>
      <tr><td>VAT ${invoice.taxRate}%</td><td class="n">${money(tax)} ${invoice.currency}</td></tr>
      <tr class="grand"><td>Total</td><td class="n">${money(total)} ${invoice.currency}</td></tr>
    </table>
    <div class="pay">Please pay by bank transfer before the due date.<br>IBAN: ${ibanPrinted}</div>
  </body></html>`;
}

export interface InvoiceFiles {
  invoice: InvoiceData;
  expected: ExpectedFields;
  pdf: string;
  png: string;
  scanJpeg: string;
  scanPdf: string;
}

/** Runs `render` on an A4-sized page (794 × 1123 CSS px at `scale`) of `options.browser`, or of a browser launched for it; `dir` is made first. */
export async function onA4Page<T>(dir: string, scale: number, options: { browser?: Browser }, render: (page: Page) => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const browser = options.browser ?? (await launchChromium());
  try {
    return await render(await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: scale }));
  } finally {
    if (!options.browser) await browser.close();
  }
}

/** The page printed as an A4 PDF, edge to edge. */
export const a4Pdf = (page: Page) => page.pdf({ format: "A4", printBackground: true, margin: { top: "0", bottom: "0", left: "0", right: "0" } });

/** Renders invoices into `dir`: digital PDF, PNG (~210 dpi), degraded scan (JPEG) and the scan as an image-only PDF. */
export async function makeInvoiceFiles(dir: string, invoices: InvoiceData[], options: { browser?: Browser } = {}): Promise<InvoiceFiles[]> {
  return onA4Page(dir, 2.2, options, async (page) => {
    const files: InvoiceFiles[] = [];
    for (const [i, invoice] of invoices.entries()) {
      const base = path.join(dir, `invoice-${i + 1}`);
      await page.setContent(invoiceHtml(invoice));
      writeFileSync(`${base}.pdf`, await a4Pdf(page));
      const png = await page.screenshot({ type: "png", fullPage: false });
      writeFileSync(`${base}.png`, png);
      const scan = await degrade(png, i);
      writeFileSync(`${base}-scan.jpg`, scan);
      writeFileSync(`${base}-scan.pdf`, await imagePdf(scan));
      files.push({ invoice, expected: expectedFields(invoice), pdf: `${base}.pdf`, png: `${base}.png`, scanJpeg: `${base}-scan.jpg`, scanPdf: `${base}-scan.pdf` });
    }
    return files;
  });
}

/** A flatbed scan's defects: a slight tilt, soft focus, speckle noise, then JPEG. */
export async function degrade(png: Buffer, seed = 0): Promise<Buffer> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate(((seed % 2 ? -1 : 1) * 1.2 * Math.PI) / 180);
  ctx.translate(-canvas.width / 2, -canvas.height / 2);
  ctx.filter = "blur(1px)";
  ctx.drawImage(image, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.filter = "none";
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  // mulberry32: small, seedable, no visible pattern.
  let state = 0x9e3779b9 + seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let p = 0; p < data.data.length; p += 4) {
    const r = random();
    // Grey paper grain everywhere, and a few dark specks.
    const shift = r < 0.0015 ? -160 : Math.round((random() - 0.5) * 40);
    for (let c = 0; c < 3; c++) data.data[p + c] = Math.max(0, Math.min(255, data.data[p + c] + shift));
  }
  ctx.putImageData(data, 0, 0);
  // Synchronous on purpose: an async encode can outlive the last reference to
  // the canvas, and a collected canvas under a running encode crashes the process.
  return canvas.toBuffer("image/jpeg", 60);
}

/** An A4 PDF holding one page image (JPEG or PNG) and no text layer: what a scanner makes. */
export async function imagePdf(bytes: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = bytes[0] === 0x89 ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  const page = doc.addPage([595.28, 841.89]);
  page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return Buffer.from(await doc.save());
}
