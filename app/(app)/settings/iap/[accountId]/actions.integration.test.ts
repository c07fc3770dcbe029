// The Warn Me server action as a direct POST would run it: only the session
// lookup is replaced (there is no request here); the role check, validation
// and database write are the real ones.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { fieldErrorsOf, formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveWarningSettingsAction } = await import("./actions");

const VALID = { warnEnabled: "on", threshold: "50", email: "ops@example.com" };

async function setUp() {
  const { company, admin, user } = await createCompany();
  const account = await getOrCreateAccount(company.id, "sms");
  const read = () => prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } });
  return { company, admin, user, account, read, before: await read() };
}

describe("saveWarningSettingsAction", () => {
  beforeEach(() => {
    session.userId = null;
  });

  it("an admin saves Warn Me: threshold in the service's units", async () => {
    const { admin, account, read } = await setUp();
    session.userId = admin.id;
    const state = await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID }));
    expect(state).toEqual({ ok: true, message: "Saved" });
    expect(await read()).toMatchObject({ warnEnabled: true, warningThreshold: 5000n, warningEmail: "ops@example.com" });
  });

  it("a USER posting the action directly changes nothing", async () => {
    const { user, account, read, before } = await setUp();
    session.userId = user.id;
    const state = await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID }));
    expect(state).toMatchObject({ ok: false, code: "forbidden" });
    expect(await read()).toEqual(before);
  });

  it("signed out, or an admin of another company: nothing changes", async () => {
    const { account, read, before } = await setUp();
    expect(await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID }))).toMatchObject({ ok: false, code: "signed-out" });
    const { admin: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID }))).toMatchObject({
      ok: false,
      message: "This account does not exist in your company.",
    });
    expect(await read()).toEqual(before);
  });

  it("any invalid field: errors by field and nothing saved", async () => {
    const { admin, account, read, before } = await setUp();
    session.userId = admin.id;
    const negative = await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID, threshold: "-5" }));
    expect(negative).toMatchObject({ ok: false, code: "invalid", fieldErrors: { threshold: ["Enter a number of credits of 0 or more."] } });
    expect(Object.keys(fieldErrorsOf(negative))).toEqual(["threshold"]);
    const badEmail = await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID, email: "not-an-address" }));
    expect(Object.keys(fieldErrorsOf(badEmail))).toEqual(["email"]);
    const tooPrecise = await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID, threshold: "1.234" }));
    expect(fieldErrorsOf(tooPrecise).threshold?.[0]).toMatch(/2 decimal places/);
    expect(await read()).toEqual(before);
  });

  it("a French admin: the decimal comma, the e-mail's language saved, errors in French", async () => {
    const { admin, account, read, before } = await setUp();
    await prisma().user.update({ where: { id: admin.id }, data: { locale: "fr" } });
    session.userId = admin.id;
    const refused = await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID, threshold: "1,234", email: "" }));
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { threshold: ["Utilisez au plus 2\u00a0décimales."], email: ["Saisissez l'adresse e-mail qui reçoit l'avertissement."] },
    });
    expect(await read()).toEqual(before);

    const saved = await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID, threshold: "12,5", warningLocale: "fr" }));
    expect(saved).toEqual({ ok: true, message: "Enregistré" });
    expect(await read()).toMatchObject({ warnEnabled: true, warningThreshold: 1250n, warningLocale: "fr" });

    // Unticking Warn Me keeps the chosen language; "" goes back to the company's.
    await saveWarningSettingsAction(null, formOf({ accountId: account.id, warningLocale: "fr" }));
    expect(await read()).toMatchObject({ warnEnabled: false, warningLocale: "fr" });
    await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID, warningLocale: "" }));
    expect(await read()).toMatchObject({ warningLocale: null });
    expect(await saveWarningSettingsAction(null, formOf({ accountId: account.id, ...VALID, warningLocale: "de" }))).toMatchObject({
      fieldErrors: { warningLocale: ["Choisissez l'une des langues proposées."] },
    });
  });
});
