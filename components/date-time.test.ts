// The one date-time format: UTC (and saying so) where the reader's zone is not
// known yet, the reader's own zone in the browser.
import { describe, expect, it } from "vitest";
import { formatDateTime, formatLocalDateTime } from "./date-time";

const instant = new Date("2026-11-21T20:51:00Z");

describe("date-time formats", () => {
  it("server side: UTC, named", () => {
    expect(formatDateTime(instant)).toBe("21 Nov 2026, 20:51 UTC");
  });

  it("in the browser: the reader's zone, named (winter and summer time)", () => {
    expect(formatLocalDateTime(instant, "Europe/Brussels")).toBe("21 Nov 2026, 21:51 CET");
    expect(formatLocalDateTime(new Date("2026-07-01T08:00:00Z"), "Europe/Brussels")).toBe("1 Jul 2026, 10:00 CEST");
    expect(formatLocalDateTime(instant)).toMatch(/^\d{1,2} Nov 2026, \d\d:\d\d \S+$/);
  });
});
