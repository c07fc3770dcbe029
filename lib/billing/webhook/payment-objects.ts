import "server-only";
import { z } from "zod";
import { findPurchase, findPurchaseByPaymentIntent, type PurchaseView } from "../purchases";

// The fields of Stripe's Charge, Dispute and PaymentIntent objects that the
// refund, dispute and auto top-up handlers rely on.

const idOf = z.union([z.string(), z.object({ id: z.string() }).transform((o) => o.id)]).nullish();
const metadata = z.record(z.string(), z.string()).nullish();

export const chargeSchema = z.object({
  id: z.string().min(1),
  object: z.literal("charge"),
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  payment_intent: idOf,
  metadata,
});

export const disputeSchema = z.object({
  id: z.string().min(1),
  object: z.literal("dispute"),
  charge: idOf,
  payment_intent: idOf,
  status: z.string(),
  metadata,
});

export const paymentIntentSchema = z.object({
  id: z.string().min(1),
  object: z.literal("payment_intent"),
  status: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  metadata,
  last_payment_error: z.object({ code: z.string().nullish(), decline_code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

/**
 * The purchase a payment belongs to: the one bound to its PaymentIntent, or
 * the purchase id in its metadata when that purchase names no other intent.
 */
export async function purchaseForPayment(paymentIntentId: string | null | undefined, meta: Record<string, string> | null | undefined): Promise<PurchaseView | null> {
  if (paymentIntentId) {
    const bound = await findPurchaseByPaymentIntent(paymentIntentId);
    if (bound) return bound;
  }
  const ref = meta?.purchaseId;
  if (!ref || !/^\d{1,9}$/.test(ref)) return null;
  const purchase = await findPurchase(Number(ref));
  if (!purchase || purchase.provider !== "STRIPE") return null;
  if (purchase.paymentIntentId && paymentIntentId && purchase.paymentIntentId !== paymentIntentId) return null;
  return purchase;
}
