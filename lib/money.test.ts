import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("formats minor units exactly in the currency's digits", () => {
    expect(formatMoney(1250, "EUR")).toBe("€12.50");
    expect(formatMoney(100000, "EUR")).toBe("€1,000.00");
    expect(formatMoney(500, "JPY", "en-US")).toBe("¥500");
    expect(formatMoney(5, "USD", "en-US")).toBe("$0.05");
    expect(formatMoney(-1999, "EUR")).toBe("-€19.99");
  });

  it("keeps every digit of amounts beyond 2^53", () => {
    expect(formatMoney(9007199254740993n, "EUR")).toBe("€90,071,992,547,409.93");
  });
});
