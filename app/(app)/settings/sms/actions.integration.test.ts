// Settings → SMS as a direct POST of each server action would run it: only
// the session lookup is replaced; the role check, validation, the phone
// number parsing (the company's country for a national number) and the
// company scope of the opt-out list are real.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { addOptOutAction, removeOptOutAction, saveSenderAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

const senderOf = async (companyId: number) => (await prisma().company.findUniqueOrThrow({ where: { id: companyId } })).smsSender;
const optOutsOf = (companyId: number) => prisma().smsOptOut.findMany({ where: { companyId }, select: { id: true, number: true, source: true, createdById: true }, orderBy: { id: "asc" } });

describe("saveSenderAction", () => {
  it("an admin names the sender, then empties it to send from the number again", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    expect(await saveSenderAction(null, formOf({ senderName: " Dupont " }))).toEqual({ ok: true, message: "Saved: SMS go out as “Dupont” where the country allows it." });
    expect(await senderOf(company.id)).toBe("Dupont");
    expect(await saveSenderAction(null, formOf({ senderName: "" }))).toEqual({ ok: true, message: "Saved: SMS go out from the number." });
    expect(await senderOf(company.id)).toBeNull();
  });

  it("signed out, as a USER, or a name the networks refuse: nothing saved", async () => {
    const { company, admin, user } = await createCompany();
    expect(await saveSenderAction(null, formOf({ senderName: "Dupont" }))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await saveSenderAction(null, formOf({ senderName: "Dupont" }))).toMatchObject({ ok: false, code: "forbidden" });
    session.userId = admin.id;
    expect(await saveSenderAction(null, formOf({ senderName: "Dupont&Fils" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { senderName: ["Only letters A–Z, digits and spaces."] } });
    expect(await saveSenderAction(null, formOf({ senderName: "0800 123" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { senderName: ["Include at least one letter."] } });
    expect(await saveSenderAction(null, formOf({ senderName: "A much longer name" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { senderName: ["At most 11 characters."] } });
    expect(await senderOf(company.id)).toBeNull();
  });
});

describe("the opt-out list", () => {
  it("an admin adds a national number (read in the company's country) once, then removes it", async () => {
    const { company, admin } = await createCompany({ country: "BE" });
    session.userId = admin.id;
    expect(await addOptOutAction(null, formOf({ number: "0470 12 34 56" }))).toEqual({ ok: true, message: "+32 470 12 34 56 opted out: no SMS goes to it any more." });
    expect(await addOptOutAction(null, formOf({ number: "+32470123456" }))).toEqual({ ok: true, message: "+32 470 12 34 56 was already on the list." });
    const listed = await optOutsOf(company.id);
    expect(listed).toEqual([{ id: expect.any(Number), number: "+32470123456", source: "admin", createdById: admin.id }]);
    expect(await removeOptOutAction(null, formOf({ id: listed[0].id }))).toEqual({ ok: true, message: "Removed: SMS can be sent to this number again." });
    expect(await optOutsOf(company.id)).toEqual([]);
  });

  it("a USER, or an admin of another company with this company's entry id: refused, the number stays listed", async () => {
    const { company, admin, user } = await createCompany();
    session.userId = admin.id;
    await addOptOutAction(null, formOf({ number: "+32470123456" }));
    const listed = await optOutsOf(company.id);

    session.userId = user.id;
    expect(await addOptOutAction(null, formOf({ number: "+32470999999" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeOptOutAction(null, formOf({ id: listed[0].id }))).toMatchObject({ ok: false, code: "forbidden" });
    session.userId = (await createCompany()).admin.id;
    expect(await removeOptOutAction(null, formOf({ id: listed[0].id }))).toMatchObject({ ok: false, code: "refused", message: "This number is not on your opt-out list (any more)." });
    expect(await optOutsOf(company.id)).toEqual(listed);
  });

  it("no number, one that is not a phone number, an id that is no id: the field's error, nothing listed", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    expect(await addOptOutAction(null, formOf({ number: "  " }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { number: ["Enter a phone number."] } });
    expect(await addOptOutAction(null, formOf({ number: "12" }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "This is not a valid phone number: enter it with its country code, e.g. +33 6 12 34 56 78.",
      fieldErrors: { number: ["Not a valid phone number."] },
    });
    expect(await removeOptOutAction(null, formOf({ id: "0" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { id: ["Unknown number. Reload the page."] } });
    expect(await optOutsOf(company.id)).toEqual([]);
  });
});
