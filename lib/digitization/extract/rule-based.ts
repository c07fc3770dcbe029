// Over 300 lines on purpose: one extractor, a private rule per field reading
// the same rows and labels; only extractFromRows and ruleBasedExtractor are
// its interface (the building blocks are already split into ./amounts, ./dates…).
import { isValidIBAN } from "ibantools";
import type { Row } from "../text/rows";
import { amountsIn, decimalSeparatorOf, type AmountToken } from "./amounts";
import { amountToCents, centsToAmount, vatFormat } from "./checks";
import { currenciesIn, currencyOfCountry } from "./currency";
import { dateOrderOf, datesIn, type DateOrder } from "./dates";
import { LABELS, LEGAL_FORM, LEGAL_FORM_ANY_CASE } from "./labels";
import { readLines } from "./lines";
import { fold } from "./normalize";
import { emptyField, FIELD_NAMES, type Extraction, type ExtractedField, type ExtractedFields, type ExtractionInput, type Extractor, type FieldFlag } from "./types";

// Rule-based extraction over the rows of a document. Every field is chosen
// among candidates, each scored by how it was found: a value beside its label
// (same cell, the cell to its right, the cell below) scores more than one
// found by its shape alone. Where the layout says whose a value is — a
// "Bill to" / "Facturé à" / "Rechnungsempfänger" block, a "customer VAT"
// label, a direct-debit account — the customer's values are left out: the
// vendor is the party that issued the invoice. Amounts are settled together
// (subtotal + tax = total), and what was guessed rather than read beside a
// label is flagged for the reviewer.

interface Doc {
  rows: Row[];
  folded: string[][];
  decimal: "." | "," | null;
  order: DateOrder;
  /** Per row, per cell: the party the layout says the cell belongs to. */
  party: ("buyer" | "seller" | null)[][];
  source: "pdf_text" | "ocr";
}

interface Hit {
  row: number;
  cell: number;
  /** Where the label ends in the cell. */
  end: number;
  start: number;
}

interface Candidate<T = string> {
  value: T;
  score: number;
  row: number;
  flags?: FieldFlag[];
}

/** Where a value was found relative to its label, and how much that is worth. */
const SAME_CELL = 1;
const RIGHT = 0.95;
const BELOW = 0.8;

function hits(doc: Doc, label: RegExp, unless?: RegExp): Hit[] {
  const found: Hit[] = [];
  doc.folded.forEach((cells, row) =>
    cells.forEach((text, cell) => {
      const match = label.exec(text);
      if (!match) return;
      if (unless?.test(text)) return;
      found.push({ row, cell, start: match.index, end: match.index + match[0].length });
    }),
  );
  return found;
}

/**
 * Texts to read a label's value from, best first: the rest of its cell, the
 * cells to its right, then the cell below it (a label above its value, or a
 * table heading above its column).
 */
