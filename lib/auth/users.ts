import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { isLocale, localeOr, type Locale } from "@/lib/i18n/locales";
import { deliverNow, type DeliveryNow } from "@/lib/mail/deliver-now";
import { isUniqueViolation } from "./companies";
import { invitationEmail } from "./emails";
import { AccountError } from "./errors";
import type { InviteInput } from "./schemas";
import type { Role, SessionUser } from "./session";
import { countInvitation } from "./throttle";
import { queueLinkEmail, revokeUserTokens } from "./user-tokens";

// Settings → Users: an administrator invites, promotes, demotes, deactivates
// and reactivates the users of their own company. Every function takes the
// acting administrator and scopes by their company: another company's user id
// is "user-not-found", and nothing changes.
//
// A company always keeps an active administrator. Changes to roles and
// statuses of one company run one at a time (an advisory lock per company,
// taken first in their transaction), and the refusal is part of the UPDATE's
// own WHERE clause: two administrators demoting each other at once cannot
// both succeed, because the second statement starts after the first commits
// and sees one administrator left.

const USERS_LOCK = 7_417_715; // arbitrary constant: "users of company N" advisory lock (key 2 = company id)

export type UserStatus = "INVITED" | "ACTIVE" | "DEACTIVATED";

export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  createdAt: Date;
  /** For invited users: when their latest invitation link stops working (null: none is out). */
  invitationExpiresAt: Date | null;
}

export interface InvitationOutcome {
  userId: number;
  delivery: DeliveryNow;
  /**
   * The invitation link, only when no SMTP server is configured: it can't be
   * e-mailed, so the inviting administrator is shown it once to pass on. It is
   * never stored (the outbox keeps it sealed).
   */
  linkToShare: string | null;
}

function requireAdmin(admin: SessionUser) {
  if (admin.role !== "ADMIN") throw new AccountError("user-not-found");
}

