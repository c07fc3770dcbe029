import type { FieldFlag, FieldName, TextSource } from "@/lib/digitization/extract/types";

// The words of the review page: lib/digitization returns field names and
// flag codes, this is how the page says them.

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

export const FLAG_MESSAGES: Record<FieldFlag, string> = {
  not_found: "Not found: enter it from the document.",
  iban_check_failed: "The IBAN's check digits don't match (mod 97): compare it with the document.",
  vat_check_failed: "The VAT number's check digit doesn't match its country's rule: compare it with the document.",
  vat_check_unverified: "This country's VAT check digit isn't verified here: compare it with the document.",
  vat_format_invalid: "This is not a VAT number in any country's format.",
  invalid_date: "Not a real date.",
  due_before_invoice: "The due date is before the invoice date.",
  not_an_amount: "Not an amount.",
  totals_disagree: "Subtotal + tax doesn't equal the total: one of the three is misread.",
  total_without_label: "No “Total” label was found: this is the largest amount on the page.",
  date_without_label: "No “Invoice date” label was found: this is the first date on the page.",
  vendor_guessed: "Guessed from the letterhead: check that this is the company that issued the bill.",
  several_candidates: "Several values could be this one: check it.",
  low_ocr_confidence: "The scan is hard to read here.",
  currency_guessed: "Inferred from a symbol several currencies use, or from the vendor's country.",
};

export const SOURCE_WORDS: Record<TextSource, string> = {
  "e-invoice": "the e-invoice's XML (exact, no OCR)",
  pdf_text: "the PDF's text",
  ocr: "the scanned image (OCR)",
};

export const ERROR_HELP: Record<string, string> = {
  unreadable: "No invoice could be read from this file. Check that it is a legible bill or receipt and upload it again. No credit was used.",
  "too many pages": "This document has more pages than are read. Upload the pages with the invoice only. No credit was used.",
  "not an e-invoice": "This XML file is not an e-invoice this app reads (UBL Invoice or CreditNote, UN/CEFACT CII). No credit was used.",
  "image too large": "This image has too many pixels to be read. Scan it at 300 dpi or less and upload it again. No credit was used.",
};
