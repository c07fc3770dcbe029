import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./options";

export type Role = "ADMIN" | "USER";

export interface SessionUser {
  id: number;
  companyId: number;
  email: string;
  name: string;
  role: Role;
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
 * deleted user or a changed role takes effect at once, not when the token expires.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma().user.findUnique({ where: { id } });
  if (!user) return null;
  return { id: user.id, companyId: user.companyId, email: user.email, name: user.name, role: user.role };
}

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
