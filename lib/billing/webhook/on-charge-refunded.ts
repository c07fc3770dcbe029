import "server-only";
import type { z } from "zod";
import { applyRefund } from "../reversals";
import type { HandlerOutcome } from "./outcome";
import { describeReversal } from "./on-dispute";
import { purchaseForPayment, type chargeSchema } from "./payment-objects";

// charge.refunded: a full or partial refund. The charge carries the total
// refunded so far, so replays and out-of-order deliveries add nothing.
export async function onChargeRefunded(charge: z.infer<typeof chargeSchema>): Promise<HandlerOutcome> {
  const purchase = await purchaseForPayment(charge.payment_intent, charge.metadata);
  if (!purchase) return { ignored: `charge ${charge.id} pays for no purchase of ours` };
  const outcome = await applyRefund(purchase.id, charge.amount_refunded, charge.amount);
  return { result: describeReversal(outcome), purchaseId: purchase.id };
}
