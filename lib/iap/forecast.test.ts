import { describe, expect, it } from "vitest";
import { forecast, FORECAST_WINDOW_DAYS } from "./forecast";

const days = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => BigInt(f(i)));

describe("forecast", () => {
  it("steady use of 10 a day: 1,000 credits last 100 days", () => {
    expect(forecast(days(28, () => 10), 0n, 1000n)).toEqual({ kind: "lasts", days: 100, unitsPerDay: 10 });
  });

  it("no usage in the window: no recent usage, whatever the balance", () => {
    expect(forecast(days(28, () => 0), 0n, 1000n)).toEqual({ kind: "no-usage" });
    expect(forecast([], 0n, 0n)).toEqual({ kind: "no-usage" });
  });

  it("usage older than the window does not count", () => {
    const series = [...days(10, () => 500), ...days(FORECAST_WINDOW_DAYS, () => 0)];
    expect(forecast(series, 0n, 1000n)).toEqual({ kind: "no-usage" });
  });

  it("only today's use: today's pace", () => {
    expect(forecast(days(28, () => 0), 50n, 1000n)).toMatchObject({ kind: "lasts", days: 20 });
  });

  it("bursty use (700 every 7th day, 0 otherwise) is spread over the days between: about 100 a day, not 700 nor 0", () => {
    const result = forecast(days(28, (i) => (i % 7 === 6 ? 700 : 0)), 0n, 10_000n);
    expect(result.kind).toBe("lasts");
    if (result.kind !== "lasts") return;
    // A burst yesterday weighs most: the pace sits above the plain mean of 100, well below the burst.
    expect(result.unitsPerDay).toBeGreaterThan(100);
    expect(result.unitsPerDay).toBeLessThan(250);
    expect(result.days).toBeGreaterThan(40);
    expect(result.days).toBeLessThan(100);
  });

  it("a pace that doubled last week shows sooner than a plain average would", () => {
    const result = forecast([...days(21, () => 10), ...days(7, () => 20)], 0n, 1000n);
    if (result.kind !== "lasts") throw new Error("expected a forecast");
    const plainMean = (21 * 10 + 7 * 20) / 28;
    expect(result.unitsPerDay).toBeGreaterThan(plainMean);
    expect(result.unitsPerDay).toBeLessThan(20);
  });

  it("no credits left: 0 days", () => {
    expect(forecast(days(28, () => 5), 0n, 0n)).toMatchObject({ kind: "lasts", days: 0 });
  });
});
