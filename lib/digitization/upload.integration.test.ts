// Upload-time checks and deletion (the reading itself is digitization.integration.test.ts's).
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { debit, grant } from "@/lib/iap/ledger";
import { createCompany } from "@/tests/support/fixtures";
import { deleteDocument, DuplicateUploadError, uploadDocuments, UploadRefusedError } from "./documents";

async function pdfOf(pages: number, text = "Invoice"): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) pdf.addPage().drawText(`${text} page ${i + 1}`, { x: 50, y: 700, font, size: 14 });
  return pdf.save();
}

async function companyUser() {
  const { company, admin } = await createCompany();
  return { id: admin.id, companyId: company.id };
}

const pdfFile = (name: string, bytes: Uint8Array) => ({ name, type: "application/pdf", bytes });

/** Digitization jobs waiting for this company's documents (lib/jobs: graphile-worker's queue). */
async function queuedDigitizations(companyId: number): Promise<number> {
  const { rows } = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'documents.digitize' AND flags ? $1", [`company:${companyId}`]);
  return rows[0].n;
}

describe("uploading documents", () => {
  test("a PDF over the page limit is refused at upload, and nothing is stored or queued", async () => {
    const user = await companyUser();
    const refused = await uploadDocuments(user, "VENDOR_BILL", [pdfFile("long.pdf", await pdfOf(6))]).catch((e) => e);
    expect(refused).toBeInstanceOf(UploadRefusedError);
    expect(refused.problems).toEqual([{ code: "too-many-pages", file: "long.pdf", pages: 6, max: 5 }]);
    expect(await prisma().document.count({ where: { companyId: user.companyId } })).toBe(0);
    expect(await queuedDigitizations(user.companyId)).toBe(0);
    // Five pages is the limit, not over it.
    expect(await uploadDocuments(user, "VENDOR_BILL", [pdfFile("five.pdf", await pdfOf(5))])).toHaveLength(1);
  });

  test("no file: refused as such", async () => {
    const user = await companyUser();
    const refused = await uploadDocuments(user, "VENDOR_BILL", [{ name: "", type: "application/octet-stream", bytes: new Uint8Array() }]).catch((e) => e);
    expect(refused.problems).toEqual([{ code: "no-file" }]);
  });

  test("the same content again is held back until confirmed — by content, whatever the file is called, and twice in one upload", async () => {
    const user = await companyUser();
    const bytes = await pdfOf(1, "Bill 42");
    const [first] = await uploadDocuments(user, "VENDOR_BILL", [pdfFile("bill-42.pdf", bytes)]);

    const again = await uploadDocuments(user, "VENDOR_BILL", [pdfFile("scan (1).pdf", bytes), pdfFile("other.pdf", await pdfOf(1, "Bill 43"))]).catch((e) => e);
    expect(again).toBeInstanceOf(DuplicateUploadError);
    expect(again.duplicates).toEqual([{ file: "scan (1).pdf", earlier: { id: first, fileName: "bill-42.pdf", createdAt: expect.any(Date) } }]);
    // Nothing of that upload was stored, the new file included: the user answers first.
    expect(await prisma().document.count({ where: { companyId: user.companyId } })).toBe(1);

    // One set of bytes for both: two PDFs made a second apart differ (their creation dates), as two scans would.
    const bill44 = await pdfOf(1, "Bill 44");
    const twice = await uploadDocuments(user, "VENDOR_BILL", [pdfFile("a.pdf", bill44), pdfFile("b.pdf", bill44)]).catch((e) => e);
    expect(twice.duplicates).toEqual([{ file: "b.pdf", earlier: null }]);

    // Confirmed: uploaded (and it will be read, and paid, again).
    expect(await uploadDocuments(user, "VENDOR_BILL", [pdfFile("scan (1).pdf", bytes)], { confirmDuplicates: true })).toHaveLength(1);
    // Another company's identical file is none of this company's business.
    const other = await companyUser();
    expect(await uploadDocuments(other, "VENDOR_BILL", [pdfFile("bill-42.pdf", bytes)])).toHaveLength(1);
  });

  test("two uploads of the same file at once (a double click) store it once", async () => {
    const user = await companyUser();
    const bytes = await pdfOf(1, "Double click");
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => uploadDocuments(user, "VENDOR_BILL", [pdfFile("bill.pdf", bytes)])));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.any(DuplicateUploadError), expect.any(DuplicateUploadError)]);
    expect(await prisma().document.count({ where: { companyId: user.companyId } })).toBe(1);
  });
});

describe("deleting a document", () => {
  test("it and its job go; the credits it used stay spent and the ledger keeps the usage entry", async () => {
    const user = await companyUser();
    const account = await getOrCreateAccount(user.companyId, "invoice_ocr");
    await grant(account, 3n, { kind: "PURCHASE", description: "test credits", idempotencyKey: `test-${Date.now()}` });
    const [id] = await uploadDocuments(user, "VENDOR_BILL", [pdfFile("bill.pdf", await pdfOf(1))]);
    // As the worker leaves a read document: its credit spent, the document to review.
    await debit(account, 1n, { description: "Digitized bill.pdf", reference: `document:${id}`, idempotencyKey: `usage-${id}` });
    await pool().query("SELECT graphile_worker.remove_job($1)", [`documents.digitize:${id}`]);
    await prisma().document.update({ where: { id }, data: { state: "TO_REVIEW" } });
    const ledgerBefore = await pool().query("SELECT count(*)::int AS n FROM ledger_entry WHERE account_id = $1", [account.id]);
    const balanceBefore = await pool().query("SELECT balance FROM iap_account WHERE id = $1", [account.id]);

    expect(await deleteDocument(user.companyId, id)).toBe("deleted");
    expect(await prisma().document.findUnique({ where: { id } })).toBeNull();
    expect(await queuedDigitizations(user.companyId)).toBe(0);
    expect((await pool().query("SELECT count(*)::int AS n FROM ledger_entry WHERE account_id = $1", [account.id])).rows[0].n).toBe(ledgerBefore.rows[0].n);
    expect((await pool().query("SELECT amount FROM ledger_entry WHERE account_id = $1 AND reference = $2", [account.id, `document:${id}`])).rows).toEqual([{ amount: "-1" }]);
    expect((await pool().query("SELECT balance FROM iap_account WHERE id = $1", [account.id])).rows[0].balance).toBe(balanceBefore.rows[0].balance);
    expect(await deleteDocument(user.companyId, id)).toBe("not-found");
  });

  test("refused while it is being read, and for another company", async () => {
    const user = await companyUser();
    const [id] = await uploadDocuments(user, "VENDOR_BILL", [pdfFile("bill.pdf", await pdfOf(1, "Running"))]);
    const other = await companyUser();
    expect(await deleteDocument(other.companyId, id)).toBe("not-found");
    await prisma().document.update({ where: { id }, data: { state: "DIGITIZING" } });
    expect(await deleteDocument(user.companyId, id)).toBe("being-read");
    expect(await prisma().document.count({ where: { id } })).toBe(1);
  });
});
