"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { buyPackSchema, type ActionState } from "@/lib/billing/schemas";
import { BuyRefusedError, startCheckout } from "@/lib/billing/start-checkout";

/** Buy on a pack card: a pending purchase, then off to Stripe or the demo checkout. */
export async function buyPackAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let user;
  try {
    user = await authorize("ADMIN");
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { ok: false, message: error.status === 403 ? "Only administrators can buy credits." : error.message };
  }
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
