"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, refuse } from "@/lib/actions/action";
import type { SessionUser } from "@/lib/auth/session";
import { cancelDemoPurchase, payDemoPurchase } from "@/lib/billing/checkout/demo";
import { BuyRefusedError } from "@/lib/billing/errors";
import { wordsFor } from "@/lib/alerts/words";
import type { PurchaseView } from "@/lib/billing/purchases";
import { purchaseIdSchema } from "@/lib/billing/schemas";
import { accountPath, buyCreditsPath, checkoutReceiptPath } from "@/lib/routes";

/** Pay or Cancel on the demo checkout, then `next` (a redirect) with the purchase; a refusal is the answer. */
function demoCheckoutStep(step: (user: SessionUser, purchaseId: number) => Promise<PurchaseView>, next: (purchase: PurchaseView) => never) {
  return formAction({
    role: "ADMIN",
    input: purchaseIdSchema,
    async run({ user, input }) {
      let purchase: PurchaseView;
      try {
        purchase = await step(user, input.purchaseId);
      } catch (error) {
        if (error instanceof BuyRefusedError) return refuse(wordsFor(user.locale ?? "en", "buy")(`refusals.${error.code}`));
        throw error;
      }
      revalidatePath(accountPath(purchase.accountId));
      revalidatePath(buyCreditsPath(purchase.service.technicalName));
      next(purchase);
    },
  });
}

/** Pay on the demo checkout: credits the pack once, then shows the receipt. */
export const payDemoPurchaseAction = demoCheckoutStep(payDemoPurchase, (purchase) => redirect(checkoutReceiptPath(purchase.id)));

/** Cancel on the demo checkout: back to the Buy page, nothing credited. */
export const cancelDemoPurchaseAction = demoCheckoutStep(cancelDemoPurchase, (purchase) => redirect(`${buyCreditsPath(purchase.service.technicalName)}?cancelled=1`));
