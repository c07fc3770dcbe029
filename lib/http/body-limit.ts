// Request body limits for the endpoints anyone can call without signing in.
//
//   anonymousBodyLimit(method, pathname) → bytes allowed, or null (not an anonymous endpoint: Next's own limits apply)
//   checkDeclaredLength(headers, limit)  → "ok" | "too-large" | "length-required", from the headers alone
//   readBodyWithin(request, limit)       → the body's bytes, read chunk by chunk; throws BodyTooLargeError past the limit
//   BODY_LIMIT_SMALL / BODY_LIMIT_FILE   64 KiB where no file is expected, 1 MiB where one may be
//
// Our HTTP server (lib/http/serve-next.ts) refuses an oversized request from
// its headers before a byte of the body is read: Content-Length over the limit
// → 413; no Content-Length (chunked) → 411, since browsers, Stripe and OpenID
// clients always send one and Node's parser never delivers more bytes than it
// announces. Route handlers also read through readBodyWithin, so the limit holds
// when the app is served some other way.

export const BODY_LIMIT_SMALL = 64 * 1024;
export const BODY_LIMIT_FILE = 1024 * 1024;

/**
 * The anonymous endpoints and their limits. The signing page's actions carry a
 * drawn signature (a PNG data URL, tens of KiB), hence the file limit there;
 * a Stripe event is JSON from Stripe, but its size is Stripe's to decide.
 */
const ANONYMOUS_ENDPOINTS: { prefix: string; limit: number }[] = [
  { prefix: "/s/", limit: BODY_LIMIT_FILE },
  { prefix: "/api/stripe/webhook", limit: BODY_LIMIT_FILE },
  { prefix: "/api/test-idp", limit: BODY_LIMIT_SMALL },
  { prefix: "/api/identity/", limit: BODY_LIMIT_SMALL },
  { prefix: "/api/auth/", limit: BODY_LIMIT_SMALL },
  { prefix: "/api/cron/", limit: BODY_LIMIT_SMALL },
  { prefix: "/api/track/", limit: BODY_LIMIT_SMALL },
  { prefix: "/login", limit: BODY_LIMIT_SMALL },
];

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

export function anonymousBodyLimit(method: string | undefined, pathname: string): number | null {
  if (BODYLESS.has((method ?? "GET").toUpperCase())) return null;
  return ANONYMOUS_ENDPOINTS.find((endpoint) => pathname === endpoint.prefix.replace(/\/$/, "") || pathname.startsWith(endpoint.prefix))?.limit ?? null;
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function checkDeclaredLength(headers: HeaderSource, limit: number): "ok" | "too-large" | "length-required" {
  const declared = header(headers, "content-length");
  if (declared === undefined) return header(headers, "transfer-encoding") ? "length-required" : "ok";
  const bytes = Number(declared);
  if (!/^\d+$/.test(declared.trim()) || !Number.isSafeInteger(bytes)) return "too-large";
  return bytes > limit ? "too-large" : "ok";
}

export class BodyTooLargeError extends Error {
  readonly name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/** The body, stopping (and cancelling the upload) as soon as it passes `limit`. */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (checkDeclaredLength(request.headers, limit) === "too-large") throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** 413 with a JSON body naming the limit; route handlers return it for a BodyTooLargeError. */
export function bodyTooLargeResponse(limit: number): Response {
  return Response.json({ error: "body-too-large", limitBytes: limit }, { status: 413 });
}
