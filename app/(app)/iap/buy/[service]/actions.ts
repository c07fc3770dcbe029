"use server";

import { redirect } from "next/navigation";
import { formAction, refuse } from "@/lib/actions/action";
import { BuyRefusedError } from "@/lib/billing/errors";
import { wordsFor } from "@/lib/alerts/words";
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
      // In the buyer's language (their profile's, else the company's).
      if (error instanceof BuyRefusedError) return refuse(wordsFor(user.locale ?? "en", "buy")(`refusals.${error.code}`));
      throw error;
    }
    // Outside the try: redirect() works by throwing.
    redirect(url);
  },
});
