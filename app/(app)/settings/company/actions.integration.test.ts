// Settings → Company details as a direct POST would run it: only the session
// lookup is replaced; the role check, validation, the VAT check by format and
// the write to the caller's own company are real. No VIES_URL here: the
// server does not ask the EU's register.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { fieldErrorsOf, formOf, withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveCompanyDetailsAction } = await import("./actions");

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ VIES_URL: undefined });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

const DETAILS = { name: "Dupont & Fils", street: "Rue Neuve 1", zip: "1000", city: "Bruxelles", vatNumber: "BE 0123.456.749", locale: "fr", timeZone: "Europe/Brussels" };

const companyRow = (id: number) =>
  prisma().company.findUniqueOrThrow({ where: { id }, select: { name: true, street: true, zip: true, city: true, vatNumber: true, vatVerifiedAt: true, locale: true, timeZone: true } });

describe("saveCompanyDetailsAction", () => {
  it("an admin saves the buyer's details: the VAT number normalised and checked by format only, the language and zone the company's", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    expect(await saveCompanyDetailsAction(null, formOf(DETAILS))).toEqual({
      ok: true,
      message: "Saved. The VAT number's format is valid (VIES checks are not configured on this server).",
    });
    expect(await companyRow(company.id)).toEqual({
      name: "Dupont & Fils",
      street: "Rue Neuve 1",
      zip: "1000",
      city: "Bruxelles",
      vatNumber: "BE0123456749",
      vatVerifiedAt: null,
      locale: "fr",
      timeZone: "Europe/Brussels",
    });

    // Emptied fields are cleared; no language or zone posted leaves them as they are.
    expect(await saveCompanyDetailsAction(null, formOf({ name: "Dupont", street: "", zip: "", city: "", vatNumber: "" }))).toEqual({ ok: true, message: "Enregistré." });
    expect(await companyRow(company.id)).toMatchObject({ name: "Dupont", street: null, zip: null, city: null, vatNumber: null, locale: "fr", timeZone: "Europe/Brussels" });
  });

  it("signed out or as a USER: refused, the company unchanged", async () => {
    const { company, user } = await createCompany();
    const before = await companyRow(company.id);
    expect(await saveCompanyDetailsAction(null, formOf(DETAILS))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await saveCompanyDetailsAction(null, formOf(DETAILS))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await companyRow(company.id)).toEqual(before);
  });

  it("an admin of another company saves only their own company, whatever the form carries", async () => {
    const ours = await createCompany();
    const theirs = await createCompany();
    const before = await companyRow(ours.company.id);
    session.userId = theirs.admin.id;
    expect(await saveCompanyDetailsAction(null, formOf({ ...DETAILS, id: ours.company.id, companyId: ours.company.id }))).toMatchObject({ ok: true });
    expect(await companyRow(ours.company.id)).toEqual(before);
    expect(await companyRow(theirs.company.id)).toMatchObject({ name: "Dupont & Fils", vatNumber: "BE0123456749" });
  });

  it("a wrong VAT number, no name, an unknown zone or language: the field's error, nothing saved", async () => {
    const { company, admin } = await createCompany();
    const before = await companyRow(company.id);
    session.userId = admin.id;
    expect(await saveCompanyDetailsAction(null, formOf({ ...DETAILS, vatNumber: "BE0123456748" }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "Nothing was saved: correct the VAT number.",
      fieldErrors: { vatNumber: ["The check digits of this VAT number are wrong: check it for a typing error."] },
    });
    expect(await saveCompanyDetailsAction(null, formOf({ ...DETAILS, vatNumber: "GR12345" }))).toMatchObject({
      fieldErrors: { vatNumber: [expect.stringMatching(/Greek VAT numbers start with EL, not GR\.$/)] },
    });
    expect(await saveCompanyDetailsAction(null, formOf({ ...DETAILS, name: "  " }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["Enter the company's name as it appears on invoices."] },
    });
    const badZone = await saveCompanyDetailsAction(null, formOf({ ...DETAILS, timeZone: "Mars/Olympus_Mons", locale: "tlh" }));
    expect(badZone).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(fieldErrorsOf(badZone)).sort()).toEqual(["locale", "timeZone"]);
    expect(await companyRow(company.id)).toEqual(before);
  });
});
