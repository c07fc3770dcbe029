import { amountString, decimalString, divideDecimal } from "../decimal";
import { amountToCents, centsToAmount } from "../extract/checks";
import type { InvoiceLine } from "../extract/types";
import type { EInvoice } from "./types";
import { all, at, childrenOf, textAt, type XmlNode } from "./xml";

// UN/CEFACT Cross Industry Invoice: ZUGFeRD 2.x, Factur-X and XRechnung CII
// (root CrossIndustryInvoice, D16B) and ZUGFeRD 1.0 (root CrossIndustryDocument,
// D13B), whose elements carry older names. Each path lists both spellings
// ("A|B"): the 2.x name first, then the 1.0 one.

const TRANSACTION = "SupplyChainTradeTransaction|SpecifiedSupplyChainTradeTransaction";
const AGREEMENT = "ApplicableHeaderTradeAgreement|ApplicableSupplyChainTradeAgreement";
const SETTLEMENT = "ApplicableHeaderTradeSettlement|ApplicableSupplyChainTradeSettlement";
const SUMMATION = "SpecifiedTradeSettlementHeaderMonetarySummation|SpecifiedTradeSettlementMonetarySummation";
const DOCUMENT = "ExchangedDocument|HeaderExchangedDocument";

/** UNTDID 1001 document types that are credit notes (EN 16931 code list). */
export const CREDIT_NOTE_TYPE_CODES = new Set(["81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"]);

export function isCii(root: XmlNode): boolean {
  return root.name === "CrossIndustryInvoice" || root.name === "CrossIndustryDocument";
}

/** udt:DateTimeString format 102 (CCYYMMDD) → ISO date; other formats name no single day. */
export function ciiDate(node: XmlNode | undefined): string | null {
  const value = textAt(node, "DateTimeString");
  const format = at(node, "DateTimeString")?.attributes.format ?? "102";
  if (!value || format !== "102") return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export function readCii(root: XmlNode): EInvoice {
  const document = at(root, DOCUMENT);
  const transaction = at(root, TRANSACTION);
  const seller = at(transaction, `${AGREEMENT}/SellerTradeParty`);
  const settlement = at(transaction, SETTLEMENT);
  const summation = at(settlement, SUMMATION);
  const currency = textAt(settlement, "InvoiceCurrencyCode");
  const typeCode = textAt(document, "TypeCode");

  const vat = childrenOf(seller, "SpecifiedTaxRegistration")
    .map((registration) => at(registration, "ID"))
    .find((id) => id?.attributes.schemeID === "VA");
  const iban = all(settlement, "SpecifiedTradeSettlementPaymentMeans/PayeePartyCreditorFinancialAccount/IBANID")
    .map((node) => node.text.trim())
    .find(Boolean);
  const dueDate = all(settlement, "SpecifiedTradePaymentTerms/DueDateDateTime").map(ciiDate).find(Boolean) ?? null;

  const tax = invoiceCurrencyAmount(childrenOf(summation, "TaxTotalAmount"), currency);
  const total = amountString(textAt(summation, "GrandTotalAmount"));
  // BT-109; when a producer left it out, the total less the tax is the same figure.
  const subtotal = amountString(textAt(summation, "TaxBasisTotalAmount")) ?? (total && tax ? subtract(total, tax) : amountString(textAt(summation, "LineTotalAmount")));

  return {
    syntax: root.name === "CrossIndustryDocument" ? "zugferd1" : "cii",
    typeCode,
    creditNote: typeCode !== null && CREDIT_NOTE_TYPE_CODES.has(typeCode),
    values: {
      vendorName: textAt(seller, "Name"),
      vendorVat: vat ? vat.text.replace(/\s/g, "").toUpperCase() || null : null,
      invoiceNumber: textAt(document, "ID"),
      invoiceDate: ciiDate(at(document, "IssueDateTime")),
      dueDate,
      currency: currency?.toUpperCase() ?? null,
      subtotal,
      tax,
      total,
      iban: iban ? iban.replace(/\s/g, "").toUpperCase() : null,
    },
    lines: childrenOf(transaction, "IncludedSupplyChainTradeLineItem").map(readLine),
  };
}

function readLine(item: XmlNode): InvoiceLine {
  const agreement = at(item, "SpecifiedLineTradeAgreement|SpecifiedSupplyChainTradeAgreement");
  const delivery = at(item, "SpecifiedLineTradeDelivery|SpecifiedSupplyChainTradeDelivery");
  const settlement = at(item, "SpecifiedLineTradeSettlement|SpecifiedSupplyChainTradeSettlement");
  const netPrice = at(agreement, "NetPriceProductTradePrice");
  return {
    description: textAt(item, "SpecifiedTradeProduct/Name") ?? textAt(item, "SpecifiedTradeProduct/Description"),
    quantity: decimalString(textAt(delivery, "BilledQuantity")),
    unitPrice: unitPrice(textAt(netPrice, "ChargeAmount"), textAt(netPrice, "BasisQuantity")),
    vatRate: decimalString(textAt(settlement, "ApplicableTradeTax/RateApplicablePercent") ?? textAt(settlement, "ApplicableTradeTax/ApplicablePercent")),
    amount: amountString(textAt(settlement, "SpecifiedTradeSettlementLineMonetarySummation|SpecifiedTradeSettlementMonetarySummation/LineTotalAmount")),
  };
}

/** The price of one unit: a price given per base quantity (e.g. per 100 pieces) is divided by it. */
export function unitPrice(price: string | null, baseQuantity: string | null): string | null {
  if (price === null) return null;
  const perBase = baseQuantity && decimalString(baseQuantity) !== "1" ? divideDecimal(price, baseQuantity) : price;
  return decimalString(perBase, 2);
}

/**
 * With a tax currency other than the invoice's, the tax total is given twice
 * (BT-110 and BT-111), each with its currencyID: take the invoice currency's.
 */
export function invoiceCurrencyAmount(nodes: XmlNode[], currency: string | null): string | null {
  const chosen = nodes.find((node) => !currency || !node.attributes.currencyID || node.attributes.currencyID === currency) ?? nodes[0];
  return amountString(chosen?.text);
}

function subtract(a: string, b: string): string | null {
  const x = amountToCents(a);
  const y = amountToCents(b);
  return x === null || y === null ? null : centsToAmount(x - y);
}
