import "server-only";
import { stripeConfigured } from "../stripe-client";
import { demoCheckout } from "./demo";
import type { CheckoutProvider } from "./provider";
import { stripeCheckout } from "./stripe";

export type { CheckoutProvider } from "./provider";

/** Stripe when STRIPE_SECRET_KEY is set; otherwise the demo checkout. */
export function checkoutProvider(): CheckoutProvider {
  return stripeConfigured() ? stripeCheckout : demoCheckout;
}
