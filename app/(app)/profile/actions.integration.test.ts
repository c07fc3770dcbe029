// The profile as a direct POST of its server actions would run it: only the
// session lookup is replaced. What matters beyond the change itself: a refused
// form gets back what was typed, but never a password.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { verifyPassword, hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { changePasswordAction, updateProfileAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

const passwordHashOf = async (id: number) => (await prisma().user.findUniqueOrThrow({ where: { id } })).passwordHash;

describe("updateProfileAction", () => {
  it("saves the caller's own name, and only theirs; a blank name is refused and kept", async () => {
    const { admin, user } = await createCompany();
    session.userId = user.id;
    expect(await updateProfileAction(null, formOf({ name: "  Uma Updated ", id: admin.id }))).toEqual({ ok: true, message: "Saved." });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Uma Updated");
    expect((await prisma().user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe("Test Admin");
    expect(await updateProfileAction(null, formOf({ name: "   " }))).toEqual({ ok: false, code: "invalid", fieldErrors: { name: ["Name is required."] }, values: { name: "   " } });
  });

  it("saves the caller's language and time zone, and answers in the new language; an unknown zone or language changes nothing", async () => {
    const { user } = await createCompany();
    session.userId = user.id;
    const stored = async () => prisma().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, locale: true, timeZone: true } });
    expect(await updateProfileAction(null, formOf({ name: "Uma", locale: "fr", timeZone: "Europe/Paris" }))).toEqual({ ok: true, message: "Enregistré." });
    expect(await stored()).toEqual({ name: "Uma", locale: "fr", timeZone: "Europe/Paris" });

    // Refused in the caller's language, French now.
    const badZone = await updateProfileAction(null, formOf({ name: "Uma B", locale: "zh-CN", timeZone: "Mars/Olympus_Mons" }));
    expect(badZone).toMatchObject({ ok: false, code: "invalid", fieldErrors: { timeZone: ["Choisissez un fuseau horaire dans la liste."] } });
    const badLocale = await updateProfileAction(null, formOf({ name: "Uma B", locale: "de", timeZone: "" }));
    expect(badLocale).toMatchObject({ ok: false, code: "invalid", fieldErrors: { locale: ["Choisissez l'une des langues proposées."] } });
    expect(await stored()).toEqual({ name: "Uma", locale: "fr", timeZone: "Europe/Paris" });

    // The empty zone is the company's again; a form with the name only leaves language and zone alone.
    expect(await updateProfileAction(null, formOf({ name: "Uma", locale: "zh-CN", timeZone: "" }))).toEqual({ ok: true, message: "已保存。" });
    expect(await updateProfileAction(null, formOf({ name: "Uma C" }))).toEqual({ ok: true, message: "已保存。" });
    expect(await stored()).toEqual({ name: "Uma C", locale: "zh-CN", timeZone: null });
  });

  it("signed out: refused", async () => {
    expect(await updateProfileAction(null, formOf({ name: "Nobody" }))).toMatchObject({ ok: false, code: "signed-out" });
  });
});

describe("changePasswordAction", () => {
  it("a wrong current password is refused beside its field, the password unchanged, and no password comes back", async () => {
    const { user } = await createCompany();
    await prisma().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("first-password") } });
    session.userId = user.id;
    const before = await passwordHashOf(user.id);

    const wrong = await changePasswordAction(null, formOf({ username: user.email, currentPassword: "not-my-password", password: "second-password", confirmPassword: "second-password" }));
    expect(wrong).toEqual({
      ok: false,
      code: "refused",
      message: "Nothing was changed: correct the field marked in red.",
      fieldErrors: { currentPassword: ["Your current password is not right. Type it again."] },
      values: { username: user.email },
    });
    expect(JSON.stringify(wrong)).not.toMatch(/not-my-password|second-password/);

    const differ = await changePasswordAction(null, formOf({ currentPassword: "first-password", password: "second-password", confirmPassword: "second-passwrod" }));
    expect(differ).toEqual({ ok: false, code: "invalid", fieldErrors: { confirmPassword: ["The two passwords differ."] }, values: {} });
    expect(await passwordHashOf(user.id)).toBe(before);

    expect(await changePasswordAction(null, formOf({ currentPassword: "first-password", password: "second-password", confirmPassword: "second-password" }))).toEqual({
      ok: true,
      message: "Password changed. Use the new one next time you sign in.",
    });
    expect(await verifyPassword("second-password", (await passwordHashOf(user.id)) ?? "")).toBe(true);
  });
});
