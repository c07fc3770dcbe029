import "server-only";
import { markPurchaseExpired } from "../settle-purchase";
import { purchaseForSession, type CheckoutSessionData } from "../stripe-session";
import type { HandlerOutcome } from "./outcome";

// checkout.session.expired: the buyer never paid and Stripe closed the page
// (24 h by default). Closes the pending purchase; a paid one stays paid.
export async function onCheckoutSessionExpired(session: CheckoutSessionData): Promise<HandlerOutcome> {
  const match = await purchaseForSession(session);
  if ("ignored" in match) return match;
  const changed = await markPurchaseExpired(match.purchase.id);
  return { result: changed ? "marked expired" : `left ${match.purchase.status.toLowerCase()}`, purchaseId: match.purchase.id };
}
