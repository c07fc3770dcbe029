import { describe, expect, it } from "vitest";
import { fromUnits, requestAmount, toUnits } from "./amounts";

describe("API amounts", () => {
  it("reads decimal strings exactly in the service's scale", () => {
    expect(toUnits("1.5", 2)).toEqual({ ok: true, units: 150n });
    expect(toUnits("0.01", 2)).toEqual({ ok: true, units: 1n });
    expect(toUnits("3", 0)).toEqual({ ok: true, units: 3n });
    expect(toUnits("3.000", 0)).toEqual({ ok: true, units: 3n });
    expect(toUnits("999999999999999.99", 2)).toEqual({ ok: true, units: 99999999999999999n });
  });

  it("refuses more decimal places than the service has, and zero", () => {
    expect(toUnits("1.005", 2)).toEqual({ ok: false, code: "too_many_decimals" });
    expect(toUnits("0.5", 0)).toEqual({ ok: false, code: "too_many_decimals" });
    expect(toUnits("0", 2)).toEqual({ ok: false, code: "not_positive" });
    expect(toUnits("0.00", 2)).toEqual({ ok: false, code: "not_positive" });
  });

  it("accepts only plain decimal strings in requests", () => {
    for (const bad of ["-1", "1e3", "1,5", " 1", "+1", "", ".5", "1.", "0x10", "1.1234567"]) {
      expect(requestAmount.safeParse(bad).success, bad).toBe(false);
    }
    expect(requestAmount.safeParse("12.50").success).toBe(true);
  });

  it("writes the service's exact scale, signed", () => {
    expect(fromUnits(150n, 2)).toBe("1.50");
    expect(fromUnits(-150n, 2)).toBe("-1.50");
    expect(fromUnits(123456789n, 0)).toBe("123456789");
  });
});
