import "server-only";
import { prisma } from "@/lib/db/client";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import { passwordResetEmail } from "./emails";
import { AccountError } from "./errors";
import { hashPassword, verifyPassword } from "./password";
import { countPasswordResetRequest } from "./throttle";
import { consumeUserToken, inspectUserToken, queueLinkEmail, type UserTokenPurpose } from "./user-tokens";

// Passwords chosen through a secret link (accepting an invitation, resetting a
// forgotten password) and changed on the profile page.

/**
 * Sets the password of the link's user and uses the link, in one transaction:
 * the link is consumed only if the password is set, and of two concurrent
 * uses one wins. An invitation also activates the user; a reset also ends the
 * user's other reset links. Returns the e-mail to sign in with.
 */
async function setPasswordThroughLink(
  token: string,
  purpose: UserTokenPurpose,
  password: string,
  now = new Date(),
  browserLocale: Locale | null = null,
): Promise<{ email: string }> {
  // A dead link is refused before the (deliberately slow) hash; the transaction checks again.
  if ((await inspectUserToken(token, purpose, now)).state !== "valid") throw new AccountError("link-invalid");
  const passwordHash = await hashPassword(password);
  return prisma().$transaction(async (tx) => {
    const userId = await consumeUserToken(tx, token, purpose, now);
    if (userId === null) throw new AccountError("link-invalid");
    const fromStatus = purpose === "INVITATION" ? "INVITED" : "ACTIVE";
    const updated = await tx.user.updateManyAndReturn({
      where: { id: userId, status: fromStatus },
      data: { passwordHash, status: "ACTIVE" },
      select: { email: true },
    });
    // A user deactivated since the link was sent: nothing changes, the link stays unused.
    if (updated.length === 0) throw new AccountError("link-invalid");
    await tx.userToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    // An invitee reads the app in their browser's language from the start (until they choose one).
    if (browserLocale) await tx.user.updateMany({ where: { id: userId, locale: null }, data: { locale: browserLocale } });
    return { email: updated[0].email };
  });
}

/** `browserLocale`: the invitee's browser's language, which becomes theirs (null: they read the company's). */
export function acceptInvitation(token: string, password: string, now?: Date, browserLocale: Locale | null = null) {
  return setPasswordThroughLink(token, "INVITATION", password, now, browserLocale);
}

export function resetPassword(token: string, password: string, now?: Date) {
  return setPasswordThroughLink(token, "PASSWORD_RESET", password, now);
}

/**
 * "Forgot password?": queues a reset link when the address belongs to an
 * active user, and does nothing otherwise. The caller answers the same either
 * way; it gets the outbox row to deliver (null when nothing was queued).
 * Throttled first (lib/auth/throttle.ts), by the caller's `address` and by the
 * e-mail: over the limit it throws AccountError "reset-throttled".
 */
export async function requestPasswordReset(
  email: string,
  { address = null, now = new Date() }: { address?: string | null; now?: Date } = {},
): Promise<{ emailId: number | null }> {
  await countPasswordResetRequest(email, address);
  const user = await prisma().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, status: true, companyId: true, locale: true, company: { select: { locale: true } } },
  });
  if (!user || user.status !== "ACTIVE") return { emailId: null };
  // In the user's language, else the company's: the one they read the app in.
  const locale = localeOr(user.locale, localeOr(user.company.locale));
  const { emailId } = await prisma().$transaction((tx) =>
    queueLinkEmail(tx, { user, purpose: "PASSWORD_RESET", now, compose: (link) => passwordResetEmail({ name: user.name, link, locale }) }),
  );
  return { emailId };
}

/** The profile page's password change: the current password is required. */
export async function changePassword(userId: number, current: string, next: string): Promise<void> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { passwordHash: true, status: true } });
  if (!user?.passwordHash || user.status !== "ACTIVE" || !(await verifyPassword(current, user.passwordHash))) throw new AccountError("wrong-password");
  const passwordHash = await hashPassword(next);
  await prisma().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    // A reset link asked for earlier must not undo this change.
    await tx.userToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: new Date() } });
  });
}

/** The profile page's details: the name, the language and the time zone the user reads the app in. */
export async function updateProfile(userId: number, input: { name: string; locale?: Locale; timeZone?: string | null }): Promise<void> {
  // An absent language or zone is left as it is; a null zone means the company's.
  const { name, locale, timeZone } = input;
  await prisma().user.update({ where: { id: userId }, data: { name, ...(locale === undefined ? {} : { locale }), ...(timeZone === undefined ? {} : { timeZone }) } });
}
