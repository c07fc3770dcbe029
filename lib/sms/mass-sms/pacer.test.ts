import { describe, expect, it } from "vitest";
import { GatewayPacer, GatewayUnavailableError } from "./pacer";

// A clock the pacer's waits move forward: what it would do over seconds, at once.
function clock() {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

describe("the mass SMS pacer", () => {
  it("keeps a configured pace (3 % under it), with bursts of a twentieth of a second at most", async () => {
    const c = clock();
    const pacer = new GatewayPacer({ ratePerSecond: 200, now: c.now, sleep: c.sleep });
    const start = c.now();
    for (let i = 0; i < 1000; i++) await pacer.take();
    const seconds = (c.now() - start) / 1000;
    expect(1000 / seconds).toBeGreaterThan(190);
    expect(1000 / seconds).toBeLessThanOrEqual(200);
  });

  it("a 429 stops every sender for its Retry-After (1 s when none is given)", async () => {
    const c = clock();
    const pacer = new GatewayPacer({ ratePerSecond: 0, now: c.now, sleep: c.sleep });
    const before = c.now();
    pacer.rateLimited(2500);
    await pacer.take();
    expect(c.now() - before).toBe(2500);
    pacer.rateLimited(null);
    await pacer.take();
    expect(c.now() - before).toBe(3500);
    expect(pacer.rateLimitedCount).toBe(2);
  });

  it("a 429 slows a configured pace by 10 %, then it creeps back up, never above the configured pace", async () => {
    const c = clock();
    const pacer = new GatewayPacer({ ratePerSecond: 200, now: c.now, sleep: c.sleep });
    pacer.rateLimited(0);
    expect(pacer.pace).toBeCloseTo(194 * 0.9, 1);
    for (let i = 0; i < 20_000; i++) await pacer.take(); // ~100 s
    expect(pacer.pace).toBeCloseTo(194, 1);
  });

  it("the 429s of every sender in flight slow the pace once, not once each", async () => {
    const c = clock();
    const pacer = new GatewayPacer({ ratePerSecond: 200, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 32; i++) pacer.rateLimited(1000);
    expect(pacer.pace).toBeCloseTo(194 * 0.9, 1);
    expect(pacer.rateLimitedCount).toBe(1);
  });

  it("without a configured pace, a 429 sets it to 95 % of what the gateway accepted over the last two seconds", async () => {
    const c = clock();
    const pacer = new GatewayPacer({ ratePerSecond: 0, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 300; i++) {
      pacer.accepted();
      c.advance(5); // 200 a second
    }
    pacer.rateLimited(0);
    expect(pacer.pace).toBeCloseTo(190, 0);
  });

  it("server errors back off 0.5, 1, 2, 4, 8 s; the sixth in a row gives up; an accepted message resets the count", async () => {
    const c = clock();
    const pacer = new GatewayPacer({ ratePerSecond: 0, now: c.now, sleep: c.sleep });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = c.now();
      pacer.serverError(null);
      pacer.serverError(null); // a second sender hitting the same outage counts once
      await pacer.take();
      waits.push(c.now() - before);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(() => pacer.serverError(null)).toThrow(GatewayUnavailableError);
    const fresh = new GatewayPacer({ ratePerSecond: 0, now: c.now, sleep: c.sleep });
    fresh.serverError(null);
    await fresh.take();
    fresh.accepted();
    fresh.serverError(null);
    const before = c.now();
    await fresh.take();
    expect(c.now() - before).toBe(500);
  });
});
