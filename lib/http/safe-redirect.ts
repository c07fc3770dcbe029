// Where to send the browser when the target came from a request: sign-in's
// callbackUrl (the login page, and next-auth's redirect callback for every URL
// it is given, the sign-in that ends set-up, invitation and reset included).
// Those three forms continue to the fixed "/" and read no target from the
// request; one that ever does must pass it through here.
//
//   safeRedirectPath(target, appUrl) → a path on APP_URL's origin ("/settings?x=1#y"), or "/" for anything else
//   safeRedirectUrl(target, appUrl)  → the same as an absolute URL on APP_URL (for next-auth, which wants one)
//
// The target is resolved the way a browser resolves a Location header (the
// WHATWG URL parser: backslashes count as slashes, tabs and newlines are
// dropped, "//host" and "https:host" name another host, "javascript:" has no
// origin), and only a result on APP_URL's origin is kept. The path returned
// always starts with exactly one "/", so it cannot become "//evil.example"
// (a protocol-relative URL) when written into a Location header.

const FALLBACK = "/";

function resolve(target: unknown, appUrl: string): URL | null {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return null;
  const base = new URL(appUrl);
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  return url;
}

export function safeRedirectPath(target: unknown, appUrl: string): string {
  const url = resolve(target, appUrl);
  if (!url) return FALLBACK;
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}

export function safeRedirectUrl(target: unknown, appUrl: string): string {
  return new URL(safeRedirectPath(target, appUrl), appUrl).href;
}
