import "server-only";
import { z } from "zod";
import { findPurchase, setProviderRef, type PurchaseView } from "./purchases";
import { type PaymentFacts } from "./settle-purchase";

/** The fields of a Checkout Session that fulfilment relies on; anything else in the event is ignored. */
const idOf = z.union([z.string(), z.object({ id: z.string() }).transform((o) => o.id)]).nullish();

export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal("checkout.session"),
  mode: z.enum(["payment", "setup", "subscription"]).default("payment"),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  amount_total: z.number().int().nullable(),
  amount_subtotal: z.number().int().nullish(),
  total_details: z.object({ amount_tax: z.number().int().nullish() }).nullish(),
  currency: z.string().nullable(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_intent: idOf,
  customer: idOf,
  invoice: idOf,
  setup_intent: idOf,
});

export type CheckoutSessionData = z.infer<typeof checkoutSessionSchema>;

/**
 * The purchase a Checkout Session pays for, after checking that they agree:
 * the purchase id we put in the session's metadata, a Stripe purchase bound to
 * this very session, and the amount and currency we asked for. Anything else
 * is not ours to fulfil (another integration on the same Stripe account, a
 * tampered or stale session) and is ignored.
 */
export async function purchaseForSession(session: CheckoutSessionData, companyId?: number): Promise<{ purchase: PurchaseView } | { ignored: string }> {
  const ref = session.metadata?.purchaseId ?? session.client_reference_id ?? null;
  if (!ref || !/^\d{1,9}$/.test(ref)) return { ignored: `session ${session.id} names no purchase` };
  const purchase = await findPurchase(Number(ref), companyId);
  if (!purchase) return { ignored: `no purchase ${ref}` };
  if (purchase.provider !== "STRIPE") return { ignored: `purchase ${ref} is not paid through Stripe` };
  if (purchase.providerRef !== session.id) {
    // Not yet bound (the app stopped between creating the session and saving
    // its id): bind it now, unless another session got there first.
    if (purchase.providerRef !== null || !(await setProviderRef(purchase.id, session.id))) {
      return { ignored: `purchase ${ref} belongs to another Checkout Session` };
    }
  }
  // With Stripe Tax (no VAT snapshot yet) Stripe adds the tax: the amount we asked for is the subtotal.
  const asked = purchase.netAmount === null ? (session.amount_subtotal ?? session.amount_total) : session.amount_total;
  if (asked !== purchase.amount || session.currency?.toUpperCase() !== purchase.currency.toUpperCase()) {
    return { ignored: `session ${session.id} is for ${asked} ${session.currency}, purchase ${ref} costs ${purchase.amount} ${purchase.currency}` };
  }
  return { purchase };
}

/** What a paid Checkout Session tells about its payment, for fulfilPurchase. */
export function paymentFactsOf(session: CheckoutSessionData): PaymentFacts {
  return {
    paymentIntentId: session.payment_intent ?? null,
    customerId: session.customer ?? null,
    amountTotal: session.amount_total,
    amountTax: session.total_details?.amount_tax ?? null,
  };
}
