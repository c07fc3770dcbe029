// A varied corpus of non-XML invoices with known values, for tests and
// `npm run bench:ocr`: six layouts (a classic letterhead, a German DIN 5008
// letter with a return-address line and an information block, a French
// "facture" with its legal header and two address columns, a modern
// "labels above values" layout, a compact receipt, a table-headed layout with
// the numbers under their labels), eleven locales — numbers, currencies and
// dates written by Intl the way each country writes them (1.234,56 €,
// 1 234,56 € with narrow no-break spaces, CHF 1'234.50, ₹12,34,567.50,
// 1 234,56 zł, March 5, 2026, 5. März 2026) — and labels drawn from several
// synonyms per language. Every invoice also prints its customer's name, legal
// form and VAT number, so reading the customer for the vendor shows as a
// wrong field. Identifiers are valid (IBAN mod 97 and VAT check digits
// computed here). Rendered by Chromium into a digital PDF, and a subset
// degraded into scans (tilt, blur, noise, JPEG) inside image-only PDFs.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { isValidIBAN } from "ibantools";
import { checkVAT, countries } from "jsvat";
import words from "./data/invoice-words.json";
import { a4Pdf, degrade, imagePdf, onA4Page } from "./invoice-fixtures";

export type Layout = "classic" | "din" | "french" | "modern" | "receipt" | "grid";
export const LAYOUTS: Layout[] = ["classic", "din", "french", "modern", "receipt", "grid"];

interface Locale {
  tag: string;
  lang: "en" | "fr" | "de" | "nl" | "es" | "it" | "pl" | "sv";
  country: string;
  currency: string;
}

const LOCALES: Locale[] = [
  { tag: "en-GB", lang: "en", country: "GB", currency: "GBP" },
  { tag: "en-US", lang: "en", country: "US", currency: "USD" },
  { tag: "fr-FR", lang: "fr", country: "FR", currency: "EUR" },
  { tag: "de-DE", lang: "de", country: "DE", currency: "EUR" },
  { tag: "nl-NL", lang: "nl", country: "NL", currency: "EUR" },
  { tag: "es-ES", lang: "es", country: "ES", currency: "EUR" },
  { tag: "it-IT", lang: "it", country: "IT", currency: "EUR" },
  { tag: "de-CH", lang: "de", country: "CH", currency: "CHF" },
  { tag: "fr-BE", lang: "fr", country: "BE", currency: "EUR" },
  { tag: "en-IN", lang: "en", country: "IN", currency: "INR" },
  { tag: "pl-PL", lang: "pl", country: "PL", currency: "PLN" },
  { tag: "sv-SE", lang: "sv", country: "SE", currency: "SEK" },
];

type Word = "invoice" | "number" | "date" | "due" | "billTo" | "description" | "qty" | "price" | "amount" | "subtotal" | "tax" | "total" | "vat" | "customerVat" | "iban" | "paid" | "amountDue";

/**
 * Labels per language, several synonyms each (the generator picks one per
 * invoice), kept as data in data/invoice-words.json; the type makes tsc refuse
 * a language or a word missing there.
 */
const WORDS: Record<Locale["lang"], Record<Word, string[]>> = words;

