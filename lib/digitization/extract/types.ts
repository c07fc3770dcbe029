import type { Row } from "../text/rows";

// The one interface an extractor implements. The rule-based one is the default;
// a better one (a layout model, a remote service) replaces it by implementing
// `extract` — the checks in checks.ts run on whatever it returns.

export const FIELD_NAMES = ["vendorName", "vendorVat", "invoiceNumber", "invoiceDate", "dueDate", "currency", "subtotal", "tax", "total", "iban"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const FIELD_LABELS: Record<FieldName, string> = {
  vendorName: "Vendor",
  vendorVat: "Vendor VAT number",
  invoiceNumber: "Invoice number",
  invoiceDate: "Invoice date",
  dueDate: "Due date",
  currency: "Currency",
  subtotal: "Subtotal",
  tax: "Tax",
  total: "Total",
  iban: "IBAN",
};

export interface ExtractedField {
  /** Normalised text: ISO dates (2026-10-05), amounts as "1234.50", compact VAT/IBAN, ISO currency. Null when not found. */
  value: string | null;
  /** 0–1: how sure the extractor (then the checks) are. */
  confidence: number;
  /** Why a check doubted it, for the reviewer. */
  flags: string[];
}

export type ExtractedFields = Record<FieldName, ExtractedField>;

export interface ExtractionInput {
  rows: Row[];
  source: "pdf_text" | "ocr";
}

export interface Extractor {
  readonly name: string;
  extract(input: ExtractionInput): ExtractedFields | Promise<ExtractedFields>;
}

export function emptyField(): ExtractedField {
  return { value: null, confidence: 0, flags: [] };
}