function around(doc: Doc, hit: Hit, { below = true }: { below?: boolean } = {}): { text: string; weight: number; row: number }[] {
  const row = doc.rows[hit.row];
  const out: { text: string; weight: number; row: number }[] = [];
  const rest = row.cells[hit.cell].slice(hit.end).replace(/^[\s:#.\-–)]*(?:\(.*?\)\s*:?)?\s*/, "");
  if (rest) out.push({ text: rest, weight: SAME_CELL, row: hit.row });
  row.cells.slice(hit.cell + 1).forEach((text, i) => out.push({ text, weight: RIGHT - i * 0.05, row: hit.row }));
  if (below) {
    const span = row.spans[hit.cell];
    for (let next = hit.row + 1; next < Math.min(doc.rows.length, hit.row + 5); next++) {
      const candidate = doc.rows[next];
      if (candidate.page !== row.page || candidate.y - row.y > row.height * 3.5) break;
      const index = candidate.spans.findIndex((s) => s.x0 < span.x1 + row.height && s.x1 > span.x0 - row.height);
      if (index >= 0) {
        out.push({ text: candidate.cells[index], weight: BELOW - (next - hit.row - 1) * 0.15, row: next });
        break;
      }
    }
  }
  return out;
}

function best<T>(candidates: Candidate<T>[]): Candidate<T> | null {
  return candidates.reduce<Candidate<T> | null>((top, c) => (top === null || c.score > top.score ? c : top), null);
}

function field(candidate: Candidate | null, doc: Doc, extraFlags: FieldFlag[] = []): ExtractedField {
  if (!candidate) return emptyField();
  const ocr = doc.source === "ocr" ? Math.min(1, Math.max(0.3, doc.rows[candidate.row]?.confidence ?? 1)) : 1;
  const flags = [...(candidate.flags ?? []), ...extraFlags];
  if (doc.source === "ocr" && ocr < 0.7) flags.push("low_ocr_confidence");
  return { value: candidate.value, confidence: Math.round(Math.min(1, candidate.score) * (0.6 + 0.4 * ocr) * 100) / 100, flags: [...new Set(flags)] };
}

// ---- Parties: which blocks are the customer's, which the vendor's ----

function partyMap(rows: Row[], folded: string[][]): Doc["party"] {
  const party: Doc["party"] = rows.map((row) => row.cells.map(() => null));
  const pageWidth = Math.max(1, ...rows.map((r) => r.pageWidth || Math.max(...r.spans.map((s) => s.x1))));
  rows.forEach((row, i) => {
    row.cells.forEach((_, c) => {
      const text = folded[i][c];
      const role = LABELS.buyerHeading.test(text) ? "buyer" : LABELS.sellerHeading.test(text) ? "seller" : null;
      // A heading is short ("Bill to:", "Facturé à") or a label with its content ("Bill to: Acme").
      if (!role || (text.length > 40 && !/[:]/.test(text.slice(0, 30)))) return;
      if (role === "buyer" && /^(to|an|aan)\b/.test(text) && !/^(to|an|aan)\s*:/.test(text) && text.length > 3) return;
      const x0 = row.spans[c].x0 - row.height;
      const nextHeading = row.spans.slice(c + 1).find((_, k) => LABELS.buyerHeading.test(folded[i][c + 1 + k]) || LABELS.sellerHeading.test(folded[i][c + 1 + k]));
      const x1 = nextHeading ? nextHeading.x0 - 1 : x0 < pageWidth * 0.45 ? pageWidth * 0.55 : pageWidth + 1;
      party[i][c] = role;
      let lastY = row.y;
      for (let j = i + 1, taken = 0; j < rows.length && taken < 8; j++) {
        const next = rows[j];
        if (next.page !== row.page) break;
        const inside = next.cells.map((_, k) => next.spans[k].x0 >= x0 && next.spans[k].x0 < x1);
        if (!inside.some(Boolean)) {
          if (next.y - lastY > row.height * 3) break;
          continue;
        }
        if (next.y - lastY > Math.max(row.height, next.height) * 2.6) break;
        const stop = next.cells.some((_, k) => inside[k] && (LABELS.buyerHeading.test(folded[j][k]) || LABELS.sellerHeading.test(folded[j][k]) || LABELS.invoiceNumber.test(folded[j][k]) || /^(invoice|rechnungs|date|datum)/.test(folded[j][k])));
        if (stop) break;
        next.cells.forEach((_, k) => {
          if (inside[k]) party[j][k] ??= role;
        });
        lastY = next.y;
        taken++;
      }
    });
  });
  return party;
}

// An address line: a street with its number (either side), a postal code and town, a PO box.
const STREET = String.raw`(strasse|straße|str\.|gasse|weg|allee|platz|ring|damm|gracht|straat|laan|plein|vej|gatan|gata|veien|rue|avenue|av\.|bd|boulevard|chemin|place|impasse|allee|street|st\.|road|rd\.|lane|drive|way|calle|avda|avenida|plaza|via|viale|piazza|corso|rua|ul\.|ulica)`;
const ADDRESS = new RegExp(
  String.raw`\w${STREET}\s*\d+|\b${STREET}\s+([\w'.-]+\s+){0,3}\d+|^\d+[a-z]?,?\s+([\w'.-]+\s+){0,3}${STREET}\b|\b(\d{4,5}|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\s+[A-ZÄÖÜ][a-zäöüéèà]+|\bp\.?o\.?\s*box\b|\bpostfach\b|\bcedex\b`,
  "i",
);
const CONTACT = /@|https?:|www\.|\.(com|de|fr|nl|be|es|it|eu|net|org|co\.uk)\b|\b(tel|phone|fax|mobile|telefon|téléphone|tél|e-?mail)\b|\+\d{2}\s?\d/i;
const NOT_A_NAME = /^(page|seite|pagina|blad|invoice|facture|factura|fattura|factuur|rechnung|gutschrift|avoir|credit note|receipt|date|datum|total|summe|description|quantity|bill|ship|customer|client|kunde|iban|bic|swift|vat|tva|ust|btw|iva|tax|steuer|order|bestell|commande|delivery|lieferung|payment|zahlung|paiement|due|no\.?|nr\.?|n°|number|ref|reference|your|our|unsere|ihre|votre|notre|dear|sehr geehrte|madame|monsieur|bonjour|hello|thank|merci|vielen dank|gracias|grazie|bedankt|stylesheet|beispiel|sample|example|copyright|\(c\)|©|amount|montant|betrag|qty|unit|price|prix|preis)\b/i;

function companyName(text: string): string | null {
  let t = text.replace(/\s+/g, " ").trim().replace(/^(name|firma|company|societe|société|raison sociale|empresa|ragione sociale|bedrijf)\s*:\s*/i, "");
  // "Acme GmbH | Europa-Allee 1 | 60486 Frankfurt" (a return-address line): the first part is the name.
  const parts = t.split(/\s+[•·|–-]\s+|\s*[•·|]\s*|,\s+(?=\d)/);
  if (parts.length > 1) t = parts[0].trim();
  // A name ends at its legal form when an address follows ("Greenfield SAS 18 rue des Lilas", its dash lost by the OCR);
  // not when the name goes on ("Rohstoff AG Salzgitter").
  const form = LEGAL_FORM.exec(t) ?? LEGAL_FORM_ANY_CASE.exec(t);
  if (form && form.index > 0) {
    const rest = t.slice(form.index + form[0].length);
    if (/^\s*[,;]?\s*\d/.test(rest) || ADDRESS.test(rest)) t = t.slice(0, form.index + form[0].length);
  }
  t = t.replace(/[,;:]$/, "").trim();
  if (t.length < 2 || t.length > 80 || !/[A-Za-zÀ-ÿ]{2}/.test(t)) return null;
  const folded = fold(t);
  // A heading ("Beschreibung", "Bill to") is no name, unless it carries a legal form ("Lieferant GmbH").
  const heading = [LABELS.lineDescription, LABELS.lineQuantity, LABELS.buyerHeading, LABELS.sellerHeading].some((label) => label.test(folded)) && !hasLegalForm(t);
  if (NOT_A_NAME.test(folded) || heading || CONTACT.test(t) || ADDRESS.test(t) || /\d{3,}/.test(t.replace(/\b(19|20)\d{2}\b/, ""))) return null;
  if ((t.match(/\d/g)?.length ?? 0) > t.length / 4) return null;
  return t;
}

function hasLegalForm(text: string): boolean {
  return LEGAL_FORM.test(text) || LEGAL_FORM_ANY_CASE.test(text);
}

/** Website and e-mail domains outside the customer's blocks ("hetzner" from www.hetzner.de). */
function domains(doc: Doc): string[] {
  const found = new Set<string>();
  doc.rows.forEach((row, i) =>
    row.cells.forEach((cell, c) => {
      if (doc.party[i][c] === "buyer") return;
      for (const m of cell.matchAll(/(?:@|www\.|https?:\/\/(?:www\.)?)([a-z0-9-]+)\./gi)) {
        if (!/^(gmail|yahoo|hotmail|outlook|gmx|web|live|icloud|orange|free|t-online|localhost|example)$/i.test(m[1])) found.add(fold(m[1]).replace(/-/g, ""));
      }
    }),
  );
  return [...found];
}

function vendorName(doc: Doc): ExtractedField {
  const candidates: Candidate[] = [];
  const firstPage = doc.rows[0]?.page ?? 1;
  const sites = domains(doc);
  const add = (text: string, score: number, row: number) => {
    const name = companyName(text);
    if (!name) return;
    let s = score + (hasLegalForm(name) ? 0.15 : 0);
    const letters = fold(name).replace(/[^a-z0-9]/g, "");
    if (sites.some((site) => site.length >= 3 && (letters.includes(site) || site.includes(letters.slice(0, Math.max(4, site.length - 2)))))) s += 0.15;
    candidates.push({ value: name, score: s, row });
  };

  // "Sold by X", "Verkäufer: X", a seller block's first line or its "Name:" line.
  doc.rows.forEach((row, i) =>
    row.cells.forEach((cell, c) => {
      const folded = doc.folded[i][c];
      if (LABELS.sellerHeading.test(folded)) {
        const rest = cell.replace(/^[^:]*:\s*/, "");
        if (rest !== cell && rest) add(rest, 0.9, i);
        for (let j = i + 1; j < Math.min(doc.rows.length, i + 5); j++) {
          const k = doc.party[j].findIndex((p) => p === "seller");
          if (k < 0) continue;
          const first = doc.rows[j].cells[k];
          // "Nummer: 549910", "Globale Nummer: …": the block's identifiers, not its name.
          if (/^(nummer|number|numero|globale nummer|global id|id|kundennummer)\s*(:|$)/i.test(fold(first))) continue;
          const text = /^name\s*:?$/i.test(first) ? doc.rows[j].cells[k + 1] ?? "" : first;
          add(text, 0.95, j);
          if (companyName(text)) break;
        }
      }
    }),
  );

  const top = doc.rows.filter((r) => r.page === firstPage);
  const height = Math.max(1, ...top.map((r) => r.pageHeight || r.y + r.height));
  const tallest = Math.max(1, ...top.slice(0, 15).map((r) => r.height));
  doc.rows.forEach((row, i) => {
    row.cells.forEach((cell, c) => {
      if (doc.party[i][c] === "buyer") return;
      const folded = doc.folded[i][c];
      const zone = row.page === firstPage && row.y < height * 0.3 ? "header" : row.y > (row.pageHeight || height) * 0.8 ? "footer" : "body";
      const returnAddress = /\s[•·|]\s|\s[-–]\s.*\d{4,5}/.test(cell) && ADDRESS.test(cell);
      if (returnAddress && zone !== "footer") add(cell, 0.88, i);
      if (hasLegalForm(cell) && !returnAddress) {
        const legalNearby = [i - 1, i, i + 1].some((j) => doc.folded[j]?.some((t) => LABELS.legal.test(t)));
        add(cell, zone === "header" ? 0.75 : zone === "footer" ? 0.62 + (legalNearby ? 0.1 : 0) : 0.45 + (legalNearby ? 0.15 : 0), i);
      } else if (zone === "header" && !LABELS.legal.test(folded) && i < 12) {
        // A letterhead's name, printed larger than the text around it.
        add(cell, 0.35 + (row.height >= tallest * 0.9 ? 0.2 : 0) - i * 0.01, i);
      }
    });
  });

  // The same name in the letterhead and in the footer is the issuer's.
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(fold(c.value), (counts.get(fold(c.value)) ?? 0) + 1);
  for (const c of candidates) if ((counts.get(fold(c.value)) ?? 0) > 1) c.score += 0.05;
  const top1 = best(candidates);
  if (!top1) return emptyField();
  return field(top1, doc, top1.score < 0.8 ? ["vendor_guessed"] : []);
}

// ---- Identifiers ----

function invoiceNumber(doc: Doc): ExtractedField {
  const candidates: Candidate[] = [];
  const read = (text: string, weight: number, row: number) => {
    const match = /^(?:n[°ºo]\.?\s*|nr\.?\s*|no\.?\s*|#\s*|:\s*)*([A-Za-z0-9][A-Za-z0-9\-\/._#]*(?:\s?[-\/]\s?[A-Za-z0-9]+)*)/.exec(text.trim());
    if (!match) return;
    const value = match[1].replace(/[.,:;]+$/, "");
    if (!/\d/.test(value) || value.length > 40) return;
    if (datesIn(value, doc.order).some((d) => d.end - d.start >= value.length - 1)) return;
    if (/^\d{1,3}([.,]\d{3})*[.,]\d{2}$/.test(value)) return;
    candidates.push({ value, score: weight, row });
  };
  for (const hit of hits(doc, LABELS.invoiceNumber, LABELS.notInvoiceNumber)) {
    for (const { text, weight, row } of around(doc, hit)) read(text, 0.95 * weight, row);
  }
  // A title followed by the number: "Facture FA-2017-0010", "Rechnung R0005532486".
  doc.folded.forEach((cells, i) =>
    cells.forEach((text, c) => {
      const title = LABELS.title.exec(text);
      if (!title) return;
      const cell = doc.rows[i].cells[c];
      const rest = cell.slice(title[0].length).replace(/^\s*(\([^)]*\)\s*)*/, "");
      if (/^(nr|no|n°|nº|#|number|nummer|numero)\b/i.test(fold(rest)) || /^[#:]/.test(rest)) read(rest.replace(/^(nr|no|n°|nº|number|nummer|numero)\.?\s*/i, ""), 0.9, i);
      else if (rest) read(rest, 0.8, i);
    }),
  );
  const top = best(candidates);
  return field(top, doc, top && top.score < 0.8 ? ["several_candidates"] : []);
}

function vendorVat(doc: Doc): ExtractedField {
  const candidates: Candidate[] = [];
  const seen = new Map<string, Candidate>();
  const consider = (text: string, weight: number, row: number, cell: number | null) => {
    for (const vat of vatNumbersIn(text)) {
      let score = weight;
      const inBuyer = cell !== null && doc.party[row][cell] === "buyer";
      const customerLabel = [row - 1, row].some((j) => doc.folded[j]?.some((t) => LABELS.customerVat.test(t)));
      // A VAT number printed right under the customer number belongs to the customer.
      const nearCustomerNumber = [row - 2, row - 1, row].some((j) => doc.folded[j]?.some((t) => /\b(kunden|customer|client|klant|cliente)\s*-?\s*(nummer|number|no|nr|n°|numero|id)/.test(t)));
      if (inBuyer || customerLabel) score -= 0.6;
      else if (nearCustomerNumber) score -= 0.35;
      if ([row - 1, row, row + 1].some((j) => doc.folded[j]?.some((t) => LABELS.legal.test(t) && !LABELS.vat.test(t)))) score += 0.05;
      if (doc.party[row]?.includes("seller")) score += 0.1;
      const format = vatFormat(vat);
      if (format === "invalid") continue;
      const flags: FieldFlag[] = format === "check_failed" ? ["vat_check_failed"] : format === "unverified" ? ["vat_check_unverified"] : [];
      const previous = seen.get(vat);
      if (previous && previous.score >= score) continue;
      const candidate = { value: vat, score, row, flags };
      seen.set(vat, candidate);
      candidates.push(candidate);
    }
  };
  for (const hit of hits(doc, LABELS.vat)) {
    for (const { text, weight, row } of around(doc, hit)) {
      const cell = row === hit.row ? hit.cell : null;
      consider(text, 0.95 * weight, row, cell);
      if (vatNumbersIn(text).length) break;
    }
  }
  // Unlabelled, anywhere: only numbers whose check key passes.
  doc.rows.forEach((row, i) =>
    row.cells.forEach((cell, c) => {
      for (const vat of vatNumbersIn(cell)) if (vatFormat(vat) === "valid" && !seen.has(vat)) consider(vat, 0.6, i, c);
    }),
  );
  const top = best(candidates.filter((c) => c.score > 0.2));
  return field(top, doc);
}

const VAT_SHAPE = /\b(ATU\s?\d{8}|CHE[-\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}(?:\s?(?:MWST|TVA|IVA|VAT))?|(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|GR|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB|NO)[\s.\-]?(?:[0-9A-Z][\s.\-]?){7,13}[0-9A-Z](?:\s?MVA)?)\b/g;

/** VAT-number-shaped pieces of a text, compacted ("BE 0477.472.701" → "BE0477472701"). */
function vatNumbersIn(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toUpperCase().matchAll(VAT_SHAPE)) {
    // A Swiss UID carries its tax's name ("CHE-123.456.789 MWST"): the number is the identifier.
    let compact = match[1].replace(/[\s.\-]/g, "").replace(/^(CHE\d{9})(MWST|TVA|IVA|VAT)$/, "$1");
    // A number run on into the next word: cut back to the country's length.
    if (vatFormat(compact) === "invalid") {
      for (let end = compact.length - 1; end >= 8; end--) {
        if (vatFormat(compact.slice(0, end)) !== "invalid") {
          compact = compact.slice(0, end);
          break;
        }
      }
    }
    if (compact.startsWith("GR")) compact = `EL${compact.slice(2)}`;
    if (vatFormat(compact) !== "valid") compact = repairVat(compact);
    if (vatFormat(compact) !== "invalid") out.push(compact);
  }
  return out;
}

/** OCR look-alikes (O/0, I/1, S/5, B/8) in a VAT number's digits, repaired when that makes its check key pass. */
function repairVat(vat: string): string {
  const prefix = vat.startsWith("CHE") || vat.startsWith("ATU") ? vat.slice(0, 3) : vat.slice(0, 2);
  const body = vat.slice(prefix.length);
  // The Dutch "B" before the last two digits is a letter.
  const digits = (text: string) => text.replace(/O/g, "0").replace(/[IL]/g, "1").replace(/S/g, "5").replace(/Z/g, "2");
  const fixed = prefix + (prefix === "NL" ? digits(body.slice(0, 9)).replace(/B/g, "8") + body.slice(9, 10) + digits(body.slice(10)) : digits(body));
  return vatFormat(fixed) === "valid" ? fixed : vat;
}

function iban(doc: Doc): ExtractedField {
  const candidates: Candidate[] = [];
  doc.rows.forEach((row, i) => {
    const text = row.text.toUpperCase();
    for (const match of text.matchAll(/\b([A-Z]{2}\s?\d{2}(?:[\s.-]?[A-Z0-9]){10,32})/g)) {
      const value = validIban(match[1]);
      if (!value) continue;
      let score = LABELS.iban.test(doc.folded[i].join(" ")) ? 0.95 : 0.75;
      // The customer's account, named on a direct-debit invoice.
      if ([i - 2, i - 1, i].some((j) => doc.folded[j]?.some((t) => LABELS.customerAccount.test(t)))) score -= 0.5;
      if (doc.party[i].includes("buyer")) score -= 0.4;
      candidates.push({ value, score, row: i });
    }
  });
  return field(best(candidates.filter((c) => c.score > 0.3)), doc);
}

/** The longest prefix of an IBAN-shaped text that passes mod 97, with OCR look-alikes in its digit positions repaired. */
function validIban(text: string): string | null {
  const compact = text.replace(/[\s.-]/g, "");
  for (let end = Math.min(compact.length, 34); end >= 15; end--) {
    const piece = compact.slice(0, end);
    if (isValidIBAN(piece)) return piece;
    const repaired = piece.slice(0, 2) + piece.slice(2, 4).replace(/O/g, "0").replace(/[IL]/g, "1") + piece.slice(4);
    if (repaired !== piece && isValidIBAN(repaired)) return repaired;
  }
  return null;
}

// ---- Dates ----

/** Dates beside a label; `unless` rules a cell out, `notBefore` a date that such a word introduces ("3% Skonto bis 15.03."). */
function dateNear(doc: Doc, label: RegExp, { unless, notBefore }: { unless?: RegExp; notBefore?: RegExp }, weight: number, pick: "first" | "last" = "first"): Candidate[] {
  const candidates: Candidate[] = [];
  for (const hit of hits(doc, label, unless)) {
    for (const { text, weight: w, row } of around(doc, hit)) {
      let dates = datesIn(text, doc.order);
      if (notBefore) {
        // In a sentence, the first date after the label that no excluded word introduces.
        dates = dates.filter((d) => !notBefore.test(fold(text.slice(Math.max(0, d.start - 25), d.start))));
      }
      if (!dates.length) continue;
      const date = pick === "first" ? dates[0] : dates.at(-1)!;
      candidates.push({ value: date.iso, score: weight * w * (text.trim().length > 40 ? 0.9 : 1), row });
      break;
    }
  }
  return candidates;
}

function invoiceDate(doc: Doc, dueDate: string | null): ExtractedField {
  const strong = dateNear(doc, LABELS.invoiceDate, { unless: LABELS.notInvoiceDate }, 0.95);
  // "Nr. 471102 vom 05.03.2018", "Invoice # … issued at 2020-11-21", "Facture du 3 mars 2026".
  doc.folded.forEach((cells, i) =>
    cells.forEach((text, c) => {
      if (!(LABELS.title.test(text) || LABELS.invoiceNumber.test(text))) return;
      const m = /\b(vom|von|du|del|dated|date|of|issued at|issued on|van|de|em|il)\s+(.*)$/.exec(text);
      if (!m) return;
      const dates = datesIn(doc.rows[i].cells[c].slice(text.length - m[2].length), doc.order);
      if (dates.length) strong.push({ value: dates[0].iso, score: 0.9, row: i });
    }),
  );
  const labelled = best(strong);
  if (labelled) return field(labelled, doc);
  // No label: the first date in the upper part of the first page that is not the due date.
  for (const [i, row] of doc.rows.entries()) {
    if (doc.folded[i].some((t) => LABELS.notInvoiceDate.test(t))) continue;
    const date = datesIn(row.text, doc.order).find((d) => d.iso !== dueDate);
    if (date) return field({ value: date.iso, score: 0.5, row: i, flags: ["date_without_label"] }, doc);
  }
  return emptyField();
}

function dueDate(doc: Doc): ExtractedField {
  return field(best(dateNear(doc, LABELS.dueDate, { notBefore: LABELS.notDueDate }, 0.92)), doc);
}

// ---- Amounts ----

interface AmountCandidate extends Candidate {
  cents: bigint;
  kind: "subtotal" | "tax" | "total" | "due";
}

function amountsNear(doc: Doc, label: RegExp, unless: RegExp | undefined, kind: AmountCandidate["kind"], weight: number): AmountCandidate[] {
  const out: AmountCandidate[] = [];
  for (const hit of hits(doc, label, unless)) {
    // The amount in the label's row furthest right (the totals column), else under the label.
    const places = around(doc, hit, { below: true });
    const sameRow = places.filter((p) => p.row === hit.row);
    let chosen: { token: AmountToken; weight: number; row: number } | null = null;
    for (const place of sameRow) {
      const tokens = amountsIn(place.text, { decimalSeparator: doc.decimal }).filter((t) => t.hasDecimals);
      if (tokens.length) chosen = { token: tokens.at(-1)!, weight: place.weight, row: place.row };
    }
    if (!chosen) {
      const under = places.find((p) => p.row !== hit.row);
      const tokens = under ? amountsIn(under.text, { decimalSeparator: doc.decimal }).filter((t) => t.hasDecimals) : [];
      if (under && tokens.length === 1 && under.text.replace(/[^A-Za-z]/g, "").length <= 4) chosen = { token: tokens[0], weight: under.weight * 0.9, row: under.row };
    }
    if (!chosen) continue;
    const cents = amountToCents(chosen.token.value);
    if (cents === null) continue;
    // Totals come late on an invoice: a lower row wins a tie.
    out.push({ value: chosen.token.value, cents, kind, score: weight * chosen.weight + hit.row * 1e-4, row: chosen.row });
  }
  return out;
}

/** The VAT of each rate ("TVA 20 % … 16,38", "USt. 7% 275,00 19,25"): their sum is the tax when no total tax is printed. */
function taxPerRate(doc: Doc): bigint | null {
  let sum = 0n;
  let found = 0;
  doc.rows.forEach((row, i) => {
    const text = doc.folded[i].join("  ");
    if (!/\d\s?%/.test(text) || !LABELS.tax.test(text) || /total|summe|gesamt/.test(text)) return;
    const tokens = amountsIn(row.cells.slice(1).join("  ") || row.text, { decimalSeparator: doc.decimal }).filter((t) => t.hasDecimals);
    if (!tokens.length) return;
    const cents = amountToCents(tokens.at(-1)!.value);
    if (cents === null) return;
    sum += cents;
    found++;
  });
  return found > 1 ? sum : null;
}

function amounts(doc: Doc): Pick<ExtractedFields, "subtotal" | "tax" | "total"> {
  const subtotals = amountsNear(doc, LABELS.subtotal, /\b(vat|tva|mwst|ust|btw|iva|tax|steuer)\b(?!.*\b(ohne|excl|exkl|hors|sans|sin|senza|zonder)\b)(?=.*\b(net|ht)\b)|^(vat|tva|mwst|ust|btw|iva|tax|steuer)\b/, "subtotal", 0.9);
  const taxes = amountsNear(doc, LABELS.tax, LABELS.notTax, "tax", 0.85);
  const totals = amountsNear(doc, LABELS.total, LABELS.notTotal, "total", 0.9);
  const dues = amountsNear(doc, LABELS.amountDue, /anzahlung|acompte|deposit|prepaid/, "due", 0.8);
  const perRate = taxPerRate(doc);
  const printed = new Set(doc.rows.flatMap((row) => amountsIn(row.text, { decimalSeparator: doc.decimal }).filter((t) => t.hasDecimals).map((t) => amountToCents(t.value))));

  // The three that add up, with the best labels.
  let bestSet: { s: AmountCandidate | null; t: AmountCandidate | null; g: AmountCandidate; score: number } | null = null;
  const grand = [...totals, ...dues.map((d) => ({ ...d, score: d.score * 0.9 }))];
  const taxOptions: (AmountCandidate | null)[] = [...taxes];
  if (perRate !== null) taxOptions.push({ value: centsToAmount(perRate), cents: perRate, kind: "tax", score: 0.8, row: -1 });
  for (const g of grand) {
    for (const s of subtotals) {
      for (const t of taxOptions) {
        if (t && s.cents + t.cents === g.cents) {
          const score = g.score + s.score + t.score;
          if (!bestSet || score > bestSet.score) bestSet = { s, t, g, score };
        }
      }
      // No tax printed (exempt, reverse charge): subtotal = total with a zero tax line or none.
      if (s.cents === g.cents && !taxes.some((t) => t.cents !== 0n)) {
        const zero = taxes.find((t) => t.cents === 0n) ?? null;
        const score = g.score + s.score + (zero ? zero.score : 0.3);
        if (!bestSet || score > bestSet.score) bestSet = { s, t: zero, g, score };
      }
    }
  }
  const confirmed = (c: Candidate | null): ExtractedField => (c ? { value: c.value, confidence: Math.max(0.97, Math.min(1, c.score)), flags: [] } : emptyField());
  if (bestSet) {
    const tax = bestSet.t ? confirmed(bestSet.t) : { value: "0.00", confidence: 0.85, flags: [] as FieldFlag[] };
    return { subtotal: confirmed(bestSet.s), tax, total: confirmed(bestSet.g) };
  }

  // Nothing adds up: the best of each, with what can be derived from a printed figure.
  let total: Candidate | null = best(totals) ?? best(dues);
  let subtotal = best(subtotals);
  let tax: Candidate | null = best(taxes) ?? (perRate !== null ? { value: centsToAmount(perRate), score: 0.6, row: -1 } : null);
  // An OCR that lost a decimal comma ("424131¢€", "1740592 €") still shows the
  // digits: the figure the other two imply, printed digit for digit on the
  // third's labelled row, is that figure.
  const digits = (cents: bigint) => (cents < 0n ? -cents : cents).toString();
  const shows = (label: RegExp, unless: RegExp, cents: bigint) =>
    cents > 0n && hits(doc, label, unless).some((hit) => doc.rows[hit.row].cells.slice(hit.cell).join(" ").replace(/\D/g, "").includes(digits(cents)));
  const [s0, t0, g0] = [subtotal, tax, total].map((c) => (c ? amountToCents(c.value) : null));
  if (s0 !== null && g0 !== null && (t0 === null || s0 + t0 !== g0) && shows(LABELS.tax, LABELS.notTax, g0 - s0)) tax = { value: centsToAmount(g0 - s0), score: 0.85, row: total!.row };
  else if (s0 !== null && t0 !== null && (g0 === null || s0 + t0 !== g0) && shows(LABELS.total, LABELS.notTotal, s0 + t0)) total = { value: centsToAmount(s0 + t0), score: 0.85, row: subtotal!.row };
  else if (t0 !== null && g0 !== null && (s0 === null || s0 + t0 !== g0) && shows(LABELS.subtotal, /\b(vat|tva|mwst|ust|btw|iva|tax)\b/, g0 - t0)) subtotal = { value: centsToAmount(g0 - t0), score: 0.85, row: total!.row };
  const g = total ? amountToCents(total.value) : null;
  if (g !== null && tax && !subtotal) {
    const s = g - amountToCents(tax.value)!;
    if (printed.has(s)) subtotal = { value: centsToAmount(s), score: 0.7, row: total!.row };
  }
  if (g !== null && subtotal && !tax) {
    const t = g - amountToCents(subtotal.value)!;
    if (printed.has(t)) tax = { value: centsToAmount(t), score: 0.7, row: total!.row };
  }
  let totalField = field(total, doc);
  if (!total) {
    // No total label: the largest amount on the page, doubted.
    const largest = [...printed].filter((c): c is bigint => c !== null).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))[0];
    if (largest !== undefined) totalField = { value: centsToAmount(largest), confidence: 0.4, flags: ["total_without_label"] };
  }
  return { subtotal: field(subtotal, doc), tax: field(tax, doc), total: totalField };
}

// ---- Currency ----

function currency(doc: Doc, country: string | null): ExtractedField {
  // "Currency: EUR", "Währung: GBP", "Beträge in EUR".
  for (const hit of hits(doc, LABELS.currency)) {
    for (const { text, row } of around(doc, hit, { below: false })) {
      const mention = currenciesIn(text, country)[0];
      if (mention) return field({ value: mention.code, score: 0.97, row }, doc);
    }
  }
  const counts = new Map<string, number>();
  let shared = false;
  doc.rows.forEach((row, i) => {
    const near = /total|summe|betrag|montant|totaal|importe|totale/.test(doc.folded[i].join(" ")) ? 3 : 1;
    for (const mention of currenciesIn(row.text, country)) {
      counts.set(mention.code, (counts.get(mention.code) ?? 0) + near);
      shared ||= mention.shared;
    }
  });
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length) {
    const [code, count] = ranked[0];
    const all = ranked.reduce((s, [, c]) => s + c, 0);
    const flags: FieldFlag[] = shared ? ["currency_guessed"] : [];
    return { value: code, confidence: Math.round(Math.min(0.97, (count / all) * (count > 1 ? 0.97 : 0.85)) * 100) / 100, flags };
  }
  const local = currencyOfCountry(country);
  return local ? { value: local, confidence: 0.5, flags: ["currency_guessed"] } : emptyField();
}

