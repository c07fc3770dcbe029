import "server-only";
import { balanceOf } from "@/lib/iap/ledger";
import { fulfilPurchase, findPurchase, type PurchaseView } from "./purchases";
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
 * never. The session must be one of this company's purchases, bound to that
 * purchase; a session id from elsewhere shows nothing.
 */
export async function confirmStripeCheckout(companyId: number, sessionId: string): Promise<Receipt | null> {
  if (!/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) return null;
  const session = checkoutSessionSchema.safeParse(await stripeClient().checkout.sessions.retrieve(sessionId));
  if (!session.success) return null;
  const match = await purchaseForSession(session.data, companyId);
  if ("ignored" in match) {
    console.warn(`Success page for ${sessionId} shows nothing: ${match.ignored}`);
    return null;
  }
  if (session.data.payment_status === "paid") {
    const fulfilled = await fulfilPurchase(match.purchase.id, "stripe", { companyId });
    if (fulfilled) return { purchase: fulfilled.purchase, balance: fulfilled.balanceAfter };
  }
  return purchaseReceipt(companyId, match.purchase.id);
}
