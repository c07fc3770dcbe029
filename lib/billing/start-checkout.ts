import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { ServiceName } from "@/lib/iap/catalogue";
import { UnknownServiceError } from "@/lib/iap/errors";
import { checkoutProvider } from "./checkout";
import { BuyRefusedError } from "./errors";
import { findPack } from "./packs";
import { createPurchase, setProviderRef } from "./purchases";
import { markPurchaseFailed } from "./settle-purchase";

/**
 * Buy → a PENDING purchase → the provider's checkout. Returns the URL to send
 * the buyer to. The purchase is recorded before Stripe is called and its
 * outcome after (intent, call, outcome), so a failed call leaves a FAILED
 * purchase rather than nothing or a half-made one.
 */
export async function startCheckout(user: SessionUser, input: { service: ServiceName; packId: number }): Promise<{ url: string; purchaseId: number }> {
  // Pages and actions check this too; here it guards every other caller.
  if (user.role !== "ADMIN") throw new BuyRefusedError("admins-only");
  const found = await findPack(input.service, input.packId).catch((error) => {
    if (error instanceof UnknownServiceError) return null;
    throw error;
  });
  if (!found) throw new BuyRefusedError("pack-not-on-sale");

  const provider = checkoutProvider();
  if (!provider) throw new BuyRefusedError("payments-not-set-up");
  const purchase = await createPurchase({
    companyId: user.companyId,
    technicalName: found.service.technicalName,
    pack: found.pack,
    provider: provider.name,
    createdById: user.id,
  });
  let started;
  try {
    started = await provider.start({ purchase, buyerEmail: user.email });
  } catch (error) {
    console.error(`Checkout for purchase ${purchase.id} could not start:`, error);
    await markPurchaseFailed(purchase.id);
    throw new BuyRefusedError("checkout-unavailable");
  }
  await setProviderRef(purchase.id, started.providerRef);
  return { url: started.url, purchaseId: purchase.id };
}
