// The ground truth of an e-invoice, taken from its XML independently of the
// app's parser: XPath over a DOM (@xmldom/xmldom + xpath), each value by the
// EN 16931 syntax binding of its business term (BT-1 invoice number, BT-2
// issue date, BT-9 due date, BT-5 currency, BT-27 seller name, BT-31 seller
// VAT, BT-84 payee IBAN, BT-109/110/112 totals, BG-25 lines), for CII
// (ZUGFeRD 2 / Factur-X / XRechnung), ZUGFeRD 1.0's older CII and UBL 2.1.
// Embedded XML is taken out of a PDF with pdf-lib (not the app's pdf.js path).
import { DOMParser } from "@xmldom/xmldom";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString } from "pdf-lib";
import * as xpath from "xpath";

export type TruthFields = Record<"vendorName" | "vendorVat" | "invoiceNumber" | "invoiceDate" | "dueDate" | "currency" | "subtotal" | "tax" | "total" | "iban", string | null>;
export interface TruthLine {
  description: string | null;
  quantity: string | null;
  unitPrice: string | null;
  vatRate: string | null;
  amount: string | null;
}
export interface Truth {
  fields: TruthFields;
  lines: TruthLine[];
  creditNote: boolean;
}

const CREDIT_NOTE_CODES = ["81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"];

/** "/A/B" → an XPath over local names, whatever the prefixes. */
function path(steps: string): string {
  return steps
    .split("/")
    .filter(Boolean)
    .map((step) => {
      const [name, predicate] = step.split("[");
      const names = name.split("|").map((n) => `local-name()='${n}'`).join(" or ");
      return `*[${names}]${predicate ? `[${predicate}` : ""}`;
    })
    .join("/");
}

function texts(node: Node, steps: string): string[] {
  return (xpath.select(path(steps), node) as Node[]).map((n) => (n.textContent ?? "").trim()).filter(Boolean);
}
const first = (node: Node, steps: string) => texts(node, steps)[0] ?? null;

/** Exact decimal arithmetic on strings, by scaling to integers (test-side, no floats). */
function toScaled(value: string, scale = 6): bigint {
  const [whole, fraction = ""] = value.replace(/^\+/, "").split(".");
  const negative = whole.startsWith("-");
  const digits = BigInt(`${whole.replace("-", "") || "0"}${fraction.padEnd(scale, "0").slice(0, scale)}`);
  return negative ? -digits : digits;
}
function fromScaled(value: bigint, scale = 6): string {
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const result = `${text.slice(0, -scale)}.${text.slice(-scale)}`.replace(/\.?0+$/, "");
  return negative ? `-${result}` : result;
}
/** The canonical form the test compares: no trailing zeros ("198.00" → "198", "9.9000" → "9.9"). */
export function canonical(value: string | null): string | null {
  return value === null ? null : fromScaled(toScaled(value));
}
const negate = (value: string | null) => (value === null ? null : fromScaled(-toScaled(value)));
const compact = (value: string | null) => (value ? value.replace(/\s/g, "").toUpperCase() : null);
const ymd = (value: string | null) => (value && /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value);

export function truthFromXml(xml: string): Truth {
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ""), "text/xml");
  // xpath takes the standard DOM types; @xmldom's nodes implement them.
  const root = doc.documentElement as unknown as Element;
  const rootName = root.localName;
  if (rootName === "Invoice" || rootName === "CreditNote") return ublTruth(root, rootName === "CreditNote");
  return ciiTruth(root, rootName === "CrossIndustryDocument");
}

