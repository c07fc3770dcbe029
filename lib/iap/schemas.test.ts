import { describe, expect, it } from "vitest";
import { z } from "zod";
import { warningSettingsSchema } from "./schemas";

const sms = warningSettingsSchema(2);
const whole = warningSettingsSchema(0);

function errorsOf(result: ReturnType<typeof sms.safeParse>) {
  return (result.success ? {} : z.flattenError(result.error).fieldErrors) as Record<string, string[] | undefined>;
}

describe("Warn Me settings", () => {
  it("ticked with a threshold and an address: units in the service's decimals", () => {
    expect(sms.parse({ warnEnabled: "on", threshold: "50", email: " ops@example.com " })).toEqual({
      warnEnabled: true,
      threshold: 5000n,
      email: "ops@example.com",
    });
    expect(sms.parse({ warnEnabled: "on", threshold: "12.5", email: "a@b.co" })).toMatchObject({ threshold: 1250n });
    expect(whole.parse({ warnEnabled: "on", threshold: "0", email: "a@b.co" })).toMatchObject({ threshold: 0n });
  });

  it("a negative threshold is refused next to the field", () => {
    const result = sms.safeParse({ warnEnabled: "on", threshold: "-5", email: "ops@example.com" });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toEqual({ threshold: ["Enter a number of credits of 0 or more."] });
  });

  it("decimals only where the service allows them", () => {
    expect(errorsOf(whole.safeParse({ warnEnabled: "on", threshold: "2.5", email: "a@b.co" })).threshold?.[0]).toMatch(/whole number/);
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "2.555", email: "a@b.co" })).threshold?.[0]).toMatch(/at most 2 decimal/);
  });

  it("the warning e-mail is required and must be valid when Warn Me is ticked; both errors at once", () => {
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "50", email: "" }))).toEqual({
      email: ["Enter the e-mail address that receives the warning."],
    });
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "50", email: "not-an-email" }))).toEqual({
      email: ["Enter a valid e-mail address, such as name@example.com."],
    });
    const both = errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "abc", email: "x@" }));
    expect(Object.keys(both).sort()).toEqual(["email", "threshold"]);
  });

  it("unticked: nothing else is checked (the stored values are kept)", () => {
    expect(sms.parse({ threshold: "-5", email: "nope" })).toEqual({ warnEnabled: false });
    expect(sms.parse({})).toEqual({ warnEnabled: false });
  });
});
