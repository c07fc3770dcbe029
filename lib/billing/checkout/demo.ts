import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { demoCheckoutPath } from "@/lib/routes";
import { findPurchase, type PurchaseView } from "../purchases";
import { fulfilPurchase, markPurchaseCanceled } from "../settle-purchase";
import { env } from "@/lib/env";
import { BuyRefusedError } from "../errors";
import type { CheckoutProvider } from "./provider";

// The demo checkout: the stand-in for Stripe's hosted page in demo mode (DEMO)
// when no STRIPE_SECRET_KEY is set. Buy sends the buyer to an in-app page with Pay and
// Cancel, and no money moves. Only the buying company's administrators reach a
// purchase there, and only a DEMO purchase (a Stripe purchase is never "paid"
// here). Pay checks demo mode again: a demo purchase left pending when the
// server left demo mode stays unpaid.

export const demoCheckout: CheckoutProvider = {
  name: "DEMO",
  async start({ purchase }) {
    return { url: demoCheckoutPath(purchase.id), providerRef: `demo_${purchase.id}` };
  },
};

async function demoPurchase(user: SessionUser, purchaseId: number): Promise<PurchaseView> {
  if (user.role !== "ADMIN") throw new BuyRefusedError("admins-only");
  const purchase = await findPurchase(purchaseId, user.companyId);
  if (!purchase || purchase.provider !== "DEMO") throw new BuyRefusedError("purchase-not-found");
  return purchase;
}

/** Pay: fulfils the purchase (once, however often it is pressed). */
export async function payDemoPurchase(user: SessionUser, purchaseId: number): Promise<PurchaseView> {
  await demoPurchase(user, purchaseId);
  if (!env().DEMO) throw new BuyRefusedError("demo-checkout-off");
  const result = await fulfilPurchase(purchaseId, "demo", { companyId: user.companyId });
  if (result?.purchase.status !== "PAID") {
    throw new BuyRefusedError("purchase-canceled");
  }
  return result.purchase;
}

/** Cancel: closes a pending purchase; nothing is credited. A paid purchase stays paid. */
export async function cancelDemoPurchase(user: SessionUser, purchaseId: number): Promise<PurchaseView> {
  const purchase = await demoPurchase(user, purchaseId);
  await markPurchaseCanceled(purchaseId, user.companyId);
  return purchase;
}
