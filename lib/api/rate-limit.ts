import "server-only";
import { env } from "@/lib/env";
import { meter, type MeterReading } from "@/lib/http/rate-limit";

// Per-key request limits of the public API: API_RATE_LIMIT requests a minute
// per API key, counted in PostgreSQL by the shared limiter (lib/http/rate-limit.ts),
// so every app instance on the database draws from the same allowance.

export type RateDecision = MeterReading;

export interface RateLimiter {
  consume(key: string): Promise<RateDecision>;
}

const WINDOW_SECONDS = 60;

/** The limiter of API keys: API_RATE_LIMIT requests per minute per key, shared by all instances. */
export function apiRateLimiter(): RateLimiter {
  const perMinute = env().API_RATE_LIMIT;
  return { consume: (key) => meter("api", key, perMinute, WINDOW_SECONDS) };
}
