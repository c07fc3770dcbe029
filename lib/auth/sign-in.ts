import "server-only";
import { prisma } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { beginSignIn } from "@/lib/http/rate-limit";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { THROTTLED_ERROR } from "./sign-in-errors";

// E-mail and password sign-in, throttled (lib/http/rate-limit.ts: per account
// and address, per account, per address). next-auth's credentials provider
// calls this; a throttled attempt becomes the error code `throttled:<seconds>`,
// which the auth route answers with HTTP 429 and the sign-in form turns into
// "Too many attempts — try again in N minutes".

export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  role: "ADMIN" | "USER";
  companyId: number;
}

export type SignInOutcome =
  | { status: "ok"; user: SignedInUser }
  | { status: "invalid" }
  | { status: "deactivated" }
  | { status: "throttled"; retryAfterSeconds: number };

// Checked when the e-mail is unknown, so a wrong e-mail takes as long as a
// wrong password and sign-in does not reveal who has an account.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$oREsAA92/1rY6t+EceduQw$tlw8nk095QOE0uwSa0E8tqiw/nAEXPQvXYnW+ZZ4Y48";

/**
 * `browserLocale`: the language the browser asked for (the sign-in page's
 * switcher, else Accept-Language). A user who has never had a language gets
 * it at this first sign-in; after that their profile's choice stays.
 */
export async function signInWithPassword(credentials: unknown, clientAddress: string | null, browserLocale: Locale | null = null): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;

  const gate = await beginSignIn(email, clientAddress);
  if (!gate.ok) return { status: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const user = await prisma().user.findUnique({ where: { email } });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  // An invited user who has not chosen a password yet has no hash: nothing matches it.
  if (!user?.passwordHash || !valid) return { status: "invalid" };

  await gate.succeeded();
  // Said only to someone who knows the password: it reveals nothing to a guesser.
  if (user.status !== "ACTIVE") return { status: "deactivated" };
  if (needsRehash(user.passwordHash)) {
    // Only if nobody changed the password meanwhile.
    await prisma().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  if (user.locale === null && browserLocale) await prisma().user.updateMany({ where: { id: user.id, locale: null }, data: { locale: browserLocale } });
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, role: user.role, companyId: user.companyId } };
}

/** The error next-auth passes on for a throttled attempt. */
export function throttledError(retryAfterSeconds: number): Error {
  return new Error(`${THROTTLED_ERROR}:${retryAfterSeconds}`);
}