const NAMES = ["Nordwind", "Atelier Lumière", "Bakker & Zonen", "Castello Verde", "Solvik", "Kowalski", "Brightside", "Iberia Tools", "Alpenblick", "Maison Durand", "Harbour Lane", "Sunrise Foods", "Vertex Digital", "Rio Claro", "Helios Energy", "Blue Fjord", "Greenfield", "Mistral"];
const FORMS: Record<string, string[]> = {
  GB: ["Ltd", "Limited", "plc"], US: ["Inc.", "LLC", "Corp."], FR: ["SARL", "SAS", "SA"], DE: ["GmbH", "AG", "KG"], NL: ["B.V.", "BV"], ES: ["S.L.", "S.A."], IT: ["S.r.l.", "S.p.A."],
  CH: ["AG", "GmbH", "Sàrl"], BE: ["SRL", "SA", "BV"], IN: ["Pvt Ltd", "Private Limited"], PL: ["sp. z o.o.", "S.A."], SE: ["AB"],
};
const STREETS: Record<string, string> = {
  GB: "12 Harbour Road, Bristol BS1 4QA", US: "400 Market Street, Suite 12, San Francisco, CA 94105", FR: "18 rue des Lilas, 69003 Lyon", DE: "Industriestraße 25, 91710 Gunzenhausen", NL: "Keizersgracht 120, 1015 CX Amsterdam",
  ES: "Calle Mayor 7, 28013 Madrid", IT: "Via Roma 44, 20121 Milano", CH: "Bahnhofstrasse 10, 8001 Zürich", BE: "Avenue Louise 54, 1050 Bruxelles", IN: "14 MG Road, Bengaluru 560001", PL: "ul. Długa 5, 00-238 Warszawa", SE: "Drottninggatan 3, 111 51 Stockholm",
};
const ITEMS = ["Consulting services", "Software licence (annual)", "Printer paper A4 (box)", "Maintenance contract", "Delivery and handling", "Office chairs", "Web hosting", "Design work", "Training day", "Spare parts kit", "Cleaning service", "Translation"];

/** Deterministic random numbers (mulberry32). */
function random(seed: number) {
  let state = 0x2f6b4c1d + seed * 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}

const IBAN_LENGTHS: Record<string, number> = { GB: 22, FR: 27, DE: 22, NL: 18, ES: 24, IT: 27, CH: 21, BE: 16, PL: 28, SE: 24 };

/** A valid IBAN (mod 97) of the country, numeric BBAN except the letter block some countries have. */
export function makeIban(country: string, next: () => number): string | null {
  const length = IBAN_LENGTHS[country];
  if (!length) return null;
  let bban = Array.from({ length: length - 4 }, () => Math.floor(next() * 10)).join("");
  if (country === "GB") bban = `NWBK${bban.slice(4)}`;
  if (country === "NL") bban = `ABNA${bban.slice(4)}`;
  if (country === "IT") bban = `X${bban.slice(1)}`;
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const iban = `${country}${String(98 - mod97(numeric)).padStart(2, "0")}${bban}`;
  // Some countries' account numbers carry a national check digit too (PL, FR, ES, BE…): draw again until it passes.
  return isValidIBAN(iban) ? iban : makeIban(country, next);
}

const VAT_BODY: Record<string, () => string> = {};
/** A VAT number whose check digits pass (found by trying random bodies of the country's shape). */
export function makeVat(country: string, next: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join("");
  const shapes: Record<string, () => string> = {
    GB: () => `GB${digits(9)}`, FR: () => `FR${digits(11)}`, DE: () => `DE${1 + Math.floor(next() * 9)}${digits(8)}`, NL: () => `NL${digits(9)}B0${1 + Math.floor(next() * 9)}`,
    ES: () => `ESB${digits(8)}`, IT: () => `IT${digits(11)}`, CH: () => `CHE${digits(9)}`, BE: () => `BE0${digits(9)}`, PL: () => `PL${digits(10)}`, SE: () => `SE${digits(10)}01`, IN: () => "", US: () => "",
  };
  const shape = shapes[country] ?? VAT_BODY[country];
  if (!shape || shape() === "") return "";
  for (let i = 0; i < 5000; i++) {
    const candidate = shape();
    if (checkVAT(country === "CH" ? `${candidate}MWST` : candidate, countries).isValid) return candidate;
  }
  throw new Error(`no valid VAT number found for ${country}`);
}

export interface CorpusInvoice {
  id: string;
  layout: Layout;
  locale: string;
  scanned: boolean;
  html: string;
  expected: Record<"vendorName" | "vendorVat" | "invoiceNumber" | "invoiceDate" | "dueDate" | "currency" | "subtotal" | "tax" | "total" | "iban", string | null>;
}

const cents = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;

