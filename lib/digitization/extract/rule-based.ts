import type { Row } from "../text/rows";
import { centsToAmount, ibanIsValid, normaliseVat, vatCheck } from "./checks";
import { emptyField, FIELD_NAMES, type ExtractedField, type ExtractedFields, type ExtractionInput, type Extractor } from "./types";

// Labels and patterns over the rows of a page. Each rule finds a label and
// reads the value beside it (same cell after a colon, or the next cell of the
// row); confidence starts from how direct that match was, scaled by the OCR's
// own confidence for the row.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORDS: Record<string, number> = {
  ...Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])),
  janvier: 1, fevrier: 2, février: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, août: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12, décembre: 12,
  januar: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};
const DATE_PATTERN = new RegExp(
  [
    String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`,
    String.raw`\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}`,
    String.raw`\d{1,2}\.?\s+[A-Za-zéèûä]{3,9}\.?\s+\d{4}`,
    String.raw`[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}`,
  ].join("|"),
);
const AMOUNT_PATTERN = /-?\d{1,3}(?:[.,'\s]\d{3})*(?:[.,]\d{2})(?!\d)|-?\d+(?:[.,]\d{2})(?!\d)/g;
const CURRENCIES: Record<string, string> = { "€": "EUR", $: "USD", "£": "GBP", EUR: "EUR", USD: "USD", GBP: "GBP", CHF: "CHF", CAD: "CAD", SEK: "SEK", DKK: "DKK", NOK: "NOK", PLN: "PLN", JPY: "JPY" };
const COMPANY_SUFFIX = /\b(S\.?A\.?|SRL|SPRL|BV|B\.V\.|NV|N\.V\.|GmbH|AG|SAS|SARL|SA|Ltd\.?|Limited|LLC|Inc\.?|plc|S\.?p\.?A\.?|Oy|AB|ApS|KG)\s*$/i;

export function parseDate(text: string): string | null {
  const t = text.trim().replace(/,/g, " ").replace(/\s+/g, " ");
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$/.exec(t))) {
    // Day first (European); month first only when the first number cannot be a month.
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (m > 12 && d <= 12) [d, m] = [m, d];
    if (y < 100) y += 2000;
  } else if ((match = /^(\d{1,2})\.? ([A-Za-zéèûä]+)\.? (\d{4})$/.exec(t))) {
    [d, m, y] = [Number(match[1]), monthNumber(match[2]), Number(match[3])];
  } else if ((match = /^([A-Za-z]+)\.? (\d{1,2}) (\d{4})$/.exec(t))) {
    [m, d, y] = [monthNumber(match[1]), Number(match[2]), Number(match[3])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!m || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  return MONTH_WORDS[w] ?? MONTH_WORDS[w.slice(0, 3)] ?? 0;
}

/** "1.234,50" / "1,234.50" / "1 234,50" / "1234.50" → "1234.50". */
export function parseAmount(text: string): string | null {
  const t = text.replace(/[^\d.,'\s-]/g, "").trim().replace(/\s+/g, " ");
  const match = /^(-?)\s?(.*?)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!match) return null;
  // Whatever is left of the decimals is digits, in groups of three when separated.
  if (!/^(\d+|\d{1,3}(?:[.,' ]\d{3})+)$/.test(match[2])) return null;
  const whole = BigInt(match[2].replace(/[.,' ]/g, ""));
  const cents = BigInt((match[3] ?? "0").padEnd(2, "0"));
  return centsToAmount((match[1] ? -1n : 1n) * (whole * 100n + cents));
}

/** The amounts in a piece of text, left to right, ignoring percentages. */
function amountsIn(text: string): string[] {
  const cleaned = text.replace(/\d+(?:[.,]\d+)?\s?%/g, " ");
  return [...cleaned.matchAll(AMOUNT_PATTERN)].map((m) => parseAmount(m[0])).filter((a): a is string => a !== null);
}

interface LabelHit {
  row: Row;
  /** Text after the label: the rest of its cell and the cells to its right. */
  after: string;
}

function findLabel(rows: Row[], label: RegExp, exclude?: RegExp): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const row of rows) {
    for (const [index, cell] of row.cells.entries()) {
      const match = label.exec(cell);
      if (!match || (exclude && exclude.test(cell))) continue;
      const rest = cell.slice(match.index + match[0].length).replace(/^\s*[:#]?\s*/, "");
      const after = [rest, ...row.cells.slice(index + 1)].filter(Boolean).join("  ");
      hits.push({ row, after });
    }
  }
  return hits;
}

function field(value: string | null, confidence: number, row?: Row): ExtractedField {
  if (value === null) return emptyField();
  const ocr = row ? Math.min(1, Math.max(0.3, row.confidence)) : 1;
  return { value, confidence: Math.round(confidence * (0.6 + 0.4 * ocr) * 100) / 100, flags: [] };
}

function dateAfter(rows: Row[], label: RegExp, exclude?: RegExp): ExtractedField {
  for (const hit of findLabel(rows, label, exclude)) {
    const match = DATE_PATTERN.exec(hit.after);
    if (!match) continue;
    const iso = parseDate(match[0]);
    // A date-shaped text that does not parse is kept for the reviewer, doubted.
    return iso ? field(iso, 0.95, hit.row) : { value: match[0], confidence: 0.2, flags: ["Not a valid date"] };
  }
  return emptyField();
}

/** No labelled invoice date: the first date on the page that is not the due date, doubted. */
function firstOtherDate(rows: Row[], dueDate: string | null): ExtractedField {
  for (const row of rows) {
    const match = DATE_PATTERN.exec(row.text);
    const iso = match && parseDate(match[0]);
    if (iso && iso !== dueDate) return { value: iso, confidence: 0.5, flags: ["No \"invoice date\" label found: the first date on the page"] };
  }
  return emptyField();
}

function amountAfter(rows: Row[], label: RegExp, exclude?: RegExp): ExtractedField {
  const hits = findLabel(rows, label, exclude);
  // Totals come last on an invoice: prefer the lowest matching row.
  for (const hit of hits.reverse()) {
    const amounts = amountsIn(hit.after);
    if (amounts.length) return field(amounts.at(-1)!, 0.9, hit.row);
  }
  return emptyField();
}

function invoiceNumber(rows: Row[]): ExtractedField {
  const label = /\b(invoice|bill|receipt|facture|rechnung|document)\s*(number|no\.?|nr\.?|n°|#|num(é|e)ro)/i;
  for (const hit of findLabel(rows, label)) {
    const match = /^[#:\s]*([A-Z0-9][A-Z0-9\-\/._]{2,})/i.exec(hit.after);
    if (match && /\d/.test(match[1])) return field(match[1].replace(/[.]$/, ""), 0.95, hit.row);
  }
  for (const row of rows) {
    const match = /\b(?:INV|FAC|BILL|RE)[-\/]?[A-Z0-9][A-Z0-9\-\/]{3,}\b/i.exec(row.text);
    if (match && /\d/.test(match[0])) return field(match[0], 0.6, row);
  }
  return emptyField();
}

function vendorVat(rows: Row[]): ExtractedField {
  const vatShape = /\b([A-Z]{2})[\s.\-]?((?:[0-9A-Z][\s.\-]?){8,13}[0-9A-Z])\b/;
  const labelled = findLabel(rows, /\b(VAT|TVA|BTW|USt-?IdNr\.?|IVA|Tax ID|VAT\s*(no|number|reg))\b/i);
  for (const hit of labelled) {
    const match = vatShape.exec(hit.after.toUpperCase());
    if (!match) continue;
    return field(cleanVat(match[0]), 0.95, hit.row);
  }
  // An unlabelled number in the vendor's header that passes its check key.
  for (const row of rows.slice(0, 12)) {
    const match = vatShape.exec(row.text.toUpperCase());
    if (match && vatCheck(cleanVat(match[0])) === true) return field(cleanVat(match[0]), 0.7, row);
  }
  return emptyField();
}

function cleanVat(text: string): string {
  const compact = normaliseVat(text);
  if (vatCheck(compact) !== false) return compact;
  // OCR look-alikes in the digits part.
  const fixed = compact.slice(0, 2) + compact.slice(2).replace(/O/g, "0").replace(/[IL]/g, "1").replace(/S/g, "5").replace(/(?<!\d{9})B/g, "8");
  return vatCheck(fixed) === true ? fixed : compact;
}

function iban(rows: Row[]): ExtractedField {
  const shape = /\b([A-Z]{2}\s?\d{2}(?:\s?[A-Z0-9]){10,30})\b/;
  const candidates: { text: string; row: Row; labelled: boolean }[] = [];
  for (const hit of findLabel(rows, /\bIBAN\b/i)) {
    const match = shape.exec(hit.after.toUpperCase());
    if (match) candidates.push({ text: match[1], row: hit.row, labelled: true });
  }
  for (const row of rows) {
    const match = shape.exec(row.text.toUpperCase());
    if (match && !/VAT|TVA|BTW/i.test(row.text)) candidates.push({ text: match[1], row, labelled: false });
  }
  for (const candidate of candidates) {
    const compact = candidate.text.replace(/\s/g, "");
    // A candidate may have swallowed a following word: try the longest valid prefix.
    for (let end = compact.length; end >= 15; end--) {
      const value = fixIban(compact.slice(0, end));
      if (ibanIsValid(value)) return field(value, candidate.labelled ? 0.95 : 0.75, candidate.row);
    }
  }
  const first = candidates[0];
  return first ? field(first.text.replace(/\s/g, ""), 0.5, first.row) : emptyField();
}

function fixIban(text: string): string {
  if (ibanIsValid(text)) return text;
  const checkDigits = text.slice(2, 4).replace(/O/g, "0").replace(/[IL]/g, "1");
  return text.slice(0, 2) + checkDigits + text.slice(4);
}

function currency(rows: Row[]): ExtractedField {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const match of row.text.matchAll(/€|\$|£|\b(EUR|USD|GBP|CHF|CAD|SEK|DKK|NOK|PLN|JPY)\b/g)) {
      const code = CURRENCIES[match[0]];
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return emptyField();
  const [code, count] = ranked[0];
  const total = ranked.reduce((s, [, c]) => s + c, 0);
  return { value: code, confidence: Math.round((count / total) * (count > 1 ? 0.95 : 0.8) * 100) / 100, flags: [] };
}

function vendorName(rows: Row[]): ExtractedField {
  const top = rows.filter((row) => row.page === 1).slice(0, 10);
  const skip = /^(invoice|facture|rechnung|bill|receipt|tax invoice|page \d)/i;
  const cells = top.flatMap((row) => row.cells.map((cell) => ({ cell, row })));
  const withSuffix = cells.find(({ cell }) => COMPANY_SUFFIX.test(cell) && !/bill to|customer|client/i.test(cell));
  if (withSuffix) return field(withSuffix.cell.replace(/\s+/g, " ").trim(), 0.9, withSuffix.row);
  const first = cells.find(({ cell }) => /[A-Za-z]{3,}/.test(cell) && !skip.test(cell) && !DATE_PATTERN.test(cell) && !/:/.test(cell));
  return first ? field(first.cell.trim(), 0.5, first.row) : emptyField();
}

/** The default extractor: label rules over rebuilt rows. */
export const ruleBasedExtractor = {
  name: "rule-based",
  extract({ rows }: ExtractionInput): ExtractedFields {
    const notDue = /\b(due|payment|échéance|fällig)/i;
    const fields: ExtractedFields = {
      vendorName: vendorName(rows),
      vendorVat: vendorVat(rows),
      invoiceNumber: invoiceNumber(rows),
      invoiceDate: dateAfter(rows, /\b(invoice date|date of issue|issue date|issued on|date de facture|rechnungsdatum|date)\b/i, notDue),
      dueDate: dateAfter(rows, /\b(due date|payment due|due on|date d'échéance|échéance|fälligkeitsdatum|fällig am|pay before)\b/i),

      currency: currency(rows),
      subtotal: amountAfter(rows, /\b(sub-?total|total (excl\.?|excluding|before tax|net|HT|untaxed)|untaxed amount|net amount|amount before tax|total HT|nettobetrag|zwischensumme)\b/i),
      tax: amountAfter(rows, /\b(VAT|TVA|tax|MwSt|USt|BTW|IVA|GST|sales tax)\b/i, /\b(incl|excl|before tax|total|VAT\s*(no|number|reg|:?\s*[A-Z]{2}\s?\d))/i),
      total: amountAfter(rows, /\b(grand total|total due|amount due|balance due|total (incl\.?|including|TTC|amount)|total|gesamtbetrag|montant total)\b/i, /\b(sub-?total|excl|before tax|untaxed|total (vat|tax|HT))\b/i),
      iban: iban(rows),
    };
    if (!fields.invoiceDate.value) fields.invoiceDate = firstOtherDate(rows, fields.dueDate.value);
    for (const name of FIELD_NAMES) fields[name].value = fields[name].value?.trim() || null;
    return fields;
  },
} satisfies Extractor;
