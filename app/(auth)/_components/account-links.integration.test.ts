// The signed-out account actions (set-up, forgot password, invitation and
// reset links) as a direct POST would run them: no session at all (PUBLIC),
// the real database and a real SMTP server on loopback. The answer names the
// account for the browser's sign-in, and never carries a password or a token.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { inviteUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db/client";
import { formOf, withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";

vi.mock("next-auth", () => ({ getServerSession: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// The caller as our HTTP server would name it (lib/http/client-address.ts, one trusted proxy hop).
// Its browser's languages: a new company and an accepted invitation keep them.
const caller = vi.hoisted(() => ({ address: "192.0.2.1", acceptLanguage: "en-GB,en;q=0.9" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": caller.address, "accept-language": caller.acceptLanguage }),
  cookies: async () => ({ get: () => undefined }),
}));
// after() needs a request; here its work runs at once, before the test looks at the SMTP server.
const afterWork = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: (work: () => Promise<unknown>) => void afterWork.push(work()) }));

const { setupCompanyAction } = await import("../setup/actions");
const { forgotPasswordAction } = await import("../forgot-password/actions");
const { acceptInvitationAction } = await import("../invite/[token]/actions");
const { resetPasswordAction } = await import("../reset-password/[token]/actions");

const APP_URL = "http://localhost:3998";
let smtp: TestSmtpServer;
let restoreEnv: () => void;
beforeAll(async () => {
  smtp = await startSmtpServer();
  restoreEnv = withEnv({ SMTP_URL: smtp.url, APP_URL, MAIL_FROM: "IAP Credits <no-reply@test.example>", SIGNUP: undefined, TRUST_PROXY_HOPS: "1" });
});
afterAll(async () => {
  restoreEnv();
  await smtp.close();
});

const tokenIn = (to: string, path: string) => new RegExp(`${APP_URL}${path}([A-Za-z0-9_-]{43})`).exec(smtp.to(to).at(-1)?.text ?? "")?.[1];

describe("setupCompanyAction", () => {
  const setup = (suffix: string, password = "first-admin-password") =>
    formOf({ companyName: `Setup Co ${suffix}`, country: "fr", currency: "eur", name: "Sam Setup", email: `sam-${suffix}@test.example`, password });

  it("once a company exists and SIGNUP is not open: refused with the words, nothing created, the password not echoed", async () => {
    await createCompany();
    const suffix = crypto.randomUUID().slice(0, 8);
    const state = await setupCompanyAction(null, setup(suffix));
    expect(state).toMatchObject({
      ok: false,
      code: "refused",
      message: "A company is already set up on this server. Sign in, or ask an administrator of your company to invite you.",
    });
    expect(JSON.stringify(state)).not.toContain("first-admin-password");
    expect(await prisma().company.count({ where: { name: `Setup Co ${suffix}` } })).toBe(0);
  });

  it("with SIGNUP=open: the company and its administrator, answered with the e-mail to sign in with; a taken e-mail is refused beside its field", async () => {
    const restore = withEnv({ SIGNUP: "open" });
    try {
      const suffix = crypto.randomUUID().slice(0, 8);
      caller.acceptLanguage = "fr-BE,fr;q=0.9,en;q=0.5";
      expect(await setupCompanyAction(null, setup(suffix))).toEqual({ ok: true, data: { email: `sam-${suffix}@test.example` } });
      caller.acceptLanguage = "en-GB,en;q=0.9";
      const company = await prisma().company.findFirstOrThrow({ where: { name: `Setup Co ${suffix}` }, include: { users: true } });
      // The company speaks its founder's browser's language; the founder has none of their own (they follow the company's).
      expect(company).toMatchObject({ country: "FR", currency: "EUR", locale: "fr", users: [{ email: `sam-${suffix}@test.example`, role: "ADMIN", status: "ACTIVE", locale: null }] });

      const again = await setupCompanyAction(null, formOf({ ...Object.fromEntries(setup(crypto.randomUUID().slice(0, 8))), email: `sam-${suffix}@test.example` }));
      expect(again).toMatchObject({ ok: false, code: "refused", fieldErrors: { email: ["This e-mail address already has an account. Use another address, or sign in with it."] } });
      expect((again as { values: object }).values).not.toHaveProperty("password");
    } finally {
      restore();
    }
  });
});

describe("forgotPasswordAction", () => {
  it("answers the same for an unknown and a known address; only the known one gets a link", async () => {
    const { user } = await createCompany();
    const unknown = await forgotPasswordAction(null, formOf({ email: `nobody-${user.id}@test.example` }));
    const known = await forgotPasswordAction(null, formOf({ email: user.email.toUpperCase() }));
    await Promise.all(afterWork);
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ ok: true, message: expect.stringContaining("If an account uses this address") });
    expect(smtp.to(`nobody-${user.id}@test.example`)).toHaveLength(0);
    expect(tokenIn(user.email, "/reset-password/")).toBeDefined();
  });
});