export function extractFromRows({ rows, source }: ExtractionInput): Extraction {
  const folded = rows.map((row) => row.cells.map(fold));
  const texts = rows.map((row) => row.text);
  const usd = texts.some((t) => /\$|\bUSD\b/.test(t)) && !texts.some((t) => /€|\bEUR\b/.test(t));
  const doc: Doc = { rows, folded, decimal: decimalSeparatorOf(texts), order: dateOrderOf(texts, { usd }), party: partyMap(rows, folded), source };
  const vat = vendorVat(doc);
  const ibanField = iban(doc);
  const country = vat.value?.slice(0, 2).replace("EL", "GR") ?? ibanField.value?.slice(0, 2) ?? null;
  const due = dueDate(doc);
  const fields: ExtractedFields = {
    vendorName: vendorName(doc),
    vendorVat: vat,
    invoiceNumber: invoiceNumber(doc),
    invoiceDate: invoiceDate(doc, due.value),
    dueDate: due,
    currency: currency(doc, country),
    ...amounts(doc),
    iban: ibanField,
  };
  for (const name of FIELD_NAMES) fields[name].value = fields[name].value?.trim() || null;
  const creditNote = rows.slice(0, 25).some((row) => /^(credit note|avoir|gutschrift|nota de credito|nota di credito|creditnota|credit memo)\b/.test(fold(row.cells[0] ?? ""))) && !/selbst|self/i.test(rows.map((r) => r.text).join(" ").slice(0, 400));
  return { fields, lines: readLines(rows, folded, doc.decimal), creditNote };
}

/** The default extractor: label rules over rebuilt rows. */
export const ruleBasedExtractor = {
  name: "rule-based",
  extract: extractFromRows,
} satisfies Extractor;
