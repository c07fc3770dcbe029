// What our HTTP server (lib/http/serve-next.ts) answers by itself, before a
// request reaches Next.js and its pages: "temporarily unavailable" while the
// database is down, "too large" for an oversized anonymous request, and
// "malformed address" for a path Next.js cannot decode. Each answer fits what
// asked: a page for a browser, text for a server action (Next's client shows a
// text/plain error body as the error's message), JSON for an API route. Pages
// and actions speak the visitor's language (messages/<locale>/common.json
// "serverError", read from disk: no database needed; the language comes from
// the request's cookie or Accept-Language, as the profile cannot be read);
// JSON keeps English, like the rest of the API, next to its stable code.
import { translatorFor } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

export type ErrorPageKind = "unavailable" | "too-large" | "length-required" | "bad-address";

export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const ANSWERS: Record<ErrorPageKind, { status: number; code: string; key: string }> = {
  unavailable: { status: 503, code: "database-unavailable", key: "unavailable" },
  "too-large": { status: 413, code: "body-too-large", key: "tooLarge" },
  "bad-address": { status: 400, code: "malformed-url", key: "badAddress" },
  "length-required": { status: 411, code: "length-required", key: "lengthRequired" },
};

export type RequestShape = "page" | "action" | "json";

/** Which kind of answer a request expects, from its path and headers. */
export function requestShape(pathname: string, headers: Record<string, string | string[] | undefined>): RequestShape {
  if (headers["next-action"]) return "action";
  if (pathname.startsWith("/api/")) return "json";
  const accept = String(headers.accept ?? "");
  if (accept.includes("application/json") && !accept.includes("text/html")) return "json";
  return "page";
}

export function errorAnswer(kind: ErrorPageKind, shape: RequestShape, extra: { limitBytes?: number } = {}, locale: Locale = DEFAULT_LOCALE): ErrorAnswer {
  const { status, code, key } = ANSWERS[kind];
  const words = translatorFor(shape === "json" ? DEFAULT_LOCALE : locale, "common");
  const message = { title: words(`serverError.${key}.title`), text: words(`serverError.${key}.text`) };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (kind === "unavailable") headers["Retry-After"] = "5";
  if (shape === "json") {
    return { status, headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ error: code, message: message.text, ...extra }) };
  }
  if (shape === "action") {
    return { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" }, body: words("serverError.actionLine", message) };
  }
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words("serverError.documentTitle", { title: message.title })}</title>
<style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f9fafb;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827}main{max-width:32rem;margin:1rem;padding:2rem;background:#fff;border:1px solid #e5e7eb;border-radius:.5rem}h1{margin:0 0 .75rem;font-size:1.25rem}p{margin:0 0 1rem;line-height:1.5;color:#374151}a{color:#714b67;font-weight:600}</style>
</head><body><main role="alert"><h1>${message.title}</h1><p>${message.text}</p><p><a href="">${words("serverError.tryAgain")}</a></p></main></body></html>`;
  return {
    status,
    // Served before Next's proxy adds the site's policy: its own, stricter one (no script at all).
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff" },
    body: html,
  };
}
