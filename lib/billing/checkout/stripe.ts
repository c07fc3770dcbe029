import "server-only";
import { env } from "@/lib/env";
import { buyCreditsPath, CHECKOUT_SUCCESS_PATH } from "@/lib/routes";
import { formatPackCredits } from "../pack-pricing";
import { stripeClient } from "../stripe-client";
import type { CheckoutProvider } from "./provider";

/** A Stripe Checkout Session in payment mode, priced from the purchase's snapshot. */
export const stripeCheckout: CheckoutProvider = {
  name: "STRIPE",
  async start({ purchase, buyerEmail }) {
    const appUrl = env().APP_URL;
    const id = String(purchase.id);
    const credits = formatPackCredits(purchase.credits, purchase.service.decimals);
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: purchase.currency.toLowerCase(),
              unit_amount: purchase.amount,
              product_data: { name: `${purchase.service.name} — ${purchase.packName} (${credits} credits)` },
            },
          },
        ],
        // The purchase id comes back in every event about this session and
        // decides what gets fulfilled; the session id on the purchase is
        // checked against it.
        metadata: { purchaseId: id },
        client_reference_id: id,
        payment_intent_data: { metadata: { purchaseId: id } },
        customer_email: buyerEmail,
        success_url: `${appUrl}${CHECKOUT_SUCCESS_PATH}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${appUrl}${buyCreditsPath(purchase.service.technicalName)}?cancelled=1`,
      },
      // A retried request (network error, double submit of the same purchase)
      // returns the same session instead of opening a second one.
      { idempotencyKey: `checkout-session:purchase:${id}` },
    );
    if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
    return { url: session.url, providerRef: session.id };
  },
};
