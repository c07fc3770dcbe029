"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { authorizeBuyer } from "@/lib/billing/authorize-buyer";
import { cancelDemoPurchase, payDemoPurchase } from "@/lib/billing/demo-checkout";
import { purchaseIdSchema, type ActionState } from "@/lib/billing/schemas";
import { BuyRefusedError } from "@/lib/billing/start-checkout";
import { buyCreditsPath } from "@/lib/iap/errors";
import type { PurchaseView } from "@/lib/billing/purchases";
import { formDataOf } from "@/lib/http/params";

type Step = (user: SessionUser, purchaseId: number) => Promise<PurchaseView>;

async function run(step: Step, formData: FormData): Promise<ActionState | PurchaseView> {
  const { user, refused } = await authorizeBuyer();
  if (refused) return refused;
  const parsed = purchaseIdSchema.safeParse({ purchaseId: formData.get("purchaseId") });
  if (!parsed.success) return { ok: false, message: "This purchase does not exist." };
  try {
    const purchase = await step(user, parsed.data.purchaseId);
    revalidatePath(`/settings/iap/${purchase.accountId}`);
    revalidatePath(buyCreditsPath(purchase.service.technicalName));
    return purchase;
  } catch (error) {
    if (error instanceof BuyRefusedError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Pay on the demo checkout: credits the pack once, then shows the receipt. */
export async function payDemoPurchaseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  formData = formDataOf(formData);
  const outcome = await run(payDemoPurchase, formData);
  if ("ok" in outcome) return outcome;
  redirect(`/iap/checkout/success?purchase=${outcome.id}`);
}

/** Cancel on the demo checkout: back to the Buy page, nothing credited. */
export async function cancelDemoPurchaseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  formData = formDataOf(formData);
  const outcome = await run(cancelDemoPurchase, formData);
  if ("ok" in outcome) return outcome;
  redirect(`${buyCreditsPath(outcome.service.technicalName)}?cancelled=1`);
}
