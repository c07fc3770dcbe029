import type { PurchaseView } from "../purchases";

/** What a checkout provider needs to collect payment for one purchase. */
export interface CheckoutOrder {
  purchase: PurchaseView;
  buyerEmail: string;
}

export interface CheckoutStart {
  /** Where to send the buyer's browser: Stripe's hosted page or the in-app demo page. */
  url: string;
  /** The provider's id for this checkout (Stripe Checkout Session id), stored on the purchase. */
  providerRef: string;
}

/** Stripe when STRIPE_SECRET_KEY is set, the demo checkout in demo mode (lib/billing/checkout/index.ts). */
export interface CheckoutProvider {
  readonly name: "STRIPE" | "DEMO";
  start(order: CheckoutOrder): Promise<CheckoutStart>;
}
