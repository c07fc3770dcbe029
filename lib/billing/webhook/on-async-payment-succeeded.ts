import "server-only";
import { fulfilPurchase } from "../purchases";
import { purchaseForSession, type CheckoutSessionData } from "../stripe-session";
import type { HandlerOutcome } from "./outcome";

// checkout.session.async_payment_succeeded: a delayed payment cleared. It may
// arrive before the session's `completed` event; fulfilment is idempotent, so
// whichever comes first credits and the other changes nothing.
export async function onAsyncPaymentSucceeded(session: CheckoutSessionData): Promise<HandlerOutcome> {
  const match = await purchaseForSession(session);
  if ("ignored" in match) return match;
  const fulfilled = await fulfilPurchase(match.purchase.id, "stripe");
  return { result: fulfilled?.credited ? "credited" : "already paid", purchaseId: match.purchase.id };
}
