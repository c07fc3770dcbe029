import "server-only";
import { markPurchaseFailed } from "../settle-purchase";
import { purchaseForSession, type CheckoutSessionData } from "../stripe-session";
import type { HandlerOutcome } from "./outcome";

// checkout.session.async_payment_failed: the delayed payment bounced. A
// purchase already paid stays paid (markPurchaseFailed never downgrades).
export async function onAsyncPaymentFailed(session: CheckoutSessionData): Promise<HandlerOutcome> {
  const match = await purchaseForSession(session);
  if ("ignored" in match) return match;
  const changed = await markPurchaseFailed(match.purchase.id);
  return { result: changed ? "marked failed" : `left ${match.purchase.status.toLowerCase()}`, purchaseId: match.purchase.id };
}
