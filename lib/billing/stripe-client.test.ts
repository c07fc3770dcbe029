import { describe, expect, it } from "vitest";
import { stripeConfig } from "./stripe-client";

describe("stripeConfig", () => {
  it("points the SDK at STRIPE_API_URL, without retries or telemetry", () => {
    expect(stripeConfig("http://localhost:12111")).toEqual({ host: "localhost", port: "12111", protocol: "http", maxNetworkRetries: 0, telemetry: false });
    expect(stripeConfig("https://stripe-proxy.internal")).toMatchObject({ host: "stripe-proxy.internal", port: 443, protocol: "https" });
  });

  it("leaves Stripe's own API and the SDK's retries when unset", () => {
    expect(stripeConfig(undefined)).toEqual({ maxNetworkRetries: 2 });
  });
});
