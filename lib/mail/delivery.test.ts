import { describe, expect, it } from "vitest";
import { backoffSeconds } from "./delivery";

describe("retry backoff", () => {
  it("doubles from one minute and stops growing at six hours", () => {
    expect([1, 2, 3, 4, 5].map(backoffSeconds)).toEqual([60, 120, 240, 480, 960]);
    expect(backoffSeconds(30)).toBe(6 * 60 * 60);
  });
});
