import { describe, expect, it } from "vitest";
import { formatMoney, formatPricePerCredit } from "./money";

describe("money formatting", () => {
  it("formats minor units exactly with the currency's symbol", () => {
    expect(formatMoney(1200, "EUR")).toBe("€12.00");
    expect(formatMoney(150, "EUR")).toBe("€1.50");
    expect(formatMoney(100000, "EUR")).toBe("€1,000.00");
    expect(formatMoney(5, "EUR")).toBe("€0.05");
    expect(formatMoney(1234, "JPY")).toBe("¥1,234");
    // Beyond 2^53 a float would lose the last cent.
    expect(formatMoney(9007199254740993n, "USD")).toBe("$90,071,992,547,409.93");
  });

  it("gives the price of one credit, with up to two extra decimals", () => {
    // Standard SMS pack: €12.00 for 100 credits (units carry 2 decimals).
    expect(formatPricePerCredit(1200, "EUR", 10000n, 2)).toBe("€0.12");
    expect(formatPricePerCredit(9000, "EUR", 1000n, 0)).toBe("€0.09");
    expect(formatPricePerCredit(12000, "EUR", 1000n, 0)).toBe("€0.12");
    expect(formatPricePerCredit(1000, "EUR", 300n, 0)).toBe("€0.0333");
    expect(formatPricePerCredit(2, "EUR", 30n, 0)).toBe("€0.0007");
    expect(formatPricePerCredit(100000, "EUR", 1000n, 0)).toBe("€1.00");
    expect(formatPricePerCredit(1200, "EUR", 10n, 0)).toBe("€1.20");
  });
});