describe("forgotPasswordAction throttle", () => {
  it("the 6th request within the hour from one address is refused with words that say when to try again, and e-mails nothing", async () => {
    const { company } = await createCompany();
    caller.address = `203.0.113.${(company.id % 250) + 1}`;
    try {
      for (let i = 0; i < 5; i++) expect(await forgotPasswordAction(null, formOf({ email: `someone-${i}-${company.id}@test.example` }))).toMatchObject({ ok: true });
      const refused = await forgotPasswordAction(null, formOf({ email: `someone-5-${company.id}@test.example` }));
      await Promise.all(afterWork);
      expect(refused).toMatchObject({
        ok: false,
        code: "refused",
        message: "Too many password reset requests from your network or for this address. Try again in 60 minutes.",
      });
    } finally {
      caller.address = "192.0.2.1";
    }
  });
});

describe("the invitation and reset links", () => {
  it("an invitation link sets the password once and answers the e-mail; mistyped, it is refused beside the field, echoing neither password nor token", async () => {
    const { company, admin } = await createCompany();
    const email = `ivy-${company.id}@test.example`;
    await inviteUser({ ...admin, role: "ADMIN" }, { email, name: "Ivy Invitee", role: "USER" });
    const token = tokenIn(email, "/invite/")!;

    const mistyped = await acceptInvitationAction(null, formOf({ token, username: email, password: "ivy-password-1", confirmPassword: "ivy-password-2" }));
    expect(mistyped).toEqual({ ok: false, code: "invalid", fieldErrors: { confirmPassword: ["The two passwords differ."] }, values: { username: email } });

    caller.acceptLanguage = "zh-CN,zh;q=0.9";
    expect(await acceptInvitationAction(null, formOf({ token, password: "ivy-password-1", confirmPassword: "ivy-password-1" }))).toEqual({ ok: true, data: { email } });
    caller.acceptLanguage = "en-GB,en;q=0.9";
    const invitee = await prisma().user.findUniqueOrThrow({ where: { email } });
    expect(invitee.status).toBe("ACTIVE");
    expect(invitee.locale).toBe("zh-CN");
    expect(await verifyPassword("ivy-password-1", invitee.passwordHash ?? "")).toBe(true);

    expect(await acceptInvitationAction(null, formOf({ token, password: "ivy-password-3", confirmPassword: "ivy-password-3" }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "This link has expired or was already used. Ask for a new one.",
    });
  });

  it("a reset link is not an invitation link, and a link with no token names the problem", async () => {
    const { company } = await createCompany();
    const email = `rex-${company.id}@test.example`;
    await prisma().user.create({ data: { companyId: company.id, email, name: "Rex", passwordHash: await hashPassword("old-password"), role: "USER" } });
    await forgotPasswordAction(null, formOf({ email }));
    await Promise.all(afterWork);
    const token = tokenIn(email, "/reset-password/")!;

    expect(await acceptInvitationAction(null, formOf({ token, password: "new-password-1", confirmPassword: "new-password-1" }))).toMatchObject({ ok: false, code: "refused" });
    expect(await resetPasswordAction(null, formOf({ token: "", password: "new-password-1", confirmPassword: "new-password-1" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { token: ["This link is not complete: open it again from your e-mail."] },
    });
    expect(await resetPasswordAction(null, formOf({ token, password: "new-password-1", confirmPassword: "new-password-1" }))).toEqual({ ok: true, data: { email } });
  });
});
