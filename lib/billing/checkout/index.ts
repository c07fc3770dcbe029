import "server-only";
import { env } from "@/lib/env";
import { stripeConfigured } from "../stripe-client";
import { demoCheckout } from "./demo";
import type { CheckoutProvider } from "./provider";
import { stripeCheckout } from "./stripe";

export type { CheckoutProvider } from "./provider";

export type PaymentsMode = "stripe" | "demo" | "none";

/** Stripe when STRIPE_SECRET_KEY is set; otherwise the demo checkout in demo mode (DEMO), or none: payments are not set up. */
export function paymentsMode(): PaymentsMode {
  if (stripeConfigured()) return "stripe";
  return env().DEMO ? "demo" : "none";
}

export function checkoutProvider(): CheckoutProvider | null {
  const mode = paymentsMode();
  return mode === "stripe" ? stripeCheckout : mode === "demo" ? demoCheckout : null;
}
