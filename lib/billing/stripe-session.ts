import "server-only";
import { z } from "zod";
import { findPurchase, setProviderRef, type PurchaseView } from "./purchases";

/** The fields of a Checkout Session that fulfilment relies on; anything else in the event is ignored. */
export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal("checkout.session"),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

export type CheckoutSessionData = z.infer<typeof checkoutSessionSchema>;

/**
 * The purchase a Checkout Session pays for, after checking that they agree:
 * the purchase id we put in the session's metadata, a Stripe purchase bound to
 * this very session, and the amount and currency we asked for. Anything else
 * is not ours to fulfil (another integration on the same Stripe account, a
 * tampered or stale session) and is ignored.
 */
export async function purchaseForSession(session: CheckoutSessionData, companyId?: number): Promise<{ purchase: PurchaseView } | { ignored: string }> {
  const ref = session.metadata?.purchaseId ?? session.client_reference_id ?? null;
  if (!ref || !/^\d{1,9}$/.test(ref)) return { ignored: `session ${session.id} names no purchase` };
  const purchase = await findPurchase(Number(ref), companyId);
  if (!purchase) return { ignored: `no purchase ${ref}` };
  if (purchase.provider !== "STRIPE") return { ignored: `purchase ${ref} is not paid through Stripe` };
  if (purchase.providerRef !== session.id) {
    // Not yet bound (the app stopped between creating the session and saving
    // its id): bind it now, unless another session got there first.
    if (purchase.providerRef !== null || !(await setProviderRef(purchase.id, session.id))) {
      return { ignored: `purchase ${ref} belongs to another Checkout Session` };
    }
  }
  if (session.amount_total !== purchase.amount || session.currency?.toUpperCase() !== purchase.currency.toUpperCase()) {
    return { ignored: `session ${session.id} is for ${session.amount_total} ${session.currency}, purchase ${ref} costs ${purchase.amount} ${purchase.currency}` };
  }
  return { purchase };
}
