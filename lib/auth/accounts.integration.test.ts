// Users, invitations and password resets against the real database and a real
// SMTP server on loopback: links work once, expire, and their tokens are never
// stored — neither in any table nor in any stored e-mail.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { tablesContaining } from "@/tests/support/secret-scan";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { AccountError } from "./errors";
import { authOptions } from "./options";
import { hashPassword, verifyPassword } from "./password";
import { acceptInvitation, changePassword, requestPasswordReset, resetPassword } from "./passwords";
import { ACCOUNT_DEACTIVATED } from "./schemas";
import { sessionState, type SessionUser } from "./session";
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation } from "./users";
import { deliverNow } from "@/lib/mail/deliver-now";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));

const APP_URL = "http://localhost:3999";
let smtp: TestSmtpServer;
let restoreEnv: () => void;

beforeAll(async () => {
  smtp = await startSmtpServer();
  restoreEnv = withEnv({ SMTP_URL: smtp.url, APP_URL, MAIL_FROM: "IAP Credits <no-reply@test.example>" });
});
afterAll(async () => {
  restoreEnv();
  await smtp.close();
});
beforeEach(() => {
  session.userId = null;
});

const asSessionUser = (user: { id: number; companyId: number; email: string; name: string; role: "ADMIN" | "USER" }): SessionUser => ({ ...user });

/** The link in the one e-mail the SMTP server received for `to`, and the token in it. */
function linkTo(to: string, path: "/invite/" | "/reset-password/"): { link: string; token: string } {
  const [mail] = smtp.to(to).slice(-1);
  if (!mail) throw new Error(`no e-mail for ${to}`);
  const match = new RegExp(`${APP_URL}${path}([A-Za-z0-9_-]{43})`).exec(mail.text ?? "");
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  expect(mail.html).toContain(match[0]);
  return { link: match[0], token: match[1] };
}

async function expectRefused(promise: Promise<unknown>, code: string) {
  const error = await promise.catch((caught) => caught);
  expect(error).toBeInstanceOf(AccountError);
  expect((error as AccountError).code).toBe(code);
}

const signIn = (email: string, password: string) =>
  (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>) => Promise<unknown> } }).options.authorize({ email, password });