async function withCompanyUsersLocked<T>(companyId: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USERS_LOCK}::int, ${companyId}::int)`;
    return work(tx);
  });
}

/** The company's users: administrators first, then by name. */
export async function listUsers(companyId: number): Promise<UserRow[]> {
  const users = await prisma().user.findMany({
    where: { companyId },
    orderBy: [{ role: "asc" }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      status: true,
      createdAt: true,
      tokens: { where: { purpose: "INVITATION", usedAt: null }, orderBy: { id: "desc" }, take: 1, select: { expiresAt: true } },
    },
  });
  return users.map(({ tokens, ...user }) => ({ ...user, invitationExpiresAt: tokens[0]?.expiresAt ?? null }));
}

async function queueInvitation(tx: Tx, admin: SessionUser, invitee: { id: number; name: string; email: string }) {
  // In the company's language and zone: the invitee has none of their own yet.
  const company = await tx.company.findUniqueOrThrow({ where: { id: admin.companyId }, select: { name: true, locale: true, timeZone: true } });
  return queueLinkEmail(tx, {
    user: { ...invitee, companyId: admin.companyId },
    purpose: "INVITATION",
    createdById: admin.id,
    compose: (link, expiresAt) =>
      invitationEmail({
        inviteeName: invitee.name,
        inviterName: admin.name,
        companyName: company.name,
        link,
        expiresAt,
        locale: localeOr(company.locale),
        timeZone: company.timeZone,
      }),
  });
}

async function sendInvitation(work: (tx: Tx) => Promise<{ userId: number; emailId: number; link: string }>): Promise<InvitationOutcome> {
  const { userId, emailId, link } = await prisma().$transaction(work);
  // After the commit: the row is in the outbox whatever happens to this attempt.
  const delivery = await deliverNow([emailId]);
  return { userId, delivery, linkToShare: delivery === "not-delivered" ? link : null };
}

/** Creates an invited user (no password yet) and e-mails their invitation link. Throttled per company: AccountError "invitation-throttled". */
export async function inviteUser(admin: SessionUser, input: InviteInput): Promise<InvitationOutcome> {
  requireAdmin(admin);
  await countInvitation(admin.companyId);
  try {
    return await sendInvitation(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new AccountError("email-taken");
      const user = await tx.user.create({
        data: { companyId: admin.companyId, email: input.email, name: input.name, role: input.role, status: "INVITED" },
        select: { id: true, name: true, email: true },
      });
      return { userId: user.id, ...(await queueInvitation(tx, admin, user)) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AccountError("email-taken");
    throw error;
  }
}

/** A fresh invitation link for a user who has not accepted yet; the earlier link stops working. Counted with inviteUser's throttle. */
export async function resendInvitation(admin: SessionUser, userId: number): Promise<InvitationOutcome> {
  requireAdmin(admin);
  await countInvitation(admin.companyId);
  return sendInvitation(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, companyId: admin.companyId }, select: { id: true, name: true, email: true, status: true } });
    if (!user) throw new AccountError("user-not-found");
    if (user.status !== "INVITED") throw new AccountError("not-invited");
    return { userId: user.id, ...(await queueInvitation(tx, admin, user)) };
  });
}

/** Why a conditional update changed nothing: the user is not the company's, or it would remove the last active administrator. */
async function refusal(tx: Tx, companyId: number, userId: number): Promise<never> {
  const exists = await tx.user.findFirst({ where: { id: userId, companyId }, select: { id: true } });
  throw new AccountError(exists ? "last-admin" : "user-not-found");
}

// The condition every demotion and deactivation carries: the target is not an
// active administrator, or another active administrator remains.
const KEEPS_AN_ADMIN = `(NOT (u.role = 'ADMIN' AND u.status = 'ACTIVE') OR EXISTS (
   SELECT 1 FROM app_user o WHERE o.company_id = u.company_id AND o.id <> u.id AND o.role = 'ADMIN' AND o.status = 'ACTIVE'))`;

export async function changeRole(admin: SessionUser, userId: number, role: Role): Promise<void> {
  requireAdmin(admin);
  await withCompanyUsersLocked(admin.companyId, async (tx) => {
    const changed = await tx.$executeRawUnsafe(
      `UPDATE app_user u SET role = $3::"Role" WHERE u.id = $1 AND u.company_id = $2 AND ($3 = 'ADMIN' OR ${KEEPS_AN_ADMIN})`,
      userId,
      admin.companyId,
      role,
    );
    if (changed === 0) await refusal(tx, admin.companyId, userId);
  });
}

/** Deactivated users are refused at sign-in and on their very next request; their unused links stop working. */
export async function deactivateUser(admin: SessionUser, userId: number): Promise<void> {
  requireAdmin(admin);
  if (userId === admin.id) throw new AccountError("self-deactivation");
  await withCompanyUsersLocked(admin.companyId, async (tx) => {
    const changed = await tx.$executeRawUnsafe(
      `UPDATE app_user u SET status = 'DEACTIVATED' WHERE u.id = $1 AND u.company_id = $2 AND u.status <> 'DEACTIVATED' AND ${KEEPS_AN_ADMIN}`,
      userId,
      admin.companyId,
    );
    if (changed === 0) {
      const user = await tx.user.findFirst({ where: { id: userId, companyId: admin.companyId }, select: { status: true } });
      if (user?.status === "DEACTIVATED") return;
      await refusal(tx, admin.companyId, userId);
    }
    await revokeUserTokens(tx, userId);
  });
}

/** Back to active — or to invited for someone who never chose a password (then resend their invitation). */
export async function reactivateUser(admin: SessionUser, userId: number): Promise<UserStatus> {
  requireAdmin(admin);
  return withCompanyUsersLocked(admin.companyId, async (tx) => {
    const rows = await tx.$queryRaw<{ status: UserStatus }[]>`
      UPDATE app_user SET status = (CASE WHEN password_hash IS NULL THEN 'INVITED' ELSE 'ACTIVE' END)::"UserStatus"
       WHERE id = ${userId} AND company_id = ${admin.companyId} AND status = 'DEACTIVATED'
      RETURNING status::text AS status`;
    if (rows[0]) return rows[0].status;
    const user = await tx.user.findFirst({ where: { id: userId, companyId: admin.companyId }, select: { id: true } });
    throw new AccountError(user ? "not-deactivated" : "user-not-found");
  });
}

/** A user's own language and zone as stored (null: the company's), with the company's, for the profile page. */
export async function profilePreferences(userId: number): Promise<{ locale: Locale | null; timeZone: string | null; companyLocale: Locale; companyTimeZone: string }> {
  const user = await prisma().user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, timeZone: true, company: { select: { locale: true, timeZone: true } } } });
  return {
    locale: isLocale(user.locale) ? user.locale : null,
    timeZone: user.timeZone,
    companyLocale: localeOr(user.company.locale),
    companyTimeZone: user.company.timeZone,
  };
}
