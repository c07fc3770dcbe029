// Settings → Users as a direct POST of each server action would run it: only
// the session lookup is replaced; the role check, validation, the company
// scope and the lib/auth/users calls are real.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { formOf, withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { changeRoleAction, deactivateUserAction, inviteUserAction, reactivateUserAction, resendInvitationAction } = await import("./actions");

let restoreEnv: () => void;
beforeAll(() => {
  // No mail server: the invitation waits in the outbox and its link comes back once.
  restoreEnv = withEnv({ SMTP_URL: undefined, APP_URL: "http://localhost:3999" });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

// By e-mail ("admin-…" before "user-…"): createCompany makes the two users at once, so their ids come in either order.
const usersOf = (companyId: number) => prisma().user.findMany({ where: { companyId }, select: { email: true, role: true, status: true }, orderBy: { email: "asc" } });

describe("inviteUserAction", () => {
  it("signed out or as a USER: refused before anything is written", async () => {
    const { company, user } = await createCompany();
    const invitation = formOf({ email: `new-${company.id}@test.example`, name: "Nina", role: "ADMIN" });
    expect(await inviteUserAction(null, invitation)).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await inviteUserAction(null, invitation)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await usersOf(company.id)).toHaveLength(2);
    expect(await prisma().outgoingEmail.count({ where: { companyId: company.id } })).toBe(0);
  });

  it("an admin's invitation says where the e-mail is and, without SMTP, hands back the link once; a taken address is refused beside its field", async () => {
    const { company, admin, user } = await createCompany();
    session.userId = admin.id;
    const email = `nina-${company.id}@test.example`;
    const sent = await inviteUserAction(null, formOf({ email: ` ${email.toUpperCase()} `, name: "Nina Newcomer", role: "USER" }));
    expect(sent).toEqual({
      ok: true,
      message: `Invitation sent to ${email}. No mail server is configured (SMTP_URL), so the e-mail waits in Settings → Outgoing E-mails.`,
      data: { linkToShare: expect.stringMatching(/^http:\/\/localhost:3999\/invite\/[A-Za-z0-9_-]{43}$/) },
    });
    expect(await usersOf(company.id)).toContainEqual({ email, role: "USER", status: "INVITED" });

    const taken = await inviteUserAction(null, formOf({ email: user.email, name: "Again", role: "ADMIN" }));
    expect(taken).toEqual({
      ok: false,
      code: "refused",
      message: "Nothing was changed: correct the field marked in red.",
      fieldErrors: { email: ["This e-mail address already has an account. Use another address, or sign in with it."] },
      values: { email: user.email, name: "Again", role: "ADMIN" },
    });
    expect(await usersOf(company.id)).toHaveLength(3);
  });

  it("over the company's 30 invitations an hour: refused with words that say when to try again, nobody invited", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    for (let i = 0; i < 30; i++) expect(await inviteUserAction(null, formOf({ email: `many-${i}-${company.id}@test.example`, name: `Many ${i}`, role: "USER" }))).toMatchObject({ ok: true });
    const refused = await inviteUserAction(null, formOf({ email: `many-30-${company.id}@test.example`, name: "One Too Many", role: "USER" }));
    expect(refused).toMatchObject({ ok: false, code: "refused", message: "Your company has sent too many invitations in the last hour. Try again in 60 minutes." });
    expect(await usersOf(company.id)).not.toContainEqual(expect.objectContaining({ email: `many-30-${company.id}@test.example` }));
  });

  it("bad input: each field's error, the typed values kept, nothing written", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    const state = await inviteUserAction(null, formOf({ email: "not-an-address", name: " ", role: "OWNER" }));
    expect(state).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { email: ["Enter a valid e-mail address."], name: ["Name is required."], role: ["Choose Administrator or User."] },
      values: { email: "not-an-address", name: " ", role: "OWNER" },
    });
    expect(await usersOf(company.id)).toHaveLength(2);
  });
});

describe("the buttons of one user", () => {
  it("another company's user id (a crafted form) is refused with the words, and that user is unchanged", async () => {
    const ours = await createCompany();
    const theirs = await createCompany();
    session.userId = ours.admin.id;
    const unknown = { ok: false, code: "refused", message: "This user is not one of your company's users (it may have been removed). Reload the page." };
    expect(await changeRoleAction(null, formOf({ userId: theirs.admin.id, role: "USER" }))).toMatchObject(unknown);
    expect(await deactivateUserAction(null, formOf({ userId: theirs.admin.id }))).toMatchObject(unknown);
    expect(await resendInvitationAction(null, formOf({ userId: theirs.user.id }))).toMatchObject(unknown);
    expect(await usersOf(theirs.company.id)).toEqual([
      { email: theirs.admin.email, role: "ADMIN", status: "ACTIVE" },
      { email: theirs.user.email, role: "USER", status: "ACTIVE" },
    ]);
  });

  it("a user id that is no id says to reload", async () => {
    const { admin } = await createCompany();
    session.userId = admin.id;
    expect(await deactivateUserAction(null, formOf({ userId: "abc" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { userId: ["Unknown user. Reload the page."] } });
  });

  it("promote, deactivate and reactivate a colleague; the last active administrator stays one", async () => {
    const { company, admin, user } = await createCompany();
    session.userId = admin.id;
    expect(await changeRoleAction(null, formOf({ userId: admin.id, role: "USER" }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "Your company must keep at least one active administrator: make another user an administrator first.",
    });
    expect(await deactivateUserAction(null, formOf({ userId: admin.id }))).toMatchObject({ ok: false, message: "You cannot deactivate your own account. Ask another administrator to do it." });

    expect(await changeRoleAction(null, formOf({ userId: user.id, role: "ADMIN" }))).toEqual({ ok: true, message: "Now an administrator." });
    expect(await deactivateUserAction(null, formOf({ userId: user.id }))).toEqual({ ok: true, message: "Deactivated: signed out at their next click." });
    expect(await usersOf(company.id)).toContainEqual({ email: user.email, role: "ADMIN", status: "DEACTIVATED" });
    expect(await reactivateUserAction(null, formOf({ userId: user.id }))).toEqual({ ok: true, message: "Reactivated: they can sign in again." });
    expect(await reactivateUserAction(null, formOf({ userId: user.id }))).toMatchObject({ ok: false, message: "This user is already active." });
    expect(await usersOf(company.id)).toContainEqual({ email: user.email, role: "ADMIN", status: "ACTIVE" });
  });
});
