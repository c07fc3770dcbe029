import "server-only";
import { fulfilPurchase } from "../purchases";
import { purchaseForSession, type CheckoutSessionData } from "../stripe-session";
import type { HandlerOutcome } from "./outcome";

// checkout.session.completed: the buyer finished the Checkout page. Card
// payments are paid by now; delayed methods (bank debits) arrive "unpaid" and
// are settled later by async_payment_succeeded or _failed.
export async function onCheckoutSessionCompleted(session: CheckoutSessionData): Promise<HandlerOutcome> {
  const match = await purchaseForSession(session);
  if ("ignored" in match) return match;
  if (session.payment_status !== "paid") return { result: "awaiting payment", purchaseId: match.purchase.id };
  const fulfilled = await fulfilPurchase(match.purchase.id, "stripe");
  return { result: fulfilled?.credited ? "credited" : "already paid", purchaseId: match.purchase.id };
}
