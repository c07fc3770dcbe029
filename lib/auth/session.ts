import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { pool } from "@/lib/db/client";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import { sessionUserId } from "./session-token";

export type Role = "ADMIN" | "USER";

export interface SessionUser {
  id: number;
  companyId: number;
  email: string;
  name: string;
  role: Role;
  /** The language they read the app in: theirs, else the company's. Set on a signed-in request (absent where a test or a job builds a caller). */
  locale?: Locale;
  /** The IANA time zone they read times in: theirs, else the company's. */
  timeZone?: string;
}

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The signed-in user, re-read from the database on every call so that a
 * deleted or deactivated user, or a changed role, takes effect at once (on the
 * very next request), not when the session cookie expires.
 */
export async function currentUser(): Promise<SessionUser | null> {
  return (await sessionState()).user;
}

/**
 * The session and what became of its user: `ended` says why a session cookie
 * no longer signs anyone in ("deactivated", or "gone" when the user was deleted).
 * Once per request: React's cache() shares the answer between the layout, the
 * page and its banners while one page renders (outside a render it is a plain call).
 */
export const sessionState = cache(async function sessionState(): Promise<{ user: SessionUser; ended: null } | { user: null; ended: "deactivated" | "gone" | null }> {
  const id = await sessionUserId();
  if (!id) return { user: null, ended: null };
  // One statement (a named, prepared one) for the user and their company's defaults: this runs on every request.
  const { rows } = await pool().query<{ id: number; company_id: number; email: string; name: string; role: Role; status: string; locale: string | null; time_zone: string | null; company_locale: string; company_time_zone: string }>({
    name: "session_user",
    text: `SELECT u.id, u.company_id, u.email, u.name, u.role, u.status, u.locale, u.time_zone, c.locale AS company_locale, c.time_zone AS company_time_zone
             FROM app_user u JOIN company c ON c.id = u.company_id WHERE u.id = $1`,
    values: [id],
  });
  const user = rows[0];
  if (!user) return { user: null, ended: "gone" };
  if (user.status !== "ACTIVE") return { user: null, ended: "deactivated" };
  return {
    user: {
      id: user.id,
      companyId: user.company_id,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: localeOr(user.locale, localeOr(user.company_locale)),
      timeZone: user.time_zone ?? user.company_time_zone,
    },
    ended: null,
  };
});

/** For pages: redirect to sign-in when signed out (coming back here afterwards). */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}

/** For pages: a USER gets the 403 page. */
export async function requireAdmin(returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "ADMIN") forbidden();
  return user;
}

/**
 * For route handlers, which are their own entry points (server actions go
 * through lib/actions, which asks currentUser() itself): the
 * signed-in caller with at least `role`, or an AuthError (401/403) instead of a
 * rendered page, so the caller answers with a status or a refusal.
 */
export async function checkCaller(role: Role | "ANY" = "ANY"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthError(401, "Your session has ended. Sign in again.");
  if (role === "ADMIN" && user.role !== "ADMIN") throw new AuthError(403, "Only administrators can do this.");
  return user;
}
