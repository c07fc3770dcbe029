// Confirming a read document as a direct POST would run it: only the session
// lookup is replaced; the field validation, the company scope and the one
// bill per document are the real ones. The document id is in the form, so
// the scope is what keeps a user from turning another company's document
// into a bill of theirs (or of its company's).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { uploadDocuments } from "@/lib/digitization/documents";
import { formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { samplePdf } from "@/tests/support/pdf";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { confirmDocumentAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

/** A company's vendor bill, read and waiting for review (as the reading job leaves it). */
async function documentToReview() {
  const fixture = await createCompany();
  const [documentId] = await uploadDocuments({ id: fixture.user.id, companyId: fixture.company.id }, "VENDOR_BILL", [
    { name: "bill.pdf", type: "application/pdf", bytes: await samplePdf("Invoice 2026-117") },
  ]);
  await prisma().document.update({ where: { id: documentId }, data: { state: "TO_REVIEW" } });
  const read = async () => ({
    state: (await prisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { state: true } })).state,
    bills: await prisma().vendorBill.findMany({ where: { documentId }, select: { companyId: true, invoiceNumber: true, total: true, currency: true, createdById: true, vendorId: true } }),
    contacts: await prisma().contact.count({ where: { companyId: fixture.company.id } }),
  });
  return { ...fixture, documentId, read };
}

const REVIEWED = { vendorName: "Papeterie Martin", vendorVat: "", invoiceNumber: "2026-117", invoiceDate: "2026-11-30", currency: "eur", subtotal: "100.00", tax: "21.00", total: "121.00", iban: "" };

describe("confirmDocumentAction", () => {
  it("the company's user confirms: one vendor bill with a new vendor contact; confirming again is refused", async () => {
    const { company, user, documentId, read } = await documentToReview();
    session.userId = user.id;
    const state = await confirmDocumentAction(null, formOf({ documentId, ...REVIEWED }));
    const after = await read();
    expect(after.bills).toHaveLength(1);
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/^Vendor bill #\d+ created with a new vendor contact\.$/) });
    expect(after).toMatchObject({ state: "DONE", contacts: 1, bills: [{ companyId: company.id, invoiceNumber: "2026-117", total: 12100n, currency: "EUR", createdById: user.id }] });
    const vendor = await prisma().contact.findUniqueOrThrow({ where: { id: after.bills[0].vendorId } });
    expect(vendor).toMatchObject({ companyId: company.id, name: "Papeterie Martin" });

    expect(await confirmDocumentAction(null, formOf({ documentId, ...REVIEWED }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "This document is not waiting for review (already confirmed?).",
    });
    expect(await read()).toEqual(after);
  });

  it("signed out, or another company's user: refused, no bill and no vendor in either company", async () => {
    const { documentId, read } = await documentToReview();
    const before = await read();
    expect(await confirmDocumentAction(null, formOf({ documentId, ...REVIEWED }))).toMatchObject({ ok: false, code: "signed-out" });
    const stranger = await createCompany();
    session.userId = stranger.user.id;
    expect(await confirmDocumentAction(null, formOf({ documentId, ...REVIEWED }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "This document is not waiting for review (already confirmed?).",
    });
    expect(await read()).toEqual(before);
    expect(before).toMatchObject({ state: "TO_REVIEW", bills: [] });
    expect(await prisma().contact.count({ where: { companyId: stranger.company.id } })).toBe(0);
    expect(await prisma().vendorBill.count({ where: { companyId: stranger.company.id } })).toBe(0);
  });

  it("no vendor, no total, a currency that is not a code and a bad IBAN: each beside its field, nothing confirmed", async () => {
    const { user, documentId, read } = await documentToReview();
    const before = await read();
    session.userId = user.id;
    const state = await confirmDocumentAction(null, formOf({ documentId, ...REVIEWED, vendorName: " ", total: "", currency: "euro", iban: "BE00 0000 0000 0000" }));
    expect(state).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        vendorName: ["Enter the vendor's name."],
        total: ["Enter the total."],
        currency: ["Enter a three-letter currency code such as EUR."],
        iban: ["This IBAN's check digits do not match: check it."],
      },
    });
    expect(await read()).toEqual(before);
  });
});
