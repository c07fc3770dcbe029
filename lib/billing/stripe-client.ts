import "server-only";
import Stripe from "stripe";
import { ConfigError, env } from "@/lib/env";

/**
 * SDK options for STRIPE_API_URL (a stripe-mock or a local test server):
 * the SDK takes host, port and protocol separately. Retries and telemetry are
 * off there so a test sees exactly the requests the app makes. Unset: Stripe's
 * own API with the SDK's defaults.
 */
export function stripeConfig(apiUrl: string | undefined): Stripe.StripeConfig {
  if (!apiUrl) return { maxNetworkRetries: 2 };
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return {
    host: url.hostname,
    port: url.port || (protocol === "http" ? 80 : 443),
    protocol,
    maxNetworkRetries: 0,
    telemetry: false,
  };
}

let cached: { key: string; apiUrl: string | undefined; client: Stripe } | undefined;

/** The Stripe client for STRIPE_SECRET_KEY (and STRIPE_API_URL). Only call when Stripe is configured. */
export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_URL: apiUrl } = env();
  if (!key) throw new ConfigError("STRIPE_SECRET_KEY is not set: payments use the demo checkout.");
  if (cached?.key !== key || cached.apiUrl !== apiUrl) {
    cached = { key, apiUrl, client: new Stripe(key, stripeConfig(apiUrl)) };
  }
  return cached.client;
}

export function stripeConfigured(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}
