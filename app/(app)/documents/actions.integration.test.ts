// Documents' upload and delete as a direct POST would run them: only the
// session lookup is replaced; the file checks, the duplicate check, the
// queued reading and the company scope are the real ones. Upload charges
// nothing (the reading does, in its job); a refused upload stores nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { formOf, redirectOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { samplePdf } from "@/tests/support/pdf";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { deleteDocumentAction, uploadDocumentsAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

const pdf = async (name: string) => new File([new Uint8Array(await samplePdf(`Invoice ${name}`))], name, { type: "application/pdf" });

function uploadForm(fields: Record<string, string>, files: File[]) {
  const data = formOf(fields);
  for (const file of files) data.append("files", file);
  return data;
}

const documentsOf = (companyId: number) =>
  prisma().document.findMany({ where: { companyId }, select: { id: true, fileName: true, kind: true, state: true, uploadedById: true }, orderBy: { id: "asc" } });

/** The reading jobs waiting for this company's documents: each one stored is read (and paid) by its job. */
async function readingJobs(companyId: number): Promise<number> {
  const { rows } = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'documents.digitize' AND flags ? $1", [`company:${companyId}`]);
  return rows[0].n;
}

describe("uploadDocumentsAction", () => {
  it("a user's two PDFs are stored as their company's, waiting to be read", async () => {
    const { company, user } = await createCompany();
    session.userId = user.id;
    const state = await uploadDocumentsAction(null, uploadForm({ kind: "VENDOR_BILL" }, [await pdf("bill-1.pdf"), await pdf("bill-2.pdf")]));
    expect(state).toEqual({ ok: true, message: "2 documents uploaded: digitizing starts now." });
    expect(await documentsOf(company.id)).toMatchObject([
      { fileName: "bill-1.pdf", kind: "VENDOR_BILL", state: "UPLOADED", uploadedById: user.id },
      { fileName: "bill-2.pdf", kind: "VENDOR_BILL", state: "UPLOADED", uploadedById: user.id },
    ]);
    expect(await readingJobs(company.id)).toBe(2);
  });

  it("signed out, no kind, or a file that is not a document: refused, nothing stored", async () => {
    const { company, user } = await createCompany();
    const bill = await pdf("bill.pdf");
    expect(await uploadDocumentsAction(null, uploadForm({ kind: "VENDOR_BILL" }, [bill]))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await uploadDocumentsAction(null, uploadForm({ kind: "PAYSLIP" }, [bill]))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { kind: ["Choose vendor bill or expense receipt."] },
    });
    const notes = new File(["just some notes"], "notes.pdf", { type: "application/pdf" });
    expect(await uploadDocumentsAction(null, uploadForm({ kind: "VENDOR_BILL" }, [bill, notes]))).toMatchObject({
      ok: false,
      code: "refused",
      message: "Nothing was uploaded.",
      fieldErrors: { files: [expect.stringMatching(/^notes\.pdf: not a PDF, PNG, JPEG or XML file/)] },
    });
    expect(await documentsOf(company.id)).toEqual([]);
    expect(await readingJobs(company.id)).toBe(0);
  });

  it("the same file again is held back until the user confirms it (and pays its reading again)", async () => {
    const { company, user } = await createCompany();
    session.userId = user.id;
    const bill = await pdf("bill.pdf");
    await uploadDocumentsAction(null, uploadForm({ kind: "VENDOR_BILL" }, [bill]));
    expect(await uploadDocumentsAction(null, uploadForm({ kind: "VENDOR_BILL" }, [bill]))).toMatchObject({
      ok: false,
      code: "refused",
      message: "Nothing was uploaded yet: you have uploaded these files before.",
      fieldErrors: { duplicates: [expect.stringContaining("bill.pdf")] },
    });
    expect(await documentsOf(company.id)).toHaveLength(1);
    expect(await uploadDocumentsAction(null, uploadForm({ kind: "VENDOR_BILL", confirmDuplicates: "1" }, [bill]))).toMatchObject({ ok: true });
    expect(await documentsOf(company.id)).toHaveLength(2);
  });
});

describe("deleteDocumentAction", () => {
  async function companyWithDocument() {
    const fixture = await createCompany();
    session.userId = fixture.user.id;
    await uploadDocumentsAction(null, uploadForm({ kind: "EXPENSE_RECEIPT" }, [await pdf("receipt.pdf")]));
    const [document] = await documentsOf(fixture.company.id);
    session.userId = null;
    return { ...fixture, documentId: document.id };
  }

  it("another company's admin, or an id that is not one: refused, the document stays", async () => {
    const { company, documentId } = await companyWithDocument();
    const { admin: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await deleteDocumentAction(null, formOf({ documentId }))).toMatchObject({ ok: false, code: "refused", message: "This document does not exist (any more)." });
    expect(await deleteDocumentAction(null, formOf({ documentId: "0" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { documentId: ["Unknown document. Reload the page."] },
    });
    expect(await documentsOf(company.id)).toHaveLength(1);
    expect(await readingJobs(company.id)).toBe(1);
  });

  it("the company's user deletes it, from the list or from its own page (back to the list)", async () => {
    const { company, user, documentId } = await companyWithDocument();
    session.userId = user.id;
    expect(await deleteDocumentAction(null, formOf({ documentId }))).toEqual({ ok: true, message: "Document deleted. Credits it used stay spent." });
    expect(await documentsOf(company.id)).toEqual([]);
    expect(await readingJobs(company.id)).toBe(0);

    const another = await companyWithDocument();
    session.userId = another.user.id;
    expect(await redirectOf(() => deleteDocumentAction(null, formOf({ documentId: another.documentId, from: "page" })))).toBe("/documents");
    expect(await documentsOf(another.company.id)).toEqual([]);
  });
});
