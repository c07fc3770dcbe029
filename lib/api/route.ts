import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { BodyTooLargeError, readBodyWithin } from "@/lib/http/body-limit";
import { HoldNotPendingError, InsufficientCreditsError, UnknownServiceError } from "@/lib/iap/errors";
import { fromUnits } from "@/lib/events/amounts";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestHash } from "./idempotency";
import { authenticateApiKey } from "./keys";
import type { Operation } from "./operation";
import { ApiProblem, problemResponse, validationProblem } from "./problems";
import { apiRateLimiter, type RateDecision } from "./rate-limit";

// Every /api/v1 request, in this order: who is calling (Bearer key), the
// key's rate limit, its scope, the request's shape (zod), then — for POSTs —
// the Idempotency-Key, and only then the operation's one call into lib/.
// Anything refused on the way changed nothing.

const MAX_BODY_BYTES = 16 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const UNAUTHENTICATED_DETAIL = {
  missing: "Send your API key as `Authorization: Bearer iap_…` (Settings → API keys).",
  malformed: "The Authorization header is not `Bearer iap_<prefix>_<secret>`: copy the whole key as it was shown.",
  unknown: "This API key does not exist. Create one in Settings → API keys.",
  revoked: "This API key was revoked. Create a new one in Settings → API keys.",
} as const;

function json(status: number, body: string, headers: Record<string, string>): Response {
  return new Response(body, { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } });
}

function rateHeaders(rate: RateDecision): Record<string, string> {
  return { "RateLimit-Limit": String(rate.limit), "RateLimit-Remaining": String(rate.remaining), "RateLimit-Reset": String(rate.resetSeconds) };
}

function parse<S extends z.ZodType>(schema: S | undefined, input: unknown, where: "body" | "query" | "path"): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const result = schema.safeParse(input);
  if (!result.success) throw validationProblem(where, result.error);
  return result.data;
}

async function readJsonBody(request: Request): Promise<unknown> {
  let text: string;
  try {
    // Chunk by chunk, stopping at the limit: a chunked upload without Content-Length is not read whole either.
    text = new TextDecoder().decode(await readBodyWithin(request, MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ApiProblem("payload_too_large", `Send at most ${MAX_BODY_BYTES} bytes.`);
    throw error;
  }
  if (text.trim() === "") return {};
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new ApiProblem("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem("invalid_request", "The body is not valid JSON.", { errors: [{ path: "body", message: "is not valid JSON" }] });
  }
}

/** Domain failures as problems: they mean the request changed nothing. */
function asProblem(error: unknown, appUrl: string): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (error instanceof InsufficientCreditsError) {
    const d = error.service.decimals;
    return new ApiProblem(
      "insufficient_credits",
      `This needs ${fromUnits(error.needed, d)} ${error.service.name} credits and ${fromUnits(error.available, d)} are available. Buy credits at buy_url.`,
      {
        needed: fromUnits(error.needed, d),
        available: fromUnits(error.available, d),
        shortfall: fromUnits(error.shortfall, d),
        buy_url: `${appUrl}${error.buyUrl}`,
      },
    );
  }
  if (error instanceof HoldNotPendingError) {
    const status = error.status.toLowerCase();
    return new ApiProblem("hold_not_pending", `Hold ${error.holdId} is ${status}: a hold is captured or released once. Create a new hold.`, { hold_status: status });
  }
  if (error instanceof UnknownServiceError) {
    return new ApiProblem("not_found", `There is no service "${error.technicalName}". GET /api/v1/services lists them.`);
  }
  return null;
}

/** The Next.js route handler of one operation. */
export function apiRoute(operation: Operation) {
  return async function handler(request: Request, context: RouteContext): Promise<Response> {
    const appUrl = env().APP_URL;
    let headers: Record<string, string> = {};
    let claimId: bigint | null = null;
    try {
      const auth = await authenticateApiKey(request.headers.get("authorization"));
      if (!auth.ok) {
        throw new ApiProblem("unauthenticated", UNAUTHENTICATED_DETAIL[auth.reason], {}, { "WWW-Authenticate": 'Bearer realm="api"' });
      }
      const caller = auth.caller;
      const rate = await apiRateLimiter().consume(`key:${caller.keyId}`);
      headers = rateHeaders(rate);
      if (!rate.allowed) {
        throw new ApiProblem(
          "rate_limited",
          `This key may make ${rate.limit} requests a minute. Wait ${rate.resetSeconds} s (Retry-After) and send it again.`,
          { retry_after: rate.resetSeconds },
          { "Retry-After": String(rate.resetSeconds) },
        );
      }
      if (operation.scope && !caller.scopes.includes(operation.scope)) {
        throw new ApiProblem(
          "insufficient_scope",
          `This key has the scope${caller.scopes.length > 1 ? "s" : ""} ${caller.scopes.join(", ")}; ${operation.method} ${operation.path} needs "${operation.scope}". Create a key with it in Settings → API keys.`,
        );
      }
      const url = new URL(request.url);
      const params = parse(operation.params, await context.params, "path");
      const query = parse(operation.query, Object.fromEntries(url.searchParams), "query");

      if (operation.method !== "POST") {
        const result = await operation.handle({ caller, params, query, body: undefined, idempotencyKey: "", resumed: false });
        return json(operation.response.status, JSON.stringify(result), headers);
      }

      const raw = await readJsonBody(request);
      const body = parse(operation.body, raw, "body");
      const idempotencyKey = request.headers.get("idempotency-key");
      if (idempotencyKey === null) {
        throw new ApiProblem("idempotency_key_missing", "Send an `Idempotency-Key` header (e.g. a UUID) with every POST; send the same one when you retry.");
      }
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new ApiProblem("invalid_request", "The Idempotency-Key must be 1 to 255 visible ASCII characters.", {
          errors: [{ path: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters" }],
        });
      }
      const claim = await claimIdempotencyKey(caller.companyId, idempotencyKey, requestHash(request.method, url.pathname, raw));
      if (claim.kind === "replay") return json(claim.response.status, claim.response.body, { ...headers, "Idempotent-Replayed": "true" });
      if (claim.kind === "mismatch") {
        throw new ApiProblem("idempotency_key_reused", "This Idempotency-Key was sent with another request (method, path or body). Use a new key for a new request.");
      }
      if (claim.kind === "in_progress") {
        throw new ApiProblem("idempotency_key_in_use", "The first request with this Idempotency-Key has not finished. Retry in a moment.", { retry_after: 1 }, { "Retry-After": "1" });
      }
      claimId = claim.id;
      const result = await operation.handle({ caller, params, query, body, idempotencyKey, resumed: claim.resumed });
      const text = JSON.stringify(result);
      await completeIdempotencyKey(claimId, { status: operation.response.status, body: text });
      return json(operation.response.status, text, headers);
    } catch (error) {
      if (claimId !== null) await releaseIdempotencyKey(claimId).catch(() => undefined);
      const problem = asProblem(error, appUrl);
      if (problem) return problemResponse(appUrl, problem, headers);
      console.error(`[api] ${operation.method} ${operation.path} failed:`, error);
      return problemResponse(appUrl, new ApiProblem("internal_error", "The request failed on our side. Retry it with the same Idempotency-Key: it is never applied twice."), headers);
    }
  };
}

/** Any other path or method under /api/v1. */
export function notFoundRoute() {
  return async function handler(request: Request): Promise<Response> {
    const appUrl = env().APP_URL;
    return problemResponse(appUrl, new ApiProblem("not_found", `No endpoint ${request.method} ${new URL(request.url).pathname}. The API is described at /api/v1/openapi.json.`));
  };
}
