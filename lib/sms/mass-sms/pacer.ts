// How fast a mass SMS hands messages to the gateway: one pacer per process and
// gateway, shared by every sender of every chunk (chunks run one at a time
// across the cluster, lib/jobs/list.ts, so it paces the whole app).
//  - A configured pace (SMS_RATE_PER_SECOND, the sender's documented limit) is
//    kept 3 % under it (requests arrive with jitter). Each send gets its own
//    slot on an even schedule (one timer per send, no thundering herd of
//    waiting senders); slots not used while idle allow a burst of a twentieth
//    of a second at most, well inside the gateway's own bucket.
//  - A 429 refuses one message, not the batch: that message (and its sender)
//    waits its Retry-After (1 s when none is given) — a floor, never shortened —
//    while the other senders carry on. Answers to requests sent before the
//    last round of 429s belong to it (the 32 answers to one burst are one
//    round). With a configured pace, an isolated round is jitter (the
//    gateway's own stalls bunch requests up): it costs those messages their
//    wait and nothing else. A second round within CONFIRM_MS says the gateway
//    allows less than configured: the pace drops to 90 % of what the gateway
//    accepted over the last second (or of the pace, if that is lower: a pace
//    far above what gets through comes down in one round, not five), half the
//    configured pace at least, and climbs back by 5 % of itself a second,
//    never above the configured one. A gateway refusing everything parks
//    every sender: the batch then waits as long as the gateway asks.
//  - Without a configured pace it sends as fast as the senders go until the
//    first 429, then paces at 90 % of what the gateway accepted over the last
//    second; every round after lowers it the same way (additive increase,
//    multiplicative decrease, found from the gateway's answers).
//  - A server error or an unreachable gateway pauses every sender with growing
//    waits (0.5, 1, 2, 4, 8 s); the sixth in a row gives up the attempt (the
//    job retries later).
// Written by hand: the rate-limit packages on npm pace a known rate; none
// reads a gateway's Retry-After and adapts to it.

export interface PacerOptions {
  /** Messages per second; 0 = no fixed pace (found from the 429s). */
  ratePerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class GatewayUnavailableError extends Error {
  readonly name = "GatewayUnavailableError";
}

const MAX_SERVER_ERRORS = 5;
const DEFAULT_RETRY_AFTER_MS = 1000;
const OBSERVED_WINDOW_MS = 1000;
const FIXED_MARGIN = 0.97;
/** Seconds of sends a burst may hold (after idle time). */
const BURST_SECONDS = 1 / 20;
const DECREASE = 0.9;
/** Of the current pace, per second since the last decrease. */
const RECOVERY_PER_SECOND = 0.05;
/** With a configured pace, a round of 429s lowers it only when another round came this recently. */
const CONFIRM_MS = 2_000;

export class GatewayPacer {
  /** Messages per second now; 0 = unpaced (no configured pace and no 429 yet). */
  private rate: number;
  private readonly ceiling: number;
  private readonly floor: number;
  /** When the next send's slot falls (virtual schedule: slots are 1/rate apart). */
  private nextSlotAt: number;
  private changedAt: number;
  /** When the last round of 429s began. */
  private lastRoundAt = -Infinity;
  private readonly configured: boolean;
  private pausedUntil = 0;
  /** Start of the current run of sends (after a second or more without any), for the observed rate. */
  private sendingSince = -Infinity;
  private lastTakeAt = -Infinity;
  private serverErrors = 0;
  private readonly acceptedAt: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Answers 429 received, and the times they lowered the pace: what the tests and the benchmark report. */
  rateLimitedCount = 0;
  decreases = 0;

  constructor(options: PacerOptions) {
    const configured = options.ratePerSecond > 0 ? options.ratePerSecond * FIXED_MARGIN : 0;
    this.rate = configured;
    this.configured = configured > 0;
    this.ceiling = configured || Infinity;
    this.floor = configured ? configured * 0.5 : 1;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.nextSlotAt = this.now();
    this.changedAt = this.now();
  }

