// Dates and times in the reader's language and time zone, the zone named.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./date-time";

const instant = new Date("2026-11-21T20:51:00Z");

describe("date-time formats", () => {
  it("English: day month year, 24-hour clock, the zone named (winter and summer time)", () => {
    expect(formatDateTime(instant)).toBe("21 Nov 2026, 20:51 UTC");
    expect(formatDateTime(instant, "en", "Europe/Brussels")).toBe("21 Nov 2026, 21:51 CET");
    expect(formatDateTime(new Date("2026-07-01T08:00:00Z"), "en", "Europe/Brussels")).toBe("1 Jul 2026, 10:00 CEST");
  });

  it("French and Chinese read the same instant their own way, in the reader's zone", () => {
    expect(formatDateTime(instant, "fr", "Europe/Paris")).toBe("21 nov. 2026, 21:51 UTC+1");
    expect(formatDateTime(instant, "zh-CN", "Asia/Shanghai")).toBe("2026年11月22日 GMT+8 04:51");
  });

  it("a calendar date is the same day in every zone", () => {
    expect(formatDate(new Date("2026-03-01T00:00:00Z"))).toBe("1 Mar 2026");
    expect(formatDate(new Date("2026-03-01T00:00:00Z"), "fr")).toBe("1 mars 2026");
  });
});
