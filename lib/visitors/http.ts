// The tracker's two HTTP helpers, behind the small interface the shared ones
// in lib/http/ (client-address.ts, rate-limit.ts, from the security
// hardening work) will offer. This is the one file to point at them once
// they land: nothing else in lib/visitors or the track route knows how.
import { RateLimiterMemory } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { normalizeAddress } from "./address";

/**
 * The client's address. `next start` puts the socket's address in
 * X-Forwarded-For when the request brought none, and keeps the header
 * otherwise; each trusted proxy (TRUST_PROXY_HOPS) appends the address it
 * saw. So the client is the entry TRUST_PROXY_HOPS from the right (the last
 * one with 0 hops). Until lib/http/client-address.ts reads the socket itself,
 * a client talking to the app directly (0 hops) could send its own header.
 */
export function clientAddress(request: Request): string | null {
  const forwarded = (request.headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const hops = env().TRUST_PROXY_HOPS;
  const candidate = forwarded[forwarded.length - Math.max(1, hops)];
  return candidate ? normalizeAddress(candidate) : null;
}

// Page views per site and client address: a visitor reads a few pages a
// minute; a loop or a flood is cut off without touching the database.
// Per process: with several instances each one counts its own share.
const PAGE_VIEWS_PER_MINUTE = 30;
const limiter = new RateLimiterMemory({ points: PAGE_VIEWS_PER_MINUTE, duration: 60 });

export async function limit(key: string): Promise<{ ok: boolean; retryAfterSeconds?: number }> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (rejection) {
    const ms = (rejection as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
  }
}

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`body over ${limitBytes} bytes`);
  }
}

/** The body as text, refusing (before reading all of it) anything over `maxBytes`. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
