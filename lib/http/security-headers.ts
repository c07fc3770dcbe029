// The security headers of every response (set in proxy.ts, which runs before
// every page, action and route).
//
//   newNonce()                                   → a fresh CSP nonce (16 random bytes, base64)
//   contentSecurityPolicy({ nonce, dev, https, formTargets }) → the page policy
//   securityHeaders({ production, https, framedBySelf }) → the other headers
//   FRAMEABLE_PATHS                              the PDF routes our own pages embed
//
// Scripts: only those carrying this request's nonce, and what they load
// ('strict-dynamic') — Next reads the nonce from the request's CSP header and
// puts it on its own scripts, so no inline script can run otherwise. Styles:
// our stylesheet and Next's nonce'd <style> elements; style="" attributes are
// allowed (style-src-attr) because React renders a few (progress bars) and the
// e-mail preview's HTML is made of them — the preview is a sandboxed srcdoc
// iframe, which inherits this policy, so its scripts cannot run either.
// Development adds 'unsafe-eval' (React's dev tooling) and inline styles
// (Turbopack injects CSS without a nonce).

export const FRAMEABLE_PATHS = [/^\/s\/[^/]+\/document$/, /^\/sign\/\d+\/document\/[^/]+$/, /^\/letters\/\d+\/pdf$/];

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean; formTargets?: string[] }): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", nonce, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(options.dev ? ["'unsafe-inline'"] : [nonce])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["frame-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    // Forms post to us; a plain (no-JavaScript) post may be redirected on to the payment or identity provider.
    ["form-action", "'self'", ...(options.formTargets ?? [])],
    ["frame-ancestors", "'none'"],
  ];
  if (options.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((parts) => parts.join(" ")).join("; ");
}

export function securityHeaders(options: { production: boolean; https: boolean; framedBySelf?: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": options.framedBySelf ? "SAMEORIGIN" : "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  };
  // Only where the public URL is https: over plain http a browser ignores it, and it would pin
  // a development host to https.
  if (options.production && options.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
