import "server-only";
import { saveStripeInvoice } from "../invoices";
import { findPurchase } from "../purchases";
import { invoiceFacts, type StripeInvoiceData } from "../stripe-invoice";
import type { HandlerOutcome } from "./outcome";

// invoice.finalized / invoice.paid: the invoice Checkout created for a
// purchase (its metadata names the purchase), with its number and links.
export async function onInvoice(invoice: StripeInvoiceData): Promise<HandlerOutcome> {
  const ref = invoice.metadata?.purchaseId;
  if (!ref || !/^\d{1,9}$/.test(ref)) return { ignored: `invoice ${invoice.id} names no purchase` };
  const purchase = await findPurchase(Number(ref));
  if (!purchase || purchase.provider !== "STRIPE") return { ignored: `no Stripe purchase ${ref}` };
  const saved = await saveStripeInvoice(purchase.id, invoiceFacts(invoice));
  return { result: saved ? "invoice saved" : "invoice not saved", purchaseId: purchase.id };
}
