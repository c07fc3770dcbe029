import { amountString, decimalString } from "../decimal";
import type { InvoiceLine } from "../extract/types";
import { CREDIT_NOTE_TYPE_CODES, invoiceCurrencyAmount, unitPrice } from "./cii";
import type { EInvoice } from "./types";
import { all, at, childrenOf, textAt, type XmlNode } from "./xml";

// OASIS UBL 2.1 Invoice and CreditNote, as Peppol BIS Billing 3 and
// XRechnung UBL use them (EN 16931's UBL binding).

export function isUbl(root: XmlNode): boolean {
  return root.name === "Invoice" || root.name === "CreditNote";
}

export function readUbl(root: XmlNode): EInvoice {
  const creditNote = root.name === "CreditNote";
  const party = at(root, "AccountingSupplierParty/Party");
  const currency = textAt(root, "DocumentCurrencyCode");
  const totals = at(root, "LegalMonetaryTotal");
  const typeCode = textAt(root, creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode");

  // A supplier may list a tax number (scheme "FC") beside its VAT number.
  const vat = childrenOf(party, "PartyTaxScheme").find((scheme) => (textAt(scheme, "TaxScheme/ID") ?? "").toUpperCase() === "VAT");
  // The payee's account only: a direct debit names the customer's account (PaymentMandate/PayerFinancialAccount) instead.
  const account = all(root, "PaymentMeans/PayeeFinancialAccount/ID")
    .map((node) => node.text.replace(/\s/g, "").toUpperCase())
    .find((id) => /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(id));
  // UBL 2.1's CreditNote has no DueDate: Peppol puts it on the payment means.
  const dueDate = textAt(root, "DueDate") ?? all(root, "PaymentMeans/PaymentDueDate").map((n) => n.text.trim()).find(Boolean) ?? null;

  return {
    syntax: "ubl",
    typeCode,
    creditNote: creditNote || (typeCode !== null && CREDIT_NOTE_TYPE_CODES.has(typeCode)),
    values: {
      vendorName: textAt(party, "PartyName/Name") ?? textAt(party, "PartyLegalEntity/RegistrationName"),
      vendorVat: vat ? textAt(vat, "CompanyID")?.replace(/\s/g, "").toUpperCase() ?? null : null,
      invoiceNumber: textAt(root, "ID"),
      invoiceDate: isoDate(textAt(root, "IssueDate")),
      dueDate: isoDate(dueDate),
      currency: currency?.toUpperCase() ?? null,
      subtotal: amountString(textAt(totals, "TaxExclusiveAmount")),
      tax: invoiceCurrencyAmount(all(root, "TaxTotal/TaxAmount"), currency),
      total: amountString(textAt(totals, "TaxInclusiveAmount")),
      iban: account ?? null,
    },
    lines: childrenOf(root, "InvoiceLine|CreditNoteLine").map(readLine),
  };
}

function readLine(line: XmlNode): InvoiceLine {
  return {
    description: textAt(line, "Item/Name") ?? textAt(line, "Item/Description"),
    quantity: decimalString(textAt(line, "InvoicedQuantity|CreditedQuantity")),
    unitPrice: unitPrice(textAt(line, "Price/PriceAmount"), textAt(line, "Price/BaseQuantity")),
    vatRate: decimalString(textAt(line, "Item/ClassifiedTaxCategory/Percent")),
    amount: amountString(textAt(line, "LineExtensionAmount")),
  };
}

function isoDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}
