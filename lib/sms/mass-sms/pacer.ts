// How fast a mass SMS hands messages to the gateway. Two inputs:
//  - a configured pace (SMS_RATE_PER_SECOND: the sender's documented limit),
//    kept 3 % under it (requests arrive with jitter) with a token bucket
//    holding at most a twentieth of a second of sends, so a burst never
//    overshoots the gateway's own bucket;
//  - the gateway's answers: a 429 stops every sender until its Retry-After
//    has passed (1 s when it names none) and slows the pace once per pause — with a
//    configured pace by 10 % (half of it at most), without one to 95 % of what
//    the gateway accepted over the last two seconds — then lets it creep back
//    up by 1 % a second; a server error pauses every
//    sender with growing waits (0.5, 1, 2, 4, 8 s), and the sixth in a row
//    gives up the attempt (the job retries later).
// Written by hand: the rate-limit packages on npm pace a known rate; none
// reads a gateway's Retry-After and adapts to it.

export interface PacerOptions {
  /** Messages per second; 0 = no fixed pace (adapt to 429s). */
  ratePerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class GatewayUnavailableError extends Error {
  readonly name = "GatewayUnavailableError";
}

const MAX_SERVER_ERRORS = 5;
const DEFAULT_RETRY_AFTER_MS = 1000;
const WINDOW_MS = 2000;
const FIXED_MARGIN = 0.97;

export class GatewayPacer {
  private rate: number;
  private readonly fixed: boolean;
  private readonly ceiling: number;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private serverErrors = 0;
  private readonly acceptedAt: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Times a 429 stopped the batch, and for how long in all: what the progress and the tests report. */
  rateLimitedCount = 0;
  pausedMs = 0;

  constructor(options: PacerOptions) {
    this.fixed = options.ratePerSecond > 0;
    this.rate = options.ratePerSecond * FIXED_MARGIN;
    this.ceiling = this.fixed ? this.rate : Infinity;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.tokens = this.capacity();
    this.refilledAt = this.now();
  }

  /** Messages per second it paces at now (0 = unpaced). */
  get pace(): number {
    return this.rate;
  }

  private capacity(): number {
    return Math.max(1, this.rate / 20);
  }

  /** Resolves when one more message may go. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      if (this.rate <= 0) return;
      // Creep back up by 1 % a second after a 429 lowered the pace (never above the configured one).
      this.rate = Math.min(this.ceiling, this.rate * (1 + 0.01 * ((now - this.refilledAt) / 1000)));
      this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000));
    }
  }

  accepted(): void {
    this.serverErrors = 0;
    const now = this.now();
    this.acceptedAt.push(now);
    while (this.acceptedAt.length && this.acceptedAt[0] < now - WINDOW_MS) this.acceptedAt.shift();
  }

  /** The gateway answered 429. */
  rateLimited(retryAfterMs: number | null): void {
    const now = this.now();
    const wait = retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
    // Every sender in flight gets the same 429 for the same burst: the pace is
    // lowered once per pause, not once per answer (32 answers would floor it).
    const fresh = now >= this.pausedUntil;
    if (now + wait > this.pausedUntil) {
      this.rateLimitedCount++;
      this.pausedMs += Math.max(0, now + wait - Math.max(now, this.pausedUntil));
      this.pausedUntil = now + wait;
    }
    if (!fresh) return;
    if (this.fixed) {
      // The configured pace was still too fast for the gateway right now: 10 % slower, half of it at most.
      this.rate = Math.max(this.ceiling * 0.5, this.rate * 0.9);
      this.tokens = 0;
    } else {
      while (this.acceptedAt.length && this.acceptedAt[0] < now - WINDOW_MS) this.acceptedAt.shift();
      // Accepted per second over the window (or since the first accepted, if more recent).
      const span = this.acceptedAt.length > 1 ? (now - this.acceptedAt[0]) / 1000 : 0;
      const observed = span > 0 ? this.acceptedAt.length / span : 0;
      if (observed > 0 && (this.rate === 0 || observed * 0.95 < this.rate)) this.rate = observed * 0.95;
      this.tokens = 0;
    }
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
