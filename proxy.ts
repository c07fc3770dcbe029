import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, FRAMEABLE_PATHS, newNonce, securityHeaders } from "@/lib/http/security-headers";

// Runs before every page, server action and route handler:
//  - the security headers (lib/http/security-headers.ts), with a fresh CSP
//    nonce per request that Next puts on its own scripts (it reads the nonce
//    from the request's Content-Security-Policy header);
//  - signed-out visitors of an app page go to sign-in and come back where they
//    were going. That is convenience only: every page, action and route still
//    checks the session itself (lib/auth/session.ts). The pages used before
//    signing in (sign-in, company set-up, forgot password, the invitation and
//    reset links), API routes (they answer 401; the test identity provider is under /api/test-idp),
//    the public signing pages under /s/ (signers have no account) and the
//    public API documentation under /developers are let through.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const config = env();
  const https = config.APP_URL.startsWith("https:");

  // A PDF our own pages show in a frame: framed by us only, and no script/object
  // policy on it (Chrome's PDF viewer wants none). Everything else: the page policy.
  const framed = FRAMEABLE_PATHS.some((path) => path.test(pathname));
  const nonce = newNonce();
  const policy = framed ? "frame-ancestors 'self'" : contentSecurityPolicy({ nonce, dev: config.NODE_ENV === "development", https, formTargets: formTargets(config) });

  let response: NextResponse;
  if (needsSignIn(pathname) && !(await getToken({ req: request }))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ production: config.NODE_ENV === "production", https, framedBySelf: framed }))) {
    response.headers.set(name, value);
  }
  return response;
}

function needsSignIn(pathname: string): boolean {
  return !/^\/(login|setup|forgot-password|invite\/|reset-password\/|api\/|s\/|developers(\/|$))/.test(pathname);
}

/** Where a plain form post may be redirected on to: the payment page, the identity provider. */
function formTargets(config: ReturnType<typeof env>): string[] {
  const targets: string[] = [];
  if (config.STRIPE_SECRET_KEY) targets.push("https://checkout.stripe.com");
  if (config.IDENTITY_ISSUER_URL) targets.push(new URL(config.IDENTITY_ISSUER_URL).origin);
  return targets;
}

export const config = {
  // Everything but Next's static files and the public files.
  matcher: ["/((?!_next/static/|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|css|js|woff2?)$).*)"],
};
