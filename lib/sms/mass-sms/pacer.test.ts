import { describe, expect, it } from "vitest";
import { GatewayPacer, GatewayUnavailableError } from "./pacer";

// A clock the pacer's waits move forward: what it would do over seconds, at once.
function clock() {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

/** A pacer at `ratePerSecond` (0: none configured) on its own clock. */
function pacerOnClock(ratePerSecond: number) {
  const c = clock();
  return { c, pacer: new GatewayPacer({ ratePerSecond, now: c.now, sleep: c.sleep }) };
}

/** The gateway accepts `count` messages, one every `everyMs` (its answers set the pace). */
async function gatewayAccepts(pacer: GatewayPacer, c: ReturnType<typeof clock>, count: number, everyMs: number) {
  for (let i = 0; i < count; i++) {
    await pacer.take();
    pacer.accepted();
    c.advance(everyMs);
  }
}

describe("the mass SMS pacer", () => {
  it("keeps a configured pace (3 % under it), with bursts of a twentieth of a second at most", async () => {
    const { c, pacer } = pacerOnClock(200);
    const start = c.now();
    for (let i = 0; i < 1000; i++) await pacer.take();
    const seconds = (c.now() - start) / 1000;
    expect(1000 / seconds).toBeGreaterThan(190);
    expect(1000 / seconds).toBeLessThanOrEqual(200);
    // After a second idle, what goes at once is a twentieth of a second's worth, not a second's.
    c.advance(1000);
    const idleEnd = c.now();
    let atOnce = 0;
    while ((await pacer.take()) === idleEnd) atOnce++;
    expect(atOnce).toBeLessThanOrEqual(11);
  });

  it("a 429 holds its message back for its Retry-After (1 s when none is given), not the others", async () => {
    const { c, pacer } = pacerOnClock(0);
    const before = c.now();
    await pacer.rateLimited(2500, await pacer.take());
    expect(c.now() - before).toBe(2500);
    await pacer.rateLimited(null, await pacer.take());
    expect(c.now() - before).toBe(3500);
    // Nothing was accepted yet (the gateway refuses everything): no pace to lower, the next message goes at once.
    const next = c.now();
    await pacer.take();
    expect(c.now()).toBe(next);
    expect(pacer.pace).toBe(0);
    expect(pacer.rateLimitedCount).toBe(2);
  });

  it("an isolated round of 429s leaves a configured pace alone; a second within 2 s lowers it by 10 %, which climbs back, never above it", async () => {
    const { c, pacer } = pacerOnClock(200);
    await pacer.rateLimited(0, await pacer.take());
    expect(pacer.pace).toBeCloseTo(194, 1);
    for (let i = 0; i < 600; i++) await pacer.take(); // ~3 s: the next round is isolated too
    await pacer.rateLimited(0, await pacer.take());
    expect(pacer.decreases).toBe(0);
    c.advance(500);
    await pacer.rateLimited(0, await pacer.take());
    expect(pacer.decreases).toBe(1);
    expect(pacer.pace).toBeCloseTo(194 * 0.9, 1);
    for (let i = 0; i < 400; i++) await pacer.take(); // ~2 s
    expect(pacer.pace).toBeGreaterThan(194 * 0.98);
    for (let i = 0; i < 2000; i++) await pacer.take();
    expect(pacer.pace).toBeCloseTo(194, 1);
  });

  it("the 429s to requests sent before a round count in it: one burst lowers the pace once, not once each", async () => {
    const { c, pacer } = pacerOnClock(200);
    await pacer.rateLimited(0, await pacer.take());
    c.advance(1);
    const burst = [];
    for (let i = 0; i < 32; i++) burst.push(await pacer.take());
    for (const sentAt of burst) await pacer.rateLimited(0, sentAt);
    expect(pacer.pace).toBeCloseTo(194 * 0.9, 0);
    expect(pacer.rateLimitedCount).toBe(33);
    expect(pacer.decreases).toBe(1);
    // A 429 to a request sent after that lowers it again: the gateway allows less than this.
    c.advance(1);
    await pacer.rateLimited(0, await pacer.take());
    expect(pacer.decreases).toBe(2);
    expect(pacer.pace).toBeLessThan(194 * 0.82);
  });

  it("a round lowers the pace to 90 % of what the gateway let through when that is less: one round, not several", async () => {
    const { c, pacer } = pacerOnClock(0);
    await gatewayAccepts(pacer, c, 300, 5); // 200 a second
    await pacer.rateLimited(0, await pacer.take());
    expect(pacer.pace).toBeCloseTo(180, 0);
    // The gateway now lets 100 a second through (its answers come slower than the pace).
    await gatewayAccepts(pacer, c, 100, 10);
    await pacer.rateLimited(0, await pacer.take());
    expect(pacer.pace).toBeCloseTo(90, 0);
    expect(pacer.decreases).toBe(2);
  });

  it("never lowers a configured pace below half of it", async () => {
    const { c, pacer } = pacerOnClock(200);
    for (let i = 0; i < 50; i++) {
      await pacer.rateLimited(0, await pacer.take());
      c.advance(1);
    }
    expect(pacer.pace).toBeCloseTo(97, 0);
  });

  it("without a configured pace, the first 429 sets it to 90 % of what the gateway accepted over the last second", async () => {
    const { c, pacer } = pacerOnClock(0);
    await gatewayAccepts(pacer, c, 300, 5); // 200 a second
    await pacer.rateLimited(0, await pacer.take());
    expect(pacer.pace).toBeCloseTo(180, 0);
  });

  it("server errors pause every sender 0.5, 1, 2, 4, 8 s; the sixth in a row gives up; an accepted message resets the count", async () => {
    const { c, pacer } = pacerOnClock(0);
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
