"use server";

import { redirect } from "next/navigation";
import { formAction, refuse } from "@/lib/actions/action";
import { BuyRefusedError } from "@/lib/billing/errors";
import { BUY_REFUSALS } from "../../_messages/buy-refusals";
import { buyPackSchema } from "@/lib/billing/schemas";
import { startCheckout } from "@/lib/billing/start-checkout";

/** Buy on a pack card: a pending purchase, then off to Stripe or the demo checkout. Only administrators buy. */
export const buyPackAction = formAction({
  role: "ADMIN",
  input: buyPackSchema,
  async run({ user, input }) {
    let url: string;
    try {
      ({ url } = await startCheckout(user, input));
    } catch (error) {
      if (error instanceof BuyRefusedError) return refuse(BUY_REFUSALS[error.code]);
      throw error;
    }
    // Outside the try: redirect() works by throwing.
    redirect(url);
  },
});
