// The tracker's HTTP helpers: the shared ones of lib/http/, under the names the
// track route uses.
import { clientAddress as addressFromHeaders } from "@/lib/http/client-address";
import { BodyTooLargeError, readBodyWithin } from "@/lib/http/body-limit";
import { limit as rateLimit } from "@/lib/http/rate-limit";

export { BodyTooLargeError };

/** The client's address (our HTTP server's, per TRUST_PROXY_HOPS: lib/http/client-address.ts). */
export function clientAddress(request: Request): string | null {
  return addressFromHeaders(request.headers);
}

/**
 * Page views per site and client address ("page-view": 30 a minute): a
 * visitor reads a few pages a minute; a loop or a flood is cut off. Counted in
 * PostgreSQL, so all instances share the count.
 */
export function limit(key: string): Promise<{ ok: boolean; retryAfterSeconds?: number }> {
  return rateLimit("page-view", key);
}

/** The body as text, refusing (before reading all of it) anything over `maxBytes`. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyWithin(request, maxBytes));
}