export function corpusInvoice(seed: number): CorpusInvoice {
  const next = random(seed);
  const pick = <T,>(items: T[]) => items[Math.floor(next() * items.length)];
  const locale = LOCALES[seed % LOCALES.length];
  const layout = LAYOUTS[Math.floor(seed / LOCALES.length) % LAYOUTS.length];
  const w = Object.fromEntries(Object.entries(WORDS[locale.lang]).map(([key, options]) => [key, pick(options)])) as Record<Word, string>;
  const vendorName = `${pick(NAMES)} ${pick(FORMS[locale.country])}`;
  let customerName = `${pick(NAMES)} ${pick(FORMS[locale.country])}`;
  if (customerName.split(" ")[0] === vendorName.split(" ")[0]) customerName = `Demo Trading ${pick(FORMS[locale.country])}`;
  const vendorVat = makeVat(locale.country, next) || null;
  const customerVat = makeVat(locale.country, next) || null;
  const iban = makeIban(locale.country, next);
  const issued = new Date(Date.UTC(2025 + Math.floor(next() * 2), Math.floor(next() * 12), 1 + Math.floor(next() * 27)));
  const due = new Date(issued.getTime() + pick([14, 30, 45, 60]) * 86_400_000);
  const number = pick([`INV-${2025 + Math.floor(next() * 2)}-${String(Math.floor(next() * 9000) + 100)}`, `${Math.floor(next() * 900000) + 100000}`, `F${String(Math.floor(next() * 99999)).padStart(5, "0")}`, `RE-${Math.floor(next() * 90000) + 10000}/${Math.floor(next() * 90) + 10}`]);
  const rate = { GB: 20, US: 8, FR: 20, DE: 19, NL: 21, ES: 21, IT: 22, CH: 8.1, BE: 21, IN: 18, PL: 23, SE: 25 }[locale.country]!;
  const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => ({ description: pick(ITEMS), quantity: 1 + Math.floor(next() * 12), unit: 500 + Math.floor(next() * 180_000) }));
  const subtotal = lines.reduce((s, l) => s + l.quantity * l.unit, 0);
  const tax = Math.round((subtotal * rate) / 100);
  const total = subtotal + tax;
  const deposit = next() < 0.2 ? Math.round(total * 0.3) : 0;

  const money = (value: number, symbol = true) =>
    new Intl.NumberFormat(locale.tag, symbol ? { style: "currency", currency: locale.currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100);
  const dateStyle = pick(["short", "medium", "long"] as const);
  const date = (d: Date) => new Intl.DateTimeFormat(locale.tag, { dateStyle: dateStyle === "short" && locale.country !== "US" ? "medium" : dateStyle, timeZone: "UTC" }).format(d);
  const ibanPrinted = iban?.replace(/(.{4})/g, "$1 ").trim() ?? "";
  const vatPrinted = vendorVat ? (locale.country === "CH" ? `${vendorVat.slice(0, 3)}-${vendorVat.slice(3, 6)}.${vendorVat.slice(6, 9)}.${vendorVat.slice(9)} MWST` : vendorVat) : "";
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const vendorBlock = `<b class="vendor">${esc(vendorName)}</b><br>${esc(STREETS[locale.country])}${vendorVat ? `<br>${esc(w.vat)}: ${vatPrinted}` : ""}`;
  const customerBlock = `<div class="label">${esc(w.billTo)}:</div><b>${esc(customerName)}</b><br>${pick(["Rue de la Loi 16, 1000 Bruxelles", "Hauptstraße 5, 10115 Berlin", "221 Baker Street, London NW1 6XE"])}${customerVat ? `<br>${esc(w.customerVat)}: ${customerVat}` : ""}`;
  const items = lines
    .map((l) => `<tr><td>${esc(l.description)}</td><td class="n">${l.quantity}</td><td class="n">${money(l.unit, false)}</td><td class="n">${money(l.quantity * l.unit, false)}</td></tr>`)
    .join("");
  const table = `<table class="items"><thead><tr><th>${esc(w.description)}</th><th class="n">${esc(w.qty)}</th><th class="n">${esc(w.price)}</th><th class="n">${esc(w.amount)}</th></tr></thead><tbody>${items}</tbody></table>`;
  const totals = `<table class="totals">
      <tr><td>${esc(w.subtotal)}</td><td class="n">${money(subtotal)}</td></tr>
      <tr><td>${esc(w.tax)} ${new Intl.NumberFormat(locale.tag).format(rate)} %</td><td class="n">${money(tax)}</td></tr>
      <tr class="grand"><td>${esc(w.total)}</td><td class="n">${money(total)}</td></tr>
      ${deposit ? `<tr><td>${esc(w.paid)}</td><td class="n">-${money(deposit)}</td></tr><tr><td>${esc(w.amountDue)}</td><td class="n">${money(total - deposit)}</td></tr>` : ""}
    </table>`;
  const meta = (style: "table" | "stack") =>
    style === "table"
      ? `<table class="meta"><tr><td>${esc(w.number)}:</td><td>${number}</td></tr><tr><td>${esc(w.date)}:</td><td>${date(issued)}</td></tr><tr><td>${esc(w.due)}:</td><td>${date(due)}</td></tr></table>`
      : `<div class="stack"><div><span class="label">${esc(w.number)}</span><br>${number}</div><div><span class="label">${esc(w.date)}</span><br>${date(issued)}</div><div><span class="label">${esc(w.due)}</span><br>${date(due)}</div></div>`;
  const pay = iban ? `<div class="pay">${esc(w.iban.replace(/:$/, ""))}: ${ibanPrinted}</div>` : "";
  const footer = `<div class="footer"><div>${esc(vendorName)}<br>${esc(STREETS[locale.country])}</div><div>${vendorVat ? `${esc(w.vat)} ${vatPrinted}` : ""}<br>${pick(["www.example-shop.com", "info@example.org"])}</div><div>${iban ? `IBAN ${ibanPrinted}` : ""}</div></div>`;

  let body: string;
  switch (layout) {
    case "classic":
      body = `<div class="row"><div>${vendorBlock}</div><h1>${esc(w.invoice)}</h1></div><div class="row gap"><div>${customerBlock}</div>${meta("table")}</div>${table}${totals}${pay}`;
      break;
    case "din":
      body = `<div class="logo">${esc(vendorName.split(" ")[0])}</div><div class="row gap"><div><div class="return">${esc(vendorName)} · ${esc(STREETS[locale.country])}</div><b>${esc(customerName)}</b><br>Hauptstraße 5<br>10115 Berlin</div>${meta("table")}</div>
        <h2>${esc(w.invoice)} ${number}</h2>${table}${totals}${footer}`;
      break;
    case "french":
      body = `<div class="small">${esc(vendorName)} - ${esc(STREETS[locale.country])}${vendorVat ? ` - ${esc(w.vat)} : ${vatPrinted}` : ""}</div><h1>${esc(w.invoice)} ${number}</h1>
        <div class="row gap"><div>${customerBlock}</div><div><div class="label">${esc(w.billTo === "Client" ? "Adresse de livraison" : w.billTo)}</div><b>${esc(customerName)}</b><br>Entrepôt 3</div></div>
        <div class="row gap">${meta("table")}</div>${table}${totals}${pay}`;
      break;
    case "modern":
      body = `<h1 class="big">${esc(w.invoice)}</h1>${meta("stack")}<div class="row gap"><div>${vendorBlock}</div><div>${customerBlock}</div></div>${table}${totals}${pay}`;
      break;
    case "receipt":
      body = `<div class="receipt"><div class="center">${vendorBlock}</div><div class="center">${esc(w.invoice)} ${number}<br>${esc(w.date)}: ${date(issued)}<br>${esc(w.due)}: ${date(due)}</div>${table}${totals}<div>${customerBlock}</div>${pay}</div>`;
      break;
    case "grid":
      body = `<div class="row"><div>${vendorBlock}</div><div>${customerBlock}</div></div><h1>${esc(w.invoice)}</h1>
        <table class="grid"><tr><th>${esc(w.number)}</th><th>${esc(w.date)}</th><th>${esc(w.due)}</th></tr><tr><td>${number}</td><td>${date(issued)}</td><td>${date(due)}</td></tr></table>${table}${totals}${footer}`;
      break;
  }
  const html = `<!doctype html><html lang="${locale.lang}"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 0 } html, body { margin: 0; background: #fff; }
    body { width: 210mm; min-height: 297mm; box-sizing: border-box; padding: 16mm 17mm; font: 14px/1.45 "Liberation Sans", Arial, sans-serif; color: #111; }
    .row { display: flex; justify-content: space-between; align-items: flex-start; } .gap { margin-top: 10mm; }
    .vendor { font-size: 19px; } h1 { margin: 0; font-size: 28px; } h1.big { font-size: 40px; margin-bottom: 6mm; } h2 { margin: 10mm 0 0; font-size: 20px; }
    .label { color: #555; font-size: 12px; } .small { font-size: 11px; color: #333; margin-bottom: 8mm; } .return { font-size: 9px; text-decoration: underline; margin-bottom: 2mm; }
    .logo { font-size: 30px; font-weight: bold; color: #1a4d8f; text-align: right; }
    .stack { display: flex; gap: 14mm; margin-bottom: 8mm; }
    table.meta td { padding: 2px 12px 2px 0; } table.grid { margin-top: 6mm; border-collapse: collapse; } table.grid th, table.grid td { border: 1px solid #999; padding: 4px 14px; text-align: left; }
    table.items { width: 100%; border-collapse: collapse; margin-top: 10mm; } table.items th { text-align: left; border-bottom: 2px solid #333; padding: 6px 4px; } table.items td { border-bottom: 1px solid #ccc; padding: 6px 4px; }
    .n { text-align: right; } table.totals { margin: 7mm 0 0 auto; border-collapse: collapse; } table.totals td { padding: 4px 0 4px 40px; }
    table.totals tr.grand td { font-weight: bold; font-size: 17px; border-top: 2px solid #333; }
    .pay { margin-top: 12mm; } .footer { position: absolute; top: 272mm; left: 17mm; right: 17mm; display: flex; justify-content: space-between; font-size: 10px; color: #444; border-top: 1px solid #aaa; padding-top: 2mm; }
    .receipt { width: 110mm; margin: 0 auto; } .center { text-align: center; margin-bottom: 5mm; }
  </style></head><body>${body}</body></html>`;
  return {
    id: `${String(seed).padStart(3, "0")}-${layout}-${locale.tag}`,
    layout,
    locale: locale.tag,
    scanned: seed % 3 === 2,
    html,
    expected: {
      vendorName,
      vendorVat,
      invoiceNumber: number,
      invoiceDate: issued.toISOString().slice(0, 10),
      dueDate: due.toISOString().slice(0, 10),
      currency: locale.currency,
      subtotal: cents(subtotal),
      tax: cents(tax),
      total: cents(total),
      iban,
    },
  };
}

export interface CorpusFile extends CorpusInvoice {
  /** The digital PDF (text layer), or for a scanned one the image-only PDF. */
  file: string;
}

/** Renders invoices `seeds` into `dir`: digital PDFs, and for scanned ones a degraded image-only PDF. */
export async function makeCorpus(dir: string, seeds: number[], options: { browser?: Browser } = {}): Promise<CorpusFile[]> {
  return onA4Page(dir, 2.1, options, async (page) => {
    const out: CorpusFile[] = [];
    for (const seed of seeds) {
      const invoice = corpusInvoice(seed);
      await page.setContent(invoice.html);
      const base = path.join(dir, invoice.id);
      if (invoice.scanned) {
        const scan = await degrade(await page.screenshot({ type: "png" }), seed);
        writeFileSync(`${base}-scan.pdf`, await imagePdf(scan));
        out.push({ ...invoice, file: `${base}-scan.pdf` });
      } else {
        writeFileSync(`${base}.pdf`, await a4Pdf(page));
        out.push({ ...invoice, file: `${base}.pdf` });
      }
    }
    return out;
  });
}
