import "server-only";
import type { TranslationValues } from "use-intl/core";
import { translatorFor } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { visitorLocale } from "@/lib/i18n/visitor";
import { AuthError, checkCaller, currentUser, type Role, type SessionUser } from "./session";

/**
 * A route handler for signed-in callers: a route is its own entry point (no
 * layout guards it), so the caller is checked before the handler runs, and a
 * refusal is answered with its status (401, 403) and reason as plain text
 * rather than a rendered page.
 */
export function callerRoute<Context>(role: Role | "ANY", handler: (user: SessionUser, request: Request, context: Context) => Promise<Response>) {
  return async function route(request: Request, context: Context): Promise<Response> {
    let user: SessionUser;
    try {
      user = await checkCaller(role);
    } catch (error) {
      if (error instanceof AuthError) return new Response(await authRefusalText(error), { status: error.status });
      throw error;
    }
    return handler(user, request, context);
  };
}

/**
 * Why checkCaller refused, in the reader's language: a signed-out caller's
 * browser language (no profile to ask), else the user's own. AuthError's
 * message is English, for logs.
 */
export async function authRefusalText(error: AuthError): Promise<string> {
  const locale = (await currentUser())?.locale ?? (await visitorLocale()) ?? DEFAULT_LOCALE;
  return translatorFor(locale, "common")(error.status === 401 ? "actions.signedOut" : "actions.forbidden");
}

/** A route's plain-text answer other than a success, in the caller's language (messages/<locale>/common.json "route"). */
export function routeRefusal(user: Pick<SessionUser, "locale">, status: number, key: string, values?: TranslationValues): Response {
  return new Response(translatorFor(user.locale ?? DEFAULT_LOCALE, "common")(`route.${key}`, values), { status });
}
