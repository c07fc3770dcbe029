// The words for lib/billing's buy refusals (BuyRefusedError codes).
import type { BuyRefusal } from "@/lib/billing/errors";

export const BUY_REFUSALS: Record<BuyRefusal, string> = {
  "admins-only": "Only administrators can buy credits.",
  "pack-not-on-sale": "This pack is no longer on sale. Reload the page to see the current packs.",
  "checkout-unavailable": "The payment page could not be opened. No money was taken; try again in a moment.",
  "purchase-not-found": "This purchase does not exist.",
  "purchase-canceled": "This purchase was cancelled, so it can no longer be paid. Choose a pack again on the Buy Credits page.",
  "payments-not-set-up":
    "Payments are not set up on this server, so no credits were added. An operator sets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (README, “Running in production”) to take payments with Stripe.",
  "demo-checkout-off":
    "The demo checkout is off: this server is not in demo mode, so a demo purchase can no longer be paid and no credits were added. Choose a pack again once payments are set up.",
};
