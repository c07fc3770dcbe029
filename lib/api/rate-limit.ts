import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

// Per-key request limits. The interface is what the routes need; today it is
// rate-limiter-flexible's in-memory limiter, so each app instance counts on
// its own (N instances allow N × the limit). lib/http/rate-limit.ts (the
// PostgreSQL-backed limiter, issue #15) replaces the implementation below,
// not this interface, once it is on main.

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (whole, ≥ 1 when refused). */
  resetSeconds: number;
}

export interface RateLimiter {
  consume(key: string): Promise<RateDecision>;
}

const WINDOW_SECONDS = 60;

export function memoryRateLimiter(perMinute: number): RateLimiter {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS });
  const decision = (res: RateLimiterRes, allowed: boolean): RateDecision => ({
    allowed,
    limit: perMinute,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  return {
    async consume(key) {
      try {
        return decision(await limiter.consume(key), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(rejection, false);
        throw rejection;
      }
    },
  };
}

const state = globalThis as unknown as { apiRateLimiter?: RateLimiter };

/** The limiter of API keys: API_RATE_LIMIT requests per minute per key. */
export function apiRateLimiter(): RateLimiter {
  state.apiRateLimiter ??= memoryRateLimiter(env().API_RATE_LIMIT);
  return state.apiRateLimiter;
}
