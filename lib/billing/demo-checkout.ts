import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { findPurchase, fulfilPurchase, markPurchaseCanceled, type PurchaseView } from "./purchases";
import { BuyRefusedError, DEMO_CHECKOUT_OFF } from "./start-checkout";

// The demo checkout's Pay and Cancel: the stand-in for Stripe's hosted page
// in demo mode (DEMO) when no STRIPE_SECRET_KEY is set. Only the buying
// company's administrators reach a purchase, and only a DEMO purchase (a
// Stripe purchase is never "paid" here). Pay checks demo mode again: a demo
// purchase left pending when the server left demo mode stays unpaid.

async function demoPurchase(user: SessionUser, purchaseId: number): Promise<PurchaseView> {
  if (user.role !== "ADMIN") throw new BuyRefusedError("Only administrators can buy credits.");
  const purchase = await findPurchase(purchaseId, user.companyId);
  if (!purchase || purchase.provider !== "DEMO") throw new BuyRefusedError("This purchase does not exist.");
  return purchase;
}

/** Pay: fulfils the purchase (once, however often it is pressed). */
export async function payDemoPurchase(user: SessionUser, purchaseId: number): Promise<PurchaseView> {
  await demoPurchase(user, purchaseId);
  if (!env().DEMO) throw new BuyRefusedError(DEMO_CHECKOUT_OFF);
  const result = await fulfilPurchase(purchaseId, "demo", { companyId: user.companyId });
  if (result?.purchase.status !== "PAID") {
    throw new BuyRefusedError("This purchase was cancelled, so it can no longer be paid. Choose a pack again on the Buy Credits page.");
  }
  return result.purchase;
}

/** Cancel: closes a pending purchase; nothing is credited. A paid purchase stays paid. */
export async function cancelDemoPurchase(user: SessionUser, purchaseId: number): Promise<PurchaseView> {
  const purchase = await demoPurchase(user, purchaseId);
  await markPurchaseCanceled(purchaseId, user.companyId);
  return purchase;
}
