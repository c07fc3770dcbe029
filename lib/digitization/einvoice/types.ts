import type { FieldName, InvoiceLine } from "../extract/types";

/** What an e-invoice's XML says, before the checks: exact values, null where the XML gives none. */
export interface EInvoice {
  /** "cii" (ZUGFeRD 2 / Factur-X / XRechnung CII), "zugferd1" (ZUGFeRD 1.0), "ubl" (UBL 2.1 / Peppol BIS 3). */
  syntax: "cii" | "zugferd1" | "ubl";
  /** UNTDID 1001 document type (380 invoice, 381 credit note, 389 self-billed…). */
  typeCode: string | null;
  creditNote: boolean;
  values: Record<FieldName, string | null>;
  lines: InvoiceLine[];
}
