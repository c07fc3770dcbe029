import { describe, expect, it } from "vitest";
import { MAX_ID, idField, parseBigId, parseId, parsePage } from "./params";

describe("request numbers bounded by their columns", () => {
  it.each(["1", "42", String(MAX_ID)])("id %s is an id", (raw) => expect(parseId(raw)).toBe(Number(raw)));
  it.each(["0", "-1", "1e3", "1.5", " 1", "01", "0x10", String(MAX_ID + 1), "99999999999", "9".repeat(400), "", "abc"])("id %j is none", (raw) => {
    expect(parseId(raw)).toBeNull();
  });

  it("ledger ids go up to bigint's limit", () => {
    expect(parseBigId("9223372036854775807")).toBe(9223372036854775807n);
    expect(parseBigId("9223372036854775808")).toBeNull();
    expect(parseBigId("99999999999999999999")).toBeNull();
    expect(parseBigId("-5")).toBeNull();
  });

  it.each([
    ["1e30", 1],
    ["-5", 1],
    ["abc", 1],
    ["0", 1],
    ["7", 7],
    ["99999999999", 1],
    [undefined, 1],
  ])("page %j reads as %i", (raw, page) => expect(parsePage(raw)).toBe(page));

  it("a page past the last one is the last one", () => expect(parsePage("50", 3)).toBe(3));

  it("an id field refuses what the column cannot hold, with the message given", () => {
    const schema = idField("Unknown contact.");
    expect(schema.safeParse("12").data).toBe(12);
    for (const bad of ["99999999999", "-1", "1.5", "x", "", null, 1e30]) {
      const parsed = schema.safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).toBe("Unknown contact.");
    }
  });
});