  /** Messages per second it paces at now (0 = unpaced). */
  get pace(): number {
    this.recover(this.now());
    return this.rate;
  }

  /** Climbs back after a decrease, by RECOVERY_PER_SECOND of the pace a second, up to the ceiling. */
  private recover(now: number): void {
    if (this.rate > 0 && this.rate < this.ceiling && now > this.changedAt) {
      this.rate = Math.min(this.ceiling, this.rate * (1 + RECOVERY_PER_SECOND * ((now - this.changedAt) / 1000)));
    }
    this.changedAt = now;
  }

  /** Resolves when one more message may go, with the time it was let go (to pass to rateLimited). */
  async take(): Promise<number> {
    if (this.now() - this.lastTakeAt > OBSERVED_WINDOW_MS) this.sendingSince = this.now();
    this.lastTakeAt = this.now();
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      this.recover(now);
      if (this.rate <= 0) return now;
      const interval = 1000 / this.rate;
      this.nextSlotAt = Math.max(this.nextSlotAt, now - BURST_SECONDS * 1000);
      const slot = this.nextSlotAt;
      this.nextSlotAt += interval;
      if (slot > now) await this.sleep(slot - now);
      // A server error paused every sender while this one waited for its slot: queue again behind the pause.
      if (this.now() >= this.pausedUntil) return this.now();
    }
  }

  accepted(): void {
    this.serverErrors = 0;
    const now = this.now();
    this.acceptedAt.push(now);
    while (this.acceptedAt.length && this.acceptedAt[0] < now - OBSERVED_WINDOW_MS) this.acceptedAt.shift();
  }

  /**
   * The gateway answered 429 to a request let go at `sentAt` (take's result):
   * lowers the pace (once per round), and resolves when the refused message
   * may be sent again — after Retry-After, never sooner.
   */
  async rateLimited(retryAfterMs: number | null, sentAt: number): Promise<void> {
    const now = this.now();
    this.rateLimitedCount++;
    if (sentAt > this.lastRoundAt) {
      this.recover(now);
      const confirmed = !this.configured || now - this.lastRoundAt <= CONFIRM_MS;
      const observed = this.observedRate(now);
      // Unpaced and nothing accepted yet (the gateway refuses everything): the parked senders are the backoff.
      const from = this.rate > 0 && observed > 0 ? Math.min(this.rate, observed) : this.rate || observed;
      if (confirmed && from > 0) {
        this.rate = Math.min(this.ceiling, Math.max(this.floor, from * DECREASE));
        this.decreases++;
      }
      // Slots already handed out keep their places; new ones follow the pace from now, with no catch-up burst.
      this.nextSlotAt = Math.max(this.nextSlotAt, now);
      this.lastRoundAt = now;
    }
    await this.sleep(Math.max(0, retryAfterMs ?? DEFAULT_RETRY_AFTER_MS));
  }

  /** Accepted per second over the last second, or since sending started if that is more recent. */
  private observedRate(now: number): number {
    while (this.acceptedAt.length && this.acceptedAt[0] < now - OBSERVED_WINDOW_MS) this.acceptedAt.shift();
    const span = now - Math.max(this.sendingSince, now - OBSERVED_WINDOW_MS);
    return this.acceptedAt.length && span > 0 ? (this.acceptedAt.length / span) * 1000 : 0;
  }

  /** The gateway had a server error or could not be reached; throws GatewayUnavailableError after too many in a row. */
  serverError(retryAfterMs: number | null): void {
    // Every sender in flight hits the same outage: count it once per pause.
    if (this.now() < this.pausedUntil) return;
    this.serverErrors++;
    if (this.serverErrors > MAX_SERVER_ERRORS) throw new GatewayUnavailableError(`the SMS gateway failed ${this.serverErrors} times in a row`);
    const wait = retryAfterMs ?? 500 * 2 ** (this.serverErrors - 1);
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + wait);
  }
}
