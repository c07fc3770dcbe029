import { describe, expect, it } from "vitest";
import { formatPackCredits, formatPricePerCredit } from "./pack-pricing";

describe("pack pricing", () => {
  it("gives the price of one credit, with up to two extra decimals", () => {
    // Standard SMS pack: €12.00 for 100 credits (SMS units carry 2 decimals).
    expect(formatPricePerCredit(1200, "EUR", 10000n, 2)).toBe("€0.12");
    expect(formatPricePerCredit(9000, "EUR", 1000n, 0)).toBe("€0.09");
    expect(formatPricePerCredit(150, "EUR", 1000n, 2)).toBe("€0.15");
    expect(formatPricePerCredit(1000, "EUR", 300n, 0)).toBe("€0.0333");
    expect(formatPricePerCredit(2, "EUR", 30n, 0)).toBe("€0.0007");
    expect(formatPricePerCredit(1200, "EUR", 10n, 0)).toBe("€1.20");
    expect(formatPricePerCredit(100000, "EUR", 1000n, 0)).toBe("€1.00");
    expect(formatPricePerCredit(1000, "JPY", 3n, 0, "en-US")).toBe("¥333.33");
  });

  it("shows pack sizes without trailing zero decimals", () => {
    expect(formatPackCredits(10000n, 2)).toBe("100");
    expect(formatPackCredits(100000n, 2)).toBe("1,000");
    expect(formatPackCredits(1050n, 2)).toBe("10.50");
    expect(formatPackCredits(500n, 0)).toBe("500");
  });
});
