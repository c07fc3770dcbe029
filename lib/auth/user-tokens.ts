import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { withSecretLink } from "@/lib/mail/secret-link";
import type { EmailContent } from "@/lib/mail/templates";
import { hashToken, looksLikeToken, newSecretToken } from "@/lib/secrets/tokens";

// The secret links sent to users: an invitation (choose a password, 7 days)
// and a password reset (1 hour). Each link's token is random and only its
// SHA-256 is stored; a link works once, until it expires, and a newer link of
// the same purpose replaces the older ones.

export type UserTokenPurpose = "INVITATION" | "PASSWORD_RESET";

export const TOKEN_LIFETIME_MS: Record<UserTokenPurpose, number> = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

export const LINK_PATHS: Record<UserTokenPurpose, string> = {
  INVITATION: "/invite",
  PASSWORD_RESET: "/reset-password",
};

/** A new link for the user; earlier unused links of the same purpose stop working. Inside the caller's transaction. */
export async function issueUserToken(
  tx: Tx,
  input: { userId: number; purpose: UserTokenPurpose; createdById?: number | null; now?: Date },
): Promise<{ id: number; token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  await tx.userToken.updateMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null }, data: { usedAt: now } });
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]);
  const row = await tx.userToken.create({
    data: { userId: input.userId, purpose: input.purpose, tokenHash: hash, expiresAt, createdById: input.createdById ?? null, createdAt: now },
  });
  return { id: row.id, token, expiresAt };
}

/**
 * Issues a link for the user and queues the e-mail that carries it, sealed
 * (lib/mail/secret-link.ts), in the caller's transaction. Returns the outbox
 * row and the link (for the caller to show when it cannot be e-mailed).
 */
export async function queueLinkEmail(
  tx: Tx,
  input: {
    user: { id: number; email: string; companyId: number };
    purpose: UserTokenPurpose;
    createdById?: number | null;
    now?: Date;
    compose: (link: string, expiresAt: Date) => EmailContent;
  },
): Promise<{ emailId: number; link: string }> {
  const { id: tokenId, token, expiresAt } = await issueUserToken(tx, { userId: input.user.id, purpose: input.purpose, createdById: input.createdById, now: input.now });
  const link = `${env().APP_URL}${LINK_PATHS[input.purpose]}/${token}`;
  const row = await tx.outgoingEmail.create({
    data: {
      companyId: input.user.companyId,
      to: input.user.email,
      dedupeKey: `user-token:${tokenId}`,
      ...withSecretLink(link, (secretLink) => input.compose(secretLink, expiresAt)),
    },
    select: { id: true },
  });
  return { emailId: row.id, link };
}

/**
 * Uses a link: one conditional statement, so of two concurrent uses exactly
 * one gets the user id. Returns null for an unknown, used or expired link.
 */
export async function consumeUserToken(tx: Tx, token: string, purpose: UserTokenPurpose, now = new Date()): Promise<number | null> {
  if (!looksLikeToken(token)) return null;
  const rows = await tx.$queryRaw<{ user_id: number }[]>`
    UPDATE user_token SET used_at = ${now}
     WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose}::"UserTokenPurpose"
       AND used_at IS NULL AND expires_at > ${now}
    RETURNING user_id`;
  return rows[0]?.user_id ?? null;
}

/** Every unused link of the user stops working (deactivation). */
export async function revokeUserTokens(tx: Tx, userId: number, now = new Date()) {
  await tx.userToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}

export type LinkState =
  | { state: "valid"; user: { name: string; email: string; companyName: string }; expiresAt: Date }
  | { state: "expired" | "used" | "unknown" };

/** What a link page shows before the form is sent (the action checks again when it is). */
export async function inspectUserToken(token: string, purpose: UserTokenPurpose, now = new Date()): Promise<LinkState> {
  if (!looksLikeToken(token)) return { state: "unknown" };
  const row = await prisma().userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { name: true, email: true, status: true, company: { select: { name: true } } } } },
  });
  if (!row || row.purpose !== purpose) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  if (row.user.status === "DEACTIVATED") return { state: "unknown" };
  return { state: "valid", user: { name: row.user.name, email: row.user.email, companyName: row.user.company.name }, expiresAt: row.expiresAt };
}
