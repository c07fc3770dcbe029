import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { BODY_LIMIT_SMALL, BodyTooLargeError, bodyTooLargeResponse, readBodyWithin } from "@/lib/http/body-limit";
import { embeddedTestProvider } from "@/lib/identity/embedded-provider";

// GET|POST /api/test-idp/* — the built-in test identity provider (see
// lib/identity/embedded-provider.ts), forwarded as-is to its loopback server.
// The public host and scheme go along in X-Forwarded-* so the provider's URLs
// and issuer are APP_URL/api/test-idp.

const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length"];

async function forward(request: NextRequest): Promise<Response> {
  const target = embeddedTestProvider();
  if (!target) {
    const why = env().DEMO ? "a real identity provider is configured (IDENTITY_ISSUER_URL)" : "it runs in demo mode only (DEMO=1)";
    return new Response(`The test identity provider is off: ${why}.`, { status: 404 });
  }
  const { port } = await target;
  const appUrl = new URL(env().APP_URL);
  const incoming = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of ["host", ...HOP_BY_HOP]) headers.delete(name);
  headers.set("x-forwarded-host", appUrl.host);
  headers.set("x-forwarded-proto", appUrl.protocol.replace(":", ""));
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let body: Uint8Array<ArrayBuffer> | undefined;
  try {
    // A login form or a token request: small. Anyone can post here, so read at most that much.
    body = hasBody ? await readBodyWithin(request, BODY_LIMIT_SMALL) : undefined;
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error.limit);
    throw error;
  }
  const answer = await fetch(`http://127.0.0.1:${port}${incoming.pathname}${incoming.search}`, {
    method: request.method,
    headers,
    body,
    redirect: "manual",
  });
  const responseHeaders = new Headers(answer.headers);
  for (const name of HOP_BY_HOP) responseHeaders.delete(name);
  return new Response(answer.body, { status: answer.status, headers: responseHeaders });
}

export const dynamic = "force-dynamic";
export const GET = forward;
export const POST = forward;
