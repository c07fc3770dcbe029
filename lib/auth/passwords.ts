import "server-only";
import { prisma } from "@/lib/db/client";
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
async function setPasswordThroughLink(token: string, purpose: UserTokenPurpose, password: string, now = new Date()): Promise<{ email: string }> {
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
    return { email: updated[0].email };
  });
}

export function acceptInvitation(token: string, password: string, now?: Date) {
  return setPasswordThroughLink(token, "INVITATION", password, now);
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
  const user = await prisma().user.findUnique({ where: { email }, select: { id: true, name: true, email: true, status: true, companyId: true } });
  if (!user || user.status !== "ACTIVE") return { emailId: null };
  const { emailId } = await prisma().$transaction((tx) =>
    queueLinkEmail(tx, { user, purpose: "PASSWORD_RESET", now, compose: (link) => passwordResetEmail({ name: user.name, link }) }),
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

/** The profile page's details (language and time zone will join the name here). */
export async function updateProfile(userId: number, input: { name: string }): Promise<void> {
  await prisma().user.update({ where: { id: userId }, data: { name: input.name } });
}
