import type { Row } from "../text/rows";

// The one interface an extractor implements. The rule-based one is the default;
// a better one (a layout model, a remote service) replaces it by implementing
// `extract` — the checks in checks.ts run on whatever it returns.

export const FIELD_NAMES = ["vendorName", "vendorVat", "invoiceNumber", "invoiceDate", "dueDate", "currency", "subtotal", "tax", "total", "iban"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * Why a field was doubted, as a code: the review page words it (lib/ returns
 * codes, the UI holds the sentences).
 */
export type FieldFlag =
  | "not_found"
  | "iban_check_failed"
  | "vat_check_failed"
  | "vat_check_unverified"
  | "vat_format_invalid"
  | "invalid_date"
  | "due_before_invoice"
  | "not_an_amount"
  | "totals_disagree"
  | "total_without_label"
  | "date_without_label"
  | "vendor_guessed"
  | "several_candidates"
  | "low_ocr_confidence"
  | "currency_guessed";

export interface ExtractedField {
  /** Normalised text: ISO dates (2026-10-05), amounts as "1234.50", compact VAT/IBAN, ISO currency. Null when not found. */
  value: string | null;
  /** 0–1: how sure the extractor (then the checks) are. */
  confidence: number;
  /** Why a check doubted it, for the reviewer. */
  flags: FieldFlag[];
}

export type ExtractedFields = Record<FieldName, ExtractedField>;

/** One invoice line, values as exact decimal strings ("198.00", "20", "19"); null when not given. */
export interface InvoiceLine {
  description: string | null;
  quantity: string | null;
  unitPrice: string | null;
  /** VAT rate in percent ("19", "5.5"). */
  vatRate: string | null;
  /** The line's net amount ("198.00"; negative on a credit note). */
  amount: string | null;
}

export const LINE_FIELDS = ["description", "quantity", "unitPrice", "vatRate", "amount"] as const satisfies readonly (keyof InvoiceLine)[];

/** Where the values came from: an e-invoice's XML (exact), a PDF's text layer, or OCR of an image. */
export type TextSource = "e-invoice" | "pdf_text" | "ocr";

export interface ExtractionInput {
  rows: Row[];
  source: "pdf_text" | "ocr";
}

export interface Extraction {
  fields: ExtractedFields;
  lines: InvoiceLine[];
  /** A credit note (refund): its amounts are negative. */
  creditNote: boolean;
}

export interface Extractor {
  readonly name: string;
  extract(input: ExtractionInput): Extraction | Promise<Extraction>;
}

export function emptyField(): ExtractedField {
  return { value: null, confidence: 0, flags: [] };
}

export function emptyFields(): ExtractedFields {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, emptyField()])) as ExtractedFields;
}
