import "server-only";
import type { z } from "zod";
import { settleTopupPayment } from "../auto-topup/run";
import type { HandlerOutcome } from "./outcome";
import { purchaseForPayment, type paymentIntentSchema } from "./payment-objects";

// payment_intent.succeeded / payment_intent.payment_failed: the outcome of an
// auto top-up's off-session payment that was still processing when Stripe
// first answered. Checkout's payments are settled by checkout.session.* instead.
export async function onPaymentIntent(intent: z.infer<typeof paymentIntentSchema>): Promise<HandlerOutcome> {
  const purchase = await purchaseForPayment(intent.id, intent.metadata);
  if (!purchase || purchase.origin !== "AUTO_TOPUP") return { ignored: `payment intent ${intent.id} is no auto top-up of ours` };
  const outcome = await settleTopupPayment(purchase, intent);
  return { result: outcome, purchaseId: purchase.id };
}
