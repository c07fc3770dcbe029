import { describe, expect, it } from "vitest";
import { BuyRefusedError } from "@/lib/billing/errors";
import { HoldNotPendingError, InsufficientCreditsError } from "@/lib/iap/errors";
import { SmsGatewayError } from "@/lib/sms/gateways/gateway";
import { AppError, httpStatusOf, isAppError, succeeds } from "./errors";

describe("errors as codes", () => {
  it("carry a code and plain details, and log them in the message", () => {
    const error = new AppError("no-price", "invalid", { country: "AQ" });
    expect(error).toMatchObject({ code: "no-price", details: { country: "AQ" }, httpStatus: 422 });
    expect(error.message).toBe('no-price {"country":"AQ"}');
    expect(new AppError("gone", "not-found").message).toBe("gone");
  });

  it("map each kind of failure to its HTTP status; anything else is a 500", () => {
    const service = { technicalName: "sms" as const, name: "SMS", decimals: 2 };
    expect(httpStatusOf(new InsufficientCreditsError(service, 164n, 50n))).toBe(402);
    expect(httpStatusOf(new HoldNotPendingError(7, "CAPTURED"))).toBe(409);
    expect(httpStatusOf(new BuyRefusedError("admins-only"))).toBe(403);
    expect(httpStatusOf(new SmsGatewayError("timeout", { timeoutMs: 10_000 }))).toBe(503);
    expect(httpStatusOf(new SmsGatewayError("unsubscribed"))).toBe(422);
    expect(httpStatusOf(new Error("boom"))).toBe(500);
    expect(isAppError(new RangeError("x"))).toBe(false);
  });

  it("succeeds answers yes or no for a check whose only answer is an exception", () => {
    expect(succeeds(() => decodeURIComponent("/contacts/%E2%9C%93"))).toBe(true);
    expect(succeeds(() => decodeURIComponent("/contacts/%ZZ"))).toBe(false);
    expect(succeeds(() => new Intl.DateTimeFormat("en", { timeZone: "Mars/Olympus_Mons" }))).toBe(false);
  });

  it("keep what the buy prompt needs on the credits error", () => {
    const error = new InsufficientCreditsError({ technicalName: "sms", name: "SMS", decimals: 2 }, 164n, 50n);
    expect(error).toMatchObject({ code: "insufficient-credits", shortfall: 114n, buyUrl: "/iap/buy/sms", details: { service: "sms", needed: "164", available: "50" } });
  });
});
