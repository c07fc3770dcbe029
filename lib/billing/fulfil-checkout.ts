import "server-only";
import { type PurchaseView } from "./purchases";
import { fulfilPurchase, type FulfilResult } from "./settle-purchase";
import { attachStripeInvoice } from "./stripe-invoice";
import { paymentFactsOf, type CheckoutSessionData } from "./stripe-session";

/**
 * A paid Checkout Session's purchase: credited once (fulfilPurchase), with
 * the PaymentIntent, Customer and Stripe Tax figures recorded, then its Stripe
 * invoice fetched. Called by the webhook and the success page alike.
 */
export async function fulfilCheckoutSession(purchase: PurchaseView, session: CheckoutSessionData, companyId?: number): Promise<FulfilResult | null> {
  const fulfilled = await fulfilPurchase(purchase.id, "stripe", { companyId, payment: paymentFactsOf(session) });
  if (fulfilled?.purchase.status === "PAID") await attachStripeInvoice(purchase.id, session.invoice);
  return fulfilled;
}
