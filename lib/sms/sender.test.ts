import { describe, expect, it } from "vitest";
import { senderFor, senderNameSchema } from "./sender";

describe("SMS sender", () => {
  it("uses the company's name where the country allows one, the number elsewhere or when none is set", () => {
    expect(senderFor("ACME", "FR")).toEqual({ kind: "name", name: "ACME" });
    expect(senderFor("ACME", "US")).toEqual({ kind: "number" });
    expect(senderFor("ACME", "CA")).toEqual({ kind: "number" });
    expect(senderFor("ACME", null)).toEqual({ kind: "number" });
    expect(senderFor(null, "FR")).toEqual({ kind: "number" });
  });

  it("accepts 1–11 letters, digits and spaces with a letter; refuses the rest", () => {
    expect(senderNameSchema.parse(" Demo Co ")).toBe("Demo Co");
    expect(senderNameSchema.safeParse("TwelveLetters").success).toBe(false);
    expect(senderNameSchema.safeParse("12345").success).toBe(false);
    expect(senderNameSchema.safeParse("Café").success).toBe(false);
    expect(senderNameSchema.parse("")).toBe("");
  });
});
