import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sayIssues } from "@/lib/i18n/issues";
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
      warningLocale: null,
    });
    expect(sms.parse({ warnEnabled: "on", threshold: "12.5", email: "a@b.co" })).toMatchObject({ threshold: 1250n });
    expect(whole.parse({ warnEnabled: "on", threshold: "0", email: "a@b.co" })).toMatchObject({ threshold: 0n });
  });

  it("a French reader types the decimal comma", () => {
    expect(warningSettingsSchema(2, "fr").parse({ warnEnabled: "on", threshold: "12,5", email: "a@b.co" })).toMatchObject({ threshold: 1250n });
    expect(warningSettingsSchema(2, "fr").parse({ warnEnabled: "on", threshold: "1 234,56", email: "a@b.co" })).toMatchObject({ threshold: 123456n });
    // In English "12,5" is not a number (a comma groups thousands).
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "12,5", email: "a@b.co" }))).toEqual({ threshold: ["iap.creditsInput.not-a-number"] });
  });

  it("a negative threshold is refused next to the field", () => {
    const result = sms.safeParse({ warnEnabled: "on", threshold: "-5", email: "ops@example.com" });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toEqual({ threshold: ["iap.creditsInput.negative"] });
  });

  it("decimals only where the service allows them", () => {
    expect(errorsOf(whole.safeParse({ warnEnabled: "on", threshold: "2.5", email: "a@b.co" })).threshold).toEqual(["iap.creditsInput.whole-only"]);
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "2.555", email: "a@b.co" })).threshold).toEqual(["iap.creditsInput.too-many-decimals"]);
  });

  it("the codes read as sentences in each language, with the service's decimals", () => {
    const said = (locale: "en" | "fr" | "zh-CN", result: ReturnType<typeof sms.safeParse>) => (result.success ? {} : z.flattenError(sayIssues(result.error, locale)).fieldErrors) as Record<string, string[] | undefined>;
    const tooPrecise = { warnEnabled: "on", threshold: "2.555", email: "a@b.co" };
    expect(said("en", sms.safeParse(tooPrecise)).threshold).toEqual(["Use at most 2 decimal places."]);
    expect(said("fr", warningSettingsSchema(2, "fr").safeParse({ ...tooPrecise, threshold: "2,555" })).threshold).toEqual(["Utilisez au plus 2\u00a0décimales."]);
    expect(said("zh-CN", sms.safeParse({ warnEnabled: "on", threshold: "50", email: "" })).email).toEqual(["请输入接收警告的电子邮件地址。"]);
  });

  it("the warning e-mail is required and must be valid when Warn Me is ticked; both errors at once", () => {
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "50", email: "" }))).toEqual({ email: ["iap.warning.emailMissing"] });
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "50", email: "not-an-email" }))).toEqual({ email: ["iap.warning.emailInvalid"] });
    const both = errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "abc", email: "x@" }));
    expect(Object.keys(both).sort()).toEqual(["email", "threshold"]);
  });

  it("the e-mail's language: one of ours, or blank for the company's; anything else is refused", () => {
    expect(sms.parse({ warnEnabled: "on", threshold: "50", email: "a@b.co", warningLocale: "fr" })).toMatchObject({ warningLocale: "fr" });
    expect(sms.parse({ warningLocale: "zh-CN" })).toEqual({ warnEnabled: false, warningLocale: "zh-CN" });
    expect(sms.parse({ warnEnabled: "on", threshold: "50", email: "a@b.co", warningLocale: "" })).toMatchObject({ warningLocale: null });
    expect(errorsOf(sms.safeParse({ warnEnabled: "on", threshold: "50", email: "a@b.co", warningLocale: "de" }))).toEqual({ warningLocale: ["iap.warning.localeUnknown"] });
  });

  it("unticked: nothing else is checked (the stored values are kept)", () => {
    expect(sms.parse({ threshold: "-5", email: "nope" })).toEqual({ warnEnabled: false, warningLocale: null });
    expect(sms.parse({})).toEqual({ warnEnabled: false, warningLocale: null });
  });
});
