import "server-only";
import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";

/**
 * The user id the request's session cookie names, or null: the cookie (the
 * encrypted JWT next-auth wrote at sign-in, possibly in chunks) decrypted with
 * NEXTAUTH_SECRET and its expiry checked — no more. next-auth's
 * getServerSession would run its whole session endpoint for the same answer
 * (options, a CSRF token, the callbacks, and a freshly encrypted cookie that a
 * server component cannot even set), on every page. Headers are not passed on
 * purpose: getToken would otherwise accept the token as an `Authorization:
 * Bearer` header too, which the session never did.
 */
export async function sessionUserId(): Promise<number | null> {
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"] });
  return typeof token?.uid === "number" ? token.uid : null;
}
