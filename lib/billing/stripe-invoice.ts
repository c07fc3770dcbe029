import "server-only";
import { z } from "zod";
import { saveStripeInvoice, type StripeInvoiceFacts } from "./invoices";
import { stripeClient } from "./stripe-client";

// The Stripe invoice that Checkout creates for a purchase (invoice_creation):
// its number and links are kept so Purchase history can show them. It is
// fetched when the purchase is fulfilled and saved again from invoice.*
// webhooks, whichever comes first; both are idempotent.

export const stripeInvoiceSchema = z.object({
  id: z.string().min(1),
  object: z.literal("invoice"),
  number: z.string().nullish(),
  hosted_invoice_url: z.string().nullish(),
  invoice_pdf: z.string().nullish(),
  currency: z.string(),
  total: z.number().int(),
  subtotal: z.number().int().nullish(),
  total_excluding_tax: z.number().int().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

export type StripeInvoiceData = z.infer<typeof stripeInvoiceSchema>;

export function invoiceFacts(invoice: StripeInvoiceData): StripeInvoiceFacts {
  const net = invoice.total_excluding_tax ?? invoice.subtotal ?? invoice.total;
  return {
    id: invoice.id,
    number: invoice.number ?? null,
    hostedUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
    currency: invoice.currency,
    net,
    tax: invoice.total - net,
    total: invoice.total,
  };
}

/** Fetches the session's invoice and keeps it. Best effort: the invoice.* webhooks fill it in otherwise. */
export async function attachStripeInvoice(purchaseId: number, invoiceId: string | null | undefined): Promise<boolean> {
  if (!invoiceId) return false;
  try {
    const parsed = stripeInvoiceSchema.safeParse(await stripeClient().invoices.retrieve(invoiceId));
    if (!parsed.success) return false;
    return await saveStripeInvoice(purchaseId, invoiceFacts(parsed.data));
  } catch (error) {
    console.error(`Could not fetch Stripe invoice ${invoiceId} of purchase ${purchaseId}; an invoice.* webhook will bring it:`, error);
    return false;
  }
}
