import { clientAddress, limit, readBoundedText, BodyTooLargeError } from "@/lib/visitors/http";
import { MAX_TRACK_BODY_BYTES } from "@/lib/visitors/schemas";
import { recordPageView, siteOrigins, type TrackOutcome } from "@/lib/visitors/track";

// POST /api/track/<siteKey> (the snippet's beacon) and GET (its no-script
// pixel): record one page view. Public by design — the site key only lets a
// page of the site's registered origins add page views; everything is
// bounded (body size, views per site and address) and nothing is ever set on
// the visitor (no cookie, no identifier).

type Params = { params: Promise<{ siteKey: string }> };

const SITE_KEY = /^[A-Za-z0-9_-]{16,64}$/;
// A transparent 1×1 GIF.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

const baseHeaders = { "Cache-Control": "no-store", Vary: "Origin" };

function refusal(status: number, error: string, extra: Record<string, string> = {}) {
  return Response.json({ error }, { status, headers: { ...baseHeaders, ...extra } });
}

const REFUSALS: Record<Extract<TrackOutcome, { status: "refused" }>["reason"], [number, string]> = {
  invalid: [400, "invalid page view"],
  "unknown-site": [404, "no website has this key: copy the snippet again from Settings → Lead Generation"],
  "origin-not-allowed": [403, "this page's address is not one of the website's registered addresses (Settings → Lead Generation)"],
};

async function track(request: Request, { params }: Params, kind: "beacon" | "pixel"): Promise<Response> {
  const { siteKey } = await params;
  if (!SITE_KEY.test(siteKey)) return refusal(404, REFUSALS["unknown-site"][1]);
  const address = clientAddress(request);
  const allowed = await limit(`${siteKey}|${address ?? "unknown"}`);
  if (!allowed.ok) return refusal(429, "too many page views from this address", { "Retry-After": String(allowed.retryAfterSeconds ?? 60) });

  let body: string | null = null;
  if (kind === "beacon") {
    try {
      body = await readBoundedText(request, MAX_TRACK_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refusal(413, `the body is over ${MAX_TRACK_BODY_BYTES} bytes`);
      throw error;
    }
  }
  const outcome = await recordPageView({ siteKey, body, headers: request.headers, address });
  if (outcome.status === "refused") {
    const [status, error] = REFUSALS[outcome.reason];
    return refusal(status, outcome.detail ? `${error}: ${outcome.detail}` : error);
  }
  const cors: Record<string, string> = outcome.status === "recorded" ? { "Access-Control-Allow-Origin": outcome.origin } : {};
  if (kind === "pixel") return new Response(PIXEL, { status: 200, headers: { ...baseHeaders, ...cors, "Content-Type": "image/gif" } });
  return new Response(null, { status: 204, headers: { ...baseHeaders, ...cors } });
}

export function POST(request: Request, context: Params) {
  return track(request, context, "beacon");
}

export function GET(request: Request, context: Params) {
  return track(request, context, "pixel");
}

// A preflight is only needed for non-simple requests (the snippet sends
// simple ones); answered for the registered origins only.
export async function OPTIONS(request: Request, { params }: Params) {
  const { siteKey } = await params;
  const origin = request.headers.get("origin");
  const origins = SITE_KEY.test(siteKey) ? await siteOrigins(siteKey) : null;
  if (!origin || !origins?.includes(origin)) return new Response(null, { status: 403, headers: baseHeaders });
  return new Response(null, {
    status: 204,
    headers: {
      ...baseHeaders,
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": "POST, GET",
      "Access-Control-Allow-Headers": "Content-Type",
      "Access-Control-Max-Age": "86400",
    },
  });
}
