// Refusals of the buying flow, in their own module so that the checkout
// providers and start-checkout can share them without importing each other.

/** A buy request the app refuses; the message is for the buyer. */
export class BuyRefusedError extends Error {
  readonly name = "BuyRefusedError";
}

export const PAYMENTS_NOT_SET_UP =
  "Payments are not set up on this server, so no credits were added. An operator sets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (README, “Running in production”) to take payments with Stripe.";
export const DEMO_CHECKOUT_OFF =
  "The demo checkout is off: this server is not in demo mode, so a demo purchase can no longer be paid and no credits were added. Choose a pack again once payments are set up.";
