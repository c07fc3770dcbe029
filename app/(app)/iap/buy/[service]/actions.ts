"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizeBuyer } from "@/lib/billing/authorize-buyer";
import { buyPackSchema, type ActionState } from "@/lib/billing/schemas";
import { BuyRefusedError, startCheckout } from "@/lib/billing/start-checkout";
import { formDataOf } from "@/lib/http/params";

/** Buy on a pack card: a pending purchase, then off to Stripe or the demo checkout. */
export async function buyPackAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  formData = formDataOf(formData);
  const { user, refused } = await authorizeBuyer();
  if (refused) return refused;
  const parsed = buyPackSchema.safeParse({ service: formData.get("service"), packId: formData.get("packId") });
  if (!parsed.success) return { ok: false, message: "Choose a pack.", fieldErrors: z.flattenError(parsed.error).fieldErrors };

  let url: string;
  try {
    ({ url } = await startCheckout(user, parsed.data));
  } catch (error) {
    if (error instanceof BuyRefusedError) return { ok: false, message: error.message };
    throw error;
  }
  // Outside the try: redirect() works by throwing.
  redirect(url);
}