function ciiTruth(root: Node, v1: boolean): Truth {
  const tx = v1 ? "SpecifiedSupplyChainTradeTransaction" : "SupplyChainTradeTransaction";
  const agreement = `${tx}/${v1 ? "ApplicableSupplyChainTradeAgreement" : "ApplicableHeaderTradeAgreement"}`;
  const settlement = `${tx}/${v1 ? "ApplicableSupplyChainTradeSettlement" : "ApplicableHeaderTradeSettlement"}`;
  const sums = `${settlement}/${v1 ? "SpecifiedTradeSettlementMonetarySummation" : "SpecifiedTradeSettlementHeaderMonetarySummation"}`;
  const header = v1 ? "HeaderExchangedDocument" : "ExchangedDocument";
  const currency = first(root, `${settlement}/InvoiceCurrencyCode`);
  const taxTotals = xpath.select(path(`${sums}/TaxTotalAmount`), root) as Element[];
  const taxNode = taxTotals.find((n) => !n.getAttribute("currencyID") || n.getAttribute("currencyID") === currency) ?? taxTotals[0];
  const tax = taxNode ? (taxNode.textContent ?? "").trim() : null;
  const total = first(root, `${sums}/GrandTotalAmount`);
  const subtotal = first(root, `${sums}/TaxBasisTotalAmount`) ?? (total && tax ? fromScaled(toScaled(total) - toScaled(tax)) : first(root, `${sums}/LineTotalAmount`));
  const typeCode = first(root, `${header}/TypeCode`);
  const issue = xpath.select1(path(`${header}/IssueDateTime/DateTimeString`), root) as Element | undefined;
  const dueNodes = xpath.select(path(`${settlement}/SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString`), root) as Element[];
  const lineItems = xpath.select(path(`${tx}/IncludedSupplyChainTradeLineItem`), root) as Node[];
  const lines = lineItems.map((item) => {
    const price = first(item, `${v1 ? "SpecifiedSupplyChainTradeAgreement" : "SpecifiedLineTradeAgreement"}/NetPriceProductTradePrice/ChargeAmount`);
    const basis = first(item, `${v1 ? "SpecifiedSupplyChainTradeAgreement" : "SpecifiedLineTradeAgreement"}/NetPriceProductTradePrice/BasisQuantity`);
    const lineSettlement = v1 ? "SpecifiedSupplyChainTradeSettlement" : "SpecifiedLineTradeSettlement";
    return {
      description: first(item, "SpecifiedTradeProduct/Name"),
      quantity: first(item, `${v1 ? "SpecifiedSupplyChainTradeDelivery" : "SpecifiedLineTradeDelivery"}/BilledQuantity`),
      unitPrice: price && basis && toScaled(basis) !== toScaled("1") ? fromScaled((toScaled(price) * 1_000_000n) / toScaled(basis)) : price,
      vatRate: first(item, `${lineSettlement}/ApplicableTradeTax/${v1 ? "ApplicablePercent" : "RateApplicablePercent"}`),
      amount: first(item, `${lineSettlement}/${v1 ? "SpecifiedTradeSettlementMonetarySummation" : "SpecifiedTradeSettlementLineMonetarySummation"}/LineTotalAmount`),
    };
  });
  const vat = (xpath.select(path(`${agreement}/SellerTradeParty/SpecifiedTaxRegistration/ID`), root) as Element[]).find((n) => n.getAttribute("schemeID") === "VA");
  const fields: TruthFields = {
    vendorName: first(root, `${agreement}/SellerTradeParty/Name`),
    vendorVat: compact(vat?.textContent ?? null),
    invoiceNumber: first(root, `${header}/ID`),
    invoiceDate: issue && (issue.getAttribute("format") ?? "102") === "102" ? ymd((issue.textContent ?? "").trim()) : null,
    dueDate: ymd(dueNodes.map((n) => (n.textContent ?? "").trim()).find(Boolean) ?? null),
    currency,
    subtotal,
    tax,
    total,
    iban: compact(first(root, `${settlement}/SpecifiedTradeSettlementPaymentMeans/PayeePartyCreditorFinancialAccount/IBANID`)),
  };
  return signed({ fields, lines, creditNote: typeCode !== null && CREDIT_NOTE_CODES.includes(typeCode) });
}

