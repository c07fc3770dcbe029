import "server-only";
import { balanceOf } from "@/lib/iap/ledger";
import { fulfilCheckoutSession } from "./fulfil-checkout";
import { findPurchase, findPurchaseByProviderRef, type PurchaseView } from "./purchases";
import { stripeClient } from "./stripe-client";
import { checkoutSessionSchema, purchaseForSession } from "./stripe-session";

export interface Receipt {
  purchase: PurchaseView;
  /** The account's balance now, in units. */
  balance: bigint;
}

/** What the success page shows after the demo checkout's Pay: the purchase and the balance now. */
export async function purchaseReceipt(companyId: number, purchaseId: number): Promise<Receipt | null> {
  const purchase = await findPurchase(purchaseId, companyId);
  if (!purchase) return null;
  return { purchase, balance: await balanceOf(purchase.accountId) };
}

/**
 * The success page after Stripe Checkout (`?session_id=…`): asks Stripe for the
 * session and fulfils it when paid, because the webhook may come later or
 * never. Only a session bound to one of this company's purchases is looked up
 * (and must name that purchase); any other id shows nothing. If Stripe can't
 * be reached, the purchase is shown as it stands: the webhook will settle it.
 */
export async function confirmStripeCheckout(companyId: number, sessionId: string): Promise<Receipt | null> {
  if (!/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) return null;
  const purchase = await findPurchaseByProviderRef(sessionId, companyId);
  if (!purchase || purchase.provider !== "STRIPE") return null;
  let session;
  try {
    session = checkoutSessionSchema.safeParse(await stripeClient().checkout.sessions.retrieve(sessionId));
  } catch (error) {
    console.error(`Could not retrieve Checkout Session ${sessionId} from Stripe:`, error);
    return purchaseReceipt(companyId, purchase.id);
  }
  if (!session.success) return purchaseReceipt(companyId, purchase.id);
  const match = await purchaseForSession(session.data, companyId);
  if ("ignored" in match || match.purchase.id !== purchase.id) {
    console.warn(`Success page for ${sessionId} credits nothing: ${"ignored" in match ? match.ignored : "the session names another purchase"}`);
    return purchaseReceipt(companyId, purchase.id);
  }
  if (session.data.payment_status === "paid") {
    const fulfilled = await fulfilCheckoutSession(purchase, session.data, companyId);
    if (fulfilled) return { purchase: fulfilled.purchase, balance: fulfilled.balanceAfter };
  }
  return purchaseReceipt(companyId, purchase.id);
}
