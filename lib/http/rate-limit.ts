import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db/client";

// Rate limits, counted in PostgreSQL (rate-limiter-flexible's Postgres store,
// table `rate_limit`), so every app instance on the database shares them.
//
//   limit(name, who)                → { ok: true } | { ok: false, retryAfterSeconds }; counts one use
//       "autocomplete"   Partner Autocomplete lookups, per user: 120 a minute
//       "signing-page"   the anonymous signing pages and their actions, per client address: 60 a minute
//       "password-reset" "Forgot password?", per key: 5 an hour — call it for the address AND the e-mail
//       "invitation"     invitations sent, per company: 30 an hour
//       "page-view"      website page views recorded by /api/track, per site and address: 30 a minute
//   beginSignIn(account, address)   → { ok: true, succeeded() } | { ok: false, retryAfterSeconds }
//       counts the attempt as a failure before the password is checked (so parallel
//       guesses cannot slip past the count); succeeded() takes it back.
//   retryAfterMinutes(seconds)      → whole minutes to show ("try again in N minutes")
//   meter(name, who, points, seconds = 60) → { allowed, limit, remaining, resetSeconds }; counts one use
//       a window whose size the caller sets (e.g. API_RATE_LIMIT), with what is left,
//       for routes that publish RateLimit-* headers (the public API, per key)
//
// Sign-in limits: 5 failures for one account from one address lock that pair
// for 1 minute, the next 5 for 5 minutes, then 15 minutes each time (the steps
// are remembered for a day, and forgotten at a successful sign-in); 20
// failures for one account from anywhere in an hour lock it for 15 minutes
// (guessing spread over many addresses); 50 failures from one address over
// all accounts in an hour lock that address for an hour. The attempt over the
// limit is refused whatever the password (HTTP 429). Who is counted is stored
// hashed: the table holds no e-mail or IP address.

export type LimitName = "autocomplete" | "signing-page" | "password-reset" | "invitation" | "page-view";

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface LimitSpec {
  points: number;
  durationSeconds: number;
  blockSeconds: number;
}

const LIMITS: Record<LimitName, LimitSpec> = {
  autocomplete: { points: 120, durationSeconds: 60, blockSeconds: 60 },
  "signing-page": { points: 60, durationSeconds: 60, blockSeconds: 60 },
  "password-reset": { points: 5, durationSeconds: 3600, blockSeconds: 3600 },
  invitation: { points: 30, durationSeconds: 3600, blockSeconds: 3600 },
  "page-view": { points: 30, durationSeconds: 60, blockSeconds: 60 },
};

const SIGN_IN = {
  /** One account from one address: failures allowed before the lock. */
  pair: { points: 5, durationSeconds: 3600, blockSeconds: 0 },
  /** How long each successive lock of a pair lasts (the last one repeats). */
  lockSteps: [60, 5 * 60, 15 * 60],
  /** How long the pair's past locks count towards the next step. */
  lockMemorySeconds: 24 * 3600,
  account: { points: 20, durationSeconds: 3600, blockSeconds: 15 * 60 },
  address: { points: 50, durationSeconds: 3600, blockSeconds: 3600 },
} as const;

const limiters = new Map<string, RateLimiterPostgres>();

function limiter(name: string, spec: LimitSpec): RateLimiterPostgres {
  let existing = limiters.get(name);
  if (!existing) {
    existing = new RateLimiterPostgres({
      storeClient: pool(),
      // Our pool is a pg.Pool subclass: the library cannot tell from its class name.
      storeType: "pool",
      tableName: "rate_limit",
      // The table comes from the migrations (prisma/schema.prisma: RateLimit).
      tableCreated: true,
      // One limiter is enough to sweep the shared table of rows expired an hour ago.
      clearExpiredByTimeout: limiters.size === 0,
      keyPrefix: name,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds,
    });
    limiters.set(name, existing);
  }
  return existing;
}

/** Who is counted, never stored as typed. */
function hashed(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32);
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** rate-limiter-flexible rejects with a RateLimiterRes when over the limit (anything else is a real error); either way, its answer. */
async function consume(target: RateLimiterPostgres, key: string): Promise<{ over: boolean; res: RateLimiterRes }> {
  try {
    return { over: false, res: await target.consume(key) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { over: true, res: error };
    throw error;
  }
}

export async function limit(name: LimitName, who: string): Promise<LimitResult> {
  const outcome = await consume(limiter(name, LIMITS[name]), hashed(who));
  return outcome.over ? { ok: false, retryAfterSeconds: retryAfter(outcome.res) } : { ok: true };
}

export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export type SignInGate = { ok: true; succeeded(): Promise<void> } | { ok: false; retryAfterSeconds: number };

export async function beginSignIn(account: string, address: string | null): Promise<SignInGate> {
  const pair = limiter("sign-in-pair", SIGN_IN.pair);
  const locks = limiter("sign-in-locks", { points: 1_000_000, durationSeconds: SIGN_IN.lockMemorySeconds, blockSeconds: 0 });
  const perAccount = limiter("sign-in-account", SIGN_IN.account);
  const perAddress = limiter("sign-in-address", SIGN_IN.address);
  const pairKey = hashed(account, address ?? "unknown");
  const accountKey = hashed(account);
  const addressKey = address ? hashed(address) : null;

  // Already locked: refuse without counting (a lock is not extended by knocking on it).
  const current = await Promise.all([pair.get(pairKey), perAccount.get(accountKey), addressKey ? perAddress.get(addressKey) : null]);
  const locked = current.filter((res, i): res is RateLimiterRes => !!res && res.consumedPoints > [SIGN_IN.pair, SIGN_IN.account, SIGN_IN.address][i].points);
  if (locked.length) return { ok: false, retryAfterSeconds: Math.max(...locked.map(retryAfter)) };

  const [pairOutcome, accountOutcome, addressOutcome] = await Promise.all([
    consume(pair, pairKey),
    consume(perAccount, accountKey),
    addressKey ? consume(perAddress, addressKey) : null,
  ]);
  const waits: number[] = [];
  if (pairOutcome.over) {
    // The attempt that crosses the limit sets the lock; later ones only see it.
    if (pairOutcome.res.consumedPoints === SIGN_IN.pair.points + 1) {
      const previousLocks = (await locks.consume(pairKey)).consumedPoints;
      const seconds = SIGN_IN.lockSteps[Math.min(previousLocks, SIGN_IN.lockSteps.length) - 1];
      await pair.block(pairKey, seconds);
      waits.push(seconds);
    } else {
      waits.push(retryAfter(pairOutcome.res));
    }
  }
  if (accountOutcome.over) waits.push(retryAfter(accountOutcome.res));
  if (addressOutcome?.over) waits.push(retryAfter(addressOutcome.res));
  if (waits.length) return { ok: false, retryAfterSeconds: Math.max(...waits) };

  return {
    ok: true,
    async succeeded() {
      await Promise.all([pair.delete(pairKey), locks.delete(pairKey), perAccount.reward(accountKey, 1), addressKey ? perAddress.reward(addressKey, 1) : null]);
    },
  };
}

export interface MeterReading {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window starts over (whole, ≥ 1). */
  resetSeconds: number;
}

export async function meter(name: string, who: string, points: number, durationSeconds = 60): Promise<MeterReading> {
  const outcome = await consume(limiter(`${name}:${points}/${durationSeconds}`, { points, durationSeconds, blockSeconds: 0 }), hashed(who));
  return { allowed: !outcome.over, limit: points, remaining: Math.max(0, outcome.res.remainingPoints), resetSeconds: retryAfter(outcome.res) };
}