describe("invitations", () => {
  it("invites a user by e-mail; the link sets a password once; no table or stored e-mail holds the token", async () => {
    const { company, admin } = await createCompany();
    const email = `invitee-${company.id}@test.example`;
    const outcome = await inviteUser(asSessionUser(admin), { email, name: "Ivy Invitee", role: "USER" });
    expect(outcome).toMatchObject({ delivery: "sent", linkToShare: null });
    const invited = await prisma().user.findUniqueOrThrow({ where: { email } });
    expect(invited).toMatchObject({ companyId: company.id, status: "INVITED", passwordHash: null, role: "USER" });

    const { link, token } = linkTo(email, "/invite/");
    const mail = smtp.to(email)[0];
    expect(mail.subject).toBe(`Test Admin invited you to ${company.name}`);
    expect(mail.text).toContain("The link works once");
    // Stored: the hash of the token only, and the e-mail without its link.
    expect(await tablesContaining(pool(), token)).toEqual([]);
    const stored = await prisma().outgoingEmail.findFirstOrThrow({ where: { companyId: company.id, to: email } });
    expect(stored.state).toBe("SENT");
    expect(`${stored.html}${stored.text}`).not.toContain(link);
    expect(stored.text).toContain("{{secret-link}}");

    expect(await acceptInvitation(token, "correct horse battery")).toEqual({ email });
    const active = await prisma().user.findUniqueOrThrow({ where: { email } });
    expect(active.status).toBe("ACTIVE");
    expect(await verifyPassword("correct horse battery", active.passwordHash!)).toBe(true);
    await expect(signIn(email, "correct horse battery")).resolves.toMatchObject({ email, companyId: company.id });

    // Used once: the same link again changes nothing.
    await expectRefused(acceptInvitation(token, "another password"), "link-invalid");
    expect((await prisma().user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(active.passwordHash);
  });

  it("expires after 7 days; resending makes a new link and the old one stops working", async () => {
    const { company, admin } = await createCompany();
    const email = `late-${company.id}@test.example`;
    const { userId } = await inviteUser(asSessionUser(admin), { email, name: "Lou Late", role: "USER" });
    const first = linkTo(email, "/invite/");
    const in8Days = new Date(Date.now() + 8 * 24 * 3600_000);
    await expectRefused(acceptInvitation(first.token, "password-123", in8Days), "link-invalid");

    await resendInvitation(asSessionUser(admin), userId);
    const second = linkTo(email, "/invite/");
    expect(second.token).not.toBe(first.token);
    await expectRefused(acceptInvitation(first.token, "password-123"), "link-invalid");
    const in6Days = new Date(Date.now() + 6 * 24 * 3600_000);
    await expect(acceptInvitation(second.token, "password-123", in6Days)).resolves.toEqual({ email });
    await expectRefused(resendInvitation(asSessionUser(admin), userId), "not-invited");
  });

  it("of concurrent uses of one link exactly one sets the password", async () => {
    const { company, admin } = await createCompany();
    const email = `race-${company.id}@test.example`;
    await inviteUser(asSessionUser(admin), { email, name: "Rae Race", role: "USER" });
    const { token } = linkTo(email, "/invite/");
    const outcomes = await Promise.allSettled(Array.from({ length: 3 }, (_, i) => acceptInvitation(token, `password-${i}-long`)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").every((o) => (o as PromiseRejectedResult).reason.code === "link-invalid")).toBe(true);
  });

  it("refuses an e-mail that has an account already, and a USER inviting; nothing is created", async () => {
    const { company, admin, user } = await createCompany();
    await expectRefused(inviteUser(asSessionUser(admin), { email: user.email, name: "Again", role: "USER" }), "email-taken");
    await expectRefused(inviteUser(asSessionUser(user), { email: `x-${company.id}@test.example`, name: "X", role: "ADMIN" }), "user-not-found");
    expect(await prisma().user.count({ where: { companyId: company.id } })).toBe(2);
    expect(await prisma().outgoingEmail.count({ where: { companyId: company.id } })).toBe(0);
  });

  it("without an SMTP server, the e-mail waits in the outbox and the inviting admin is shown the link once", async () => {
    const { company, admin } = await createCompany();
    const email = `nosmtp-${company.id}@test.example`;
    const restore = withEnv({ SMTP_URL: undefined });
    const outcome = await inviteUser(asSessionUser(admin), { email, name: "Nora", role: "USER" }).finally(restore);
    expect(outcome.delivery).toBe("not-delivered");
    expect(outcome.linkToShare).toMatch(new RegExp(`^${APP_URL}/invite/[A-Za-z0-9_-]{43}$`));
    const token = outcome.linkToShare!.split("/invite/")[1];
    expect(await tablesContaining(pool(), token)).toEqual([]);
    expect((await prisma().outgoingEmail.findFirstOrThrow({ where: { companyId: company.id } })).state).toBe("QUEUED");
    await expect(acceptInvitation(token, "password-123")).resolves.toEqual({ email });
  });
});

describe("password reset", () => {
  it("e-mails a link that works once, for one hour; the token is stored nowhere", async () => {
    const { company } = await createCompany();
    const email = `reset-${company.id}@test.example`;
    await prisma().user.create({ data: { companyId: company.id, email, name: "Rita Reset", passwordHash: await hashPassword("old-password"), role: "USER" } });

    const { emailId } = await requestPasswordReset(email);
    expect(emailId).not.toBeNull();
    expect(await deliverNow([emailId!])).toBe("sent");
    const { token } = linkTo(email, "/reset-password/");
    expect(await tablesContaining(pool(), token)).toEqual([]);

    const in61Minutes = new Date(Date.now() + 61 * 60_000);
    await expectRefused(resetPassword(token, "new-password-1", in61Minutes), "link-invalid");
    const in59Minutes = new Date(Date.now() + 59 * 60_000);
    await expect(resetPassword(token, "new-password-1", in59Minutes)).resolves.toEqual({ email });
    await expectRefused(resetPassword(token, "new-password-2"), "link-invalid");
    await expect(signIn(email, "new-password-1")).resolves.toMatchObject({ email });
    await expect(signIn(email, "old-password")).resolves.toBeNull();
  });

  it("an unknown or deactivated address queues nothing, and the caller cannot tell", async () => {
    const { company, user } = await createCompany();
    const before = await prisma().outgoingEmail.count();
    expect(await requestPasswordReset(`nobody-${company.id}@test.example`)).toEqual({ emailId: null });
    await prisma().user.update({ where: { id: user.id }, data: { status: "DEACTIVATED" } });
    expect(await requestPasswordReset(user.email)).toEqual({ emailId: null });
    expect(await prisma().outgoingEmail.count()).toBe(before);
  });

  it("changing the password on the profile needs the current one, and ends reset links asked for before", async () => {
    const { company } = await createCompany();
    const email = `change-${company.id}@test.example`;
    const user = await prisma().user.create({ data: { companyId: company.id, email, name: "Cy", passwordHash: await hashPassword("first-password"), role: "USER" } });
    const { emailId } = await requestPasswordReset(email);
    await deliverNow([emailId!]);
    const { token } = linkTo(email, "/reset-password/");
    await expectRefused(changePassword(user.id, "not-the-password", "second-password"), "wrong-password");
    await changePassword(user.id, "first-password", "second-password");
    await expect(signIn(email, "second-password")).resolves.toMatchObject({ email });
    await expectRefused(resetPassword(token, "third-password"), "link-invalid");
  });
});

describe("throttles", () => {
  const throttledFor = async (promise: Promise<unknown>, code: string) => {
    const error = await promise.catch((caught) => caught);
    expect(error).toBeInstanceOf(AccountError);
    expect((error as AccountError).code).toBe(code);
    return Number((error as AccountError).details.retryAfterSeconds);
  };
  const address = () => `test-address-${crypto.randomUUID()}`;

  it("password reset: 5 an hour for one e-mail from any address; the 6th is refused with the wait, and queues nothing", async () => {
    const { company } = await createCompany();
    const email = `throttled-${company.id}@test.example`;
    await prisma().user.create({ data: { companyId: company.id, email, name: "Tess Throttled", passwordHash: await hashPassword("old-password"), role: "USER" } });
    for (let i = 0; i < 5; i++) expect((await requestPasswordReset(email, { address: address() })).emailId).not.toBeNull();
    const queued = await prisma().outgoingEmail.count({ where: { companyId: company.id } });
    const wait = await throttledFor(requestPasswordReset(email, { address: address() }), "reset-throttled");
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(await prisma().outgoingEmail.count({ where: { companyId: company.id } })).toBe(queued);
  });

  it("password reset: 5 an hour from one address over all e-mails; another address is not held back", async () => {
    const { company } = await createCompany();
    const from = address();
    for (let i = 0; i < 5; i++) await requestPasswordReset(`nobody-${i}-${company.id}@test.example`, { address: from });
    await throttledFor(requestPasswordReset(`nobody-5-${company.id}@test.example`, { address: from }), "reset-throttled");
    await expect(requestPasswordReset(`nobody-5-${company.id}@test.example`, { address: address() })).resolves.toEqual({ emailId: null });
  });

  it("invitations: 30 an hour per company, resending counted too; the next is refused and creates nobody; another company is not held back", async () => {
    const restore = withEnv({ SMTP_URL: undefined });
    try {
      const { company, admin } = await createCompany();
      const invited = await inviteUser(asSessionUser(admin), { email: `inv-0-${company.id}@test.example`, name: "Inv 0", role: "USER" });
      await resendInvitation(asSessionUser(admin), invited.userId);
      for (let i = 1; i < 29; i++) await inviteUser(asSessionUser(admin), { email: `inv-${i}-${company.id}@test.example`, name: `Inv ${i}`, role: "USER" });
      const users = await prisma().user.count({ where: { companyId: company.id } });
      const wait = await throttledFor(inviteUser(asSessionUser(admin), { email: `inv-29-${company.id}@test.example`, name: "Inv 29", role: "USER" }), "invitation-throttled");
      expect(wait).toBeGreaterThan(3500);
      await throttledFor(resendInvitation(asSessionUser(admin), invited.userId), "invitation-throttled");
      expect(await prisma().user.count({ where: { companyId: company.id } })).toBe(users);

      const other = await createCompany();
      await expect(inviteUser(asSessionUser(other.admin), { email: `inv-other-${other.company.id}@test.example`, name: "Other", role: "USER" })).resolves.toMatchObject({ delivery: "not-delivered" });
    } finally {
      restore();
    }
  });
});

describe("roles and deactivation", () => {
  it("two administrators demoting each other at once: exactly one succeeds, an active admin is always left", async () => {
    for (let round = 0; round < 8; round++) {
      const { company, admin } = await createCompany();
      const other = await prisma().user.create({ data: { companyId: company.id, email: `second-${company.id}@test.example`, name: "Second Admin", passwordHash: "x", role: "ADMIN" } });
      const outcomes = await Promise.allSettled([changeRole(asSessionUser(admin), other.id, "USER"), changeRole(asSessionUser({ ...other, role: "ADMIN" }), admin.id, "USER")]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason.code).toBe("last-admin");
      expect(await prisma().user.count({ where: { companyId: company.id, role: "ADMIN", status: "ACTIVE" } })).toBe(1);
    }
  });

  it("the last active administrator can be neither demoted nor deactivated; a deactivated admin does not count", async () => {
    const { company, admin, user } = await createCompany();
    await expectRefused(changeRole(asSessionUser(admin), admin.id, "USER"), "last-admin");
    await changeRole(asSessionUser(admin), user.id, "ADMIN");
    await deactivateUser(asSessionUser(admin), user.id);
    await expectRefused(changeRole(asSessionUser(admin), admin.id, "USER"), "last-admin");
    await expectRefused(deactivateUser(asSessionUser(admin), admin.id), "self-deactivation");
    expect(await prisma().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", status: "ACTIVE" });
    expect(await reactivateUser(asSessionUser(admin), user.id)).toBe("ACTIVE");
    expect(await prisma().user.count({ where: { companyId: company.id, role: "ADMIN", status: "ACTIVE" } })).toBe(2);
  });

  it("a deactivated user's next request is refused, and sign-in says the account is deactivated", async () => {
    const { company, admin } = await createCompany();
    const email = `leaver-${company.id}@test.example`;
    const leaver = await prisma().user.create({ data: { companyId: company.id, email, name: "Lee Leaver", passwordHash: await hashPassword("leaver-password"), role: "USER" } });
    session.userId = leaver.id;
    expect((await sessionState()).user?.id).toBe(leaver.id);
    await deactivateUser(asSessionUser(admin), leaver.id);
    expect(await sessionState()).toEqual({ user: null, ended: "deactivated" });
    await expect(signIn(email, "leaver-password")).rejects.toThrow(ACCOUNT_DEACTIVATED);
    await expect(signIn(email, "wrong-password")).resolves.toBeNull();
    expect(await reactivateUser(asSessionUser(admin), leaver.id)).toBe("ACTIVE");
    expect((await sessionState()).user?.id).toBe(leaver.id);
  });

  it("another company's administrator changes nothing with this company's user ids", async () => {
    const a = await createCompany();
    const b = await createCompany();
    const intruder = asSessionUser(b.admin);
    await expectRefused(changeRole(intruder, a.user.id, "ADMIN"), "user-not-found");
    await expectRefused(changeRole(intruder, a.admin.id, "USER"), "user-not-found");
    await expectRefused(deactivateUser(intruder, a.user.id), "user-not-found");
    await expectRefused(reactivateUser(intruder, a.user.id), "user-not-found");
    await expectRefused(resendInvitation(intruder, a.user.id), "user-not-found");
    const state = (id: number) => prisma().user.findUniqueOrThrow({ where: { id }, select: { role: true, status: true } });
    expect(await state(a.admin.id)).toEqual({ role: "ADMIN", status: "ACTIVE" });
    expect(await state(a.user.id)).toEqual({ role: "USER", status: "ACTIVE" });
  });
});
