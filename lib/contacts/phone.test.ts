import { describe, expect, it } from "vitest";
import { displayPhone, parsePhone } from "./phone";

describe("phone numbers", () => {
  it("formats a national number with the contact's country", () => {
    expect(parsePhone("06 12 34 56 78", { contact: "FR", company: "BE" })).toEqual({ e164: "+33612345678", international: "+33 6 12 34 56 78", country: "FR" });
  });

  it("falls back to the company's country when the contact has none", () => {
    expect(parsePhone("0470 12 34 56", { company: "BE" })?.e164).toBe("+32470123456");
  });

  it('handles "00" and a missing "+"', () => {
    expect(parsePhone("0033 6 12 34 56 78", {})?.e164).toBe("+33612345678");
    expect(parsePhone("33612345678", { company: "BE" })?.e164).toBe("+33612345678");
    expect(parsePhone("+44 7400 123456", { contact: "FR" })?.country).toBe("GB");
  });

  it("refuses numbers that parse but are not valid, and text", () => {
    expect(parsePhone("12345", { contact: "FR", company: "BE" })).toBeNull();
    expect(parsePhone("+33 12", { contact: "FR" })).toBeNull();
    expect(parsePhone("call me", { contact: "FR" })).toBeNull();
    expect(parsePhone("", { contact: "FR" })).toBeNull();
    expect(displayPhone(" 12345 ", { contact: "FR" })).toBe("12345");
  });
});
