import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { throttledRetryAfter } from "@/lib/auth/sign-in-errors";
import { translatorFor } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { visitorLocale } from "@/lib/i18n/visitor";

// GET|POST /api/auth/* — next-auth's sign-in, sign-out, session and CSRF endpoints.
const handler = NextAuth(authOptions);

/**
 * next-auth answers a refused sign-in with 401 (JSON `{ url }` for fetch) or a
 * redirect to its error page (a plain form post). A throttled one (error
 * `throttled:<seconds>`, lib/auth/sign-in.ts) is answered 429 with Retry-After
 * instead: the same JSON for fetch, a short text for a form.
 */
async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const response: Response = await handler(request, context);
  if (response.status !== 401 && response.status !== 302) return response;
  const json = response.headers.get("content-type")?.includes("application/json");
  const target = json ? ((await response.clone().json()) as { url?: string }).url : response.headers.get("location");
  const retryAfter = target && URL.canParse(target) ? throttledRetryAfter(new URL(target).searchParams.get("error")) : null;
  if (retryAfter === null) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(retryAfter));
  if (json) return new Response(response.body, { status: 429, headers });
  headers.delete("location");
  headers.set("content-type", "text/plain; charset=utf-8");
  // Read by whoever posted the form without script: in their browser's language, as the sign-in page is.
  const t = translatorFor((await visitorLocale()) ?? DEFAULT_LOCALE, "auth.login");
  return new Response(t("throttled", { minutes: Math.max(1, Math.ceil(retryAfter / 60)) }), { status: 429, headers });
}

export { handler as GET, POST };