function ublTruth(root: Node, creditNoteRoot: boolean): Truth {
  const currency = first(root, "DocumentCurrencyCode");
  const taxes = xpath.select(path("TaxTotal/TaxAmount"), root) as Element[];
  const taxNode = taxes.find((n) => n.getAttribute("currencyID") === currency) ?? taxes[0];
  const schemes = xpath.select(path("AccountingSupplierParty/Party/PartyTaxScheme"), root) as Node[];
  const vatScheme = schemes.find((s) => (first(s, "TaxScheme/ID") ?? "").toUpperCase() === "VAT");
  const lines = (xpath.select(path("InvoiceLine|CreditNoteLine"), root) as Node[]).map((line) => {
    const price = first(line, "Price/PriceAmount");
    const base = first(line, "Price/BaseQuantity");
    return {
      description: first(line, "Item/Name"),
      quantity: first(line, "InvoicedQuantity|CreditedQuantity"),
      unitPrice: price && base && toScaled(base) !== toScaled("1") ? fromScaled((toScaled(price) * 1_000_000n) / toScaled(base)) : price,
      vatRate: first(line, "Item/ClassifiedTaxCategory/Percent"),
      amount: first(line, "LineExtensionAmount"),
    };
  });
  const typeCode = first(root, creditNoteRoot ? "CreditNoteTypeCode" : "InvoiceTypeCode");
  const fields: TruthFields = {
    vendorName: first(root, "AccountingSupplierParty/Party/PartyName/Name") ?? first(root, "AccountingSupplierParty/Party/PartyLegalEntity/RegistrationName"),
    vendorVat: compact(vatScheme ? first(vatScheme, "CompanyID") : null),
    invoiceNumber: first(root, "ID"),
    invoiceDate: first(root, "IssueDate"),
    dueDate: first(root, "DueDate") ?? first(root, "PaymentMeans/PaymentDueDate"),
    currency,
    subtotal: first(root, "LegalMonetaryTotal/TaxExclusiveAmount"),
    tax: taxNode ? (taxNode.textContent ?? "").trim() : null,
    total: first(root, "LegalMonetaryTotal/TaxInclusiveAmount"),
    iban: compact(first(root, "PaymentMeans/PayeeFinancialAccount/ID")),
  };
  return signed({ fields, lines, creditNote: creditNoteRoot || (typeCode !== null && CREDIT_NOTE_CODES.includes(typeCode)) });
}

/** On a credit note every money amount is negative (EN 16931 writes them positive). */
function signed(truth: Truth): Truth {
  if (!truth.creditNote || (truth.fields.total ?? "").startsWith("-")) return truth;
  return {
    ...truth,
    fields: { ...truth.fields, subtotal: negate(truth.fields.subtotal), tax: negate(truth.fields.tax), total: negate(truth.fields.total) },
    lines: truth.lines.map((line) => ({ ...line, amount: negate(line.amount) })),
  };
}

/** The XML files a PDF embeds (its EmbeddedFiles name tree), read with pdf-lib. */
export async function embeddedFiles(pdfBytes: Uint8Array): Promise<{ name: string; xml: string }[]> {
  const pdf = await PDFDocument.load(pdfBytes, { ignoreEncryption: true, updateMetadata: false });
  const names = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  const found: { name: string; xml: string }[] = [];
  const walk = (node: PDFDict) => {
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
    const list = node.lookupMaybe(PDFName.of("Names"), PDFArray);
    if (!list) return;
    for (let i = 0; i + 1 < list.size(); i += 2) {
      const key = list.lookup(i);
      const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : String(key);
      const spec = list.lookup(i + 1, PDFDict);
      const stream = spec.lookup(PDFName.of("EF"), PDFDict).lookup(PDFName.of("F")) as PDFRawStream;
      found.push({ name, xml: new TextDecoder().decode(decodePDFRawStream(stream).decode()) });
    }
  };
  if (tree) walk(tree);
  return found;
}
