import { describe, expect, test } from "vitest";
import { amountString, compareDecimal, decimalString, divideDecimal, negateDecimal } from "./decimal";

describe("exact decimal strings", () => {
  test.each([
    ["9.9000", 2, "9.90"],
    ["20.0000", 0, "20"],
    ["+5", 2, "5.00"],
    ["0.025", 2, "0.025"],
    ["-0.00", 2, "0.00"],
    ["007.50", 0, "7.5"],
    ["abc", 2, null],
  ] as const)("%s (min %i decimals) → %s", (text, min, out) => {
    expect(decimalString(text, min)).toBe(out);
  });

  test("amounts, negation, comparison and division stay exact", () => {
    expect(amountString("473")).toBe("473.00");
    expect(negateDecimal("233.47")).toBe("-233.47");
    expect(negateDecimal("-1.00")).toBe("1.00");
    expect(negateDecimal("0.00")).toBe("0.00");
    expect(compareDecimal("0.30", "0.3")).toBe(0);
    expect(compareDecimal("0.1", "0.2")).toBe(-1);
    expect(divideDecimal("10", "3", 4)).toBe("3.3333");
    expect(divideDecimal("2.50", "100")).toBe("0.025");
    expect(divideDecimal("1", "0")).toBeNull();
  });
});
