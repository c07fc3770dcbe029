import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { createCompany } from "@/tests/support/fixtures";
import { makeInvoiceFiles, sampleInvoice, type InvoiceFiles } from "@/tests/support/invoice-fixtures";
import { getDocument, uploadDocuments, UploadRefusedError } from "./documents";
import { confirmDocument } from "./review";
import { FIELD_NAMES } from "./extract/types";
import { reviewSchema } from "./schemas";
import { stopOcr } from "./text/ocr";
import { processDocument, sweepDocuments, type DigitizeOutcome } from "./worker";

let dir: string;
let files: InvoiceFiles[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "digitization-"));
  files = await makeInvoiceFiles(dir, [0, 1, 2, 3].map(sampleInvoice));
}, 120_000);

afterAll(async () => {
  await stopOcr();
  rmSync(dir, { recursive: true, force: true });
});

async function companyWithCredits(credits: number) {
  const { company, admin } = await createCompany();
  const account = await getOrCreateAccount(company.id, "invoice_ocr");
  if (credits > 0) await grant(account, BigInt(credits), { kind: "PURCHASE", description: "test credits", idempotencyKey: `test-${credits}-${Date.now()}` });
  return { company, user: { id: admin.id, companyId: company.id }, account };
}

async function accountState(accountId: number) {
  const { rows } = await pool().query("SELECT balance, held FROM iap_account WHERE id = $1", [accountId]);
  const usage = await pool().query("SELECT count(*)::int AS n, coalesce(sum(amount), 0)::int AS total FROM ledger_entry WHERE account_id = $1 AND kind = 'USAGE'", [accountId]);
  const holds = await pool().query("SELECT status, count(*)::int AS n FROM credit_hold WHERE account_id = $1 GROUP BY status", [accountId]);
  return {
    balance: Number(rows[0].balance),
    held: Number(rows[0].held),
    usageEntries: usage.rows[0].n,
    used: -usage.rows[0].total || 0,
    holds: Object.fromEntries(holds.rows.map((r) => [r.status, r.n])) as Record<string, number>,
  };
}

/**
 * What the "documents.sweep" and "documents.digitize" jobs do for one company,
 * called directly: waiting documents the account can now pay for go back in
 * the queue, then each queued document is read, one after the other.
 */
async function runDocumentJobs(companyId: number) {
  const waiting = () => prisma().document.count({ where: { companyId, state: "WAITING_CREDITS" } });
  const before = await waiting();
  await sweepDocuments();
  const summary: Record<DigitizeOutcome | "resumed", number> = { resumed: before - (await waiting()), digitized: 0, failed: 0, waiting: 0, skipped: 0 };
  const queued = await prisma().document.findMany({ where: { companyId, state: "UPLOADED" }, orderBy: { id: "asc" }, select: { id: true } });
  for (const { id } of queued) summary[await processDocument({ documentId: id, companyId })]++;
  return summary;
}

const file = (p: string, type: string) => ({ name: path.basename(p), type, bytes: readFileSync(p) });
const values = (fields: Record<string, { value: string | null }>) => Object.fromEntries(FIELD_NAMES.map((n) => [n, fields[n].value]));

const sample = (dir: string, name: string) => path.resolve("tests/fixtures/invoices", dir, name);

describe("e-invoices are read from their XML for no credit", () => {
  test("an XRechnung / EN 16931 CII XML and a Factur-X PDF: fields and lines exact, nothing held or charged", async () => {
    const { user, account } = await companyWithCredits(0);
    const ids = await uploadDocuments(user, "VENDOR_BILL", [
      file(sample("cii", "EN16931_Einfach.cii.xml"), "application/xml"),
      file(sample("factur-x", "Facture_FR_BASICWL.pdf"), "application/pdf"),
    ]);
    await runDocumentJobs(user.companyId);
    const [xml, pdf] = await Promise.all(ids.map(async (id) => (await getDocument(user.companyId, id))!));
    expect([xml.state, xml.textSource, pdf.state, pdf.textSource]).toEqual(["TO_REVIEW", "e-invoice", "TO_REVIEW", "e-invoice"]);
    expect(values(xml.fields!)).toEqual({
      vendorName: "Lieferant GmbH", vendorVat: "DE123456789", invoiceNumber: "471102", invoiceDate: "2018-03-05", dueDate: null,
      currency: "EUR", subtotal: "473.00", tax: "56.87", total: "529.87", iban: null,
    });
    expect(xml.lines).toEqual([
      { description: "Trennblätter A4", quantity: "20", unitPrice: "9.90", vatRate: "19", amount: "198.00" },
      { description: "Joghurt Banane", quantity: "50", unitPrice: "5.50", vatRate: "7", amount: "275.00" },
    ]);
    expect(values(pdf.fields!)).toMatchObject({ vendorName: "Au bon moulin", invoiceNumber: "FA-2017-0010", total: "671.15" });
    // An account with no credits read both: e-invoices cost nothing and hold nothing.
    expect(await accountState(account.id)).toEqual({ balance: 0, held: 0, usageEntries: 0, used: 0, holds: {} });
  }, 60_000);

  test("a UBL credit note becomes a vendor bill with negative amounts and its lines", async () => {
    const { user } = await companyWithCredits(0);
    const [id] = await uploadDocuments(user, "VENDOR_BILL", [file(sample("ubl", "ubl-tc434-creditnote1.xml"), "application/xml")]);
    await runDocumentJobs(user.companyId);
    const document = (await getDocument(user.companyId, id))!;
    expect([document.creditNote, document.fields!.total.value]).toEqual([true, "-100.11"]);
    const { bill } = await confirmDocument(user, id, reviewSchema.parse(values(document.fields!)));
    expect([bill.creditNote, bill.total, bill.subtotal]).toEqual([true, -10011n, -10011n]);
    expect(bill.lines).toEqual([{ description: "Exonération du versement du PP", quantity: "1", unitPrice: "100.11", vatRate: "0", amount: "-100.11" }]);
  }, 60_000);
});

describe("digitizing documents on credits", () => {
  test("a digital PDF is read from its text layer: every field exact, one credit captured", async () => {
    const { user, account } = await companyWithCredits(5);
    const [id] = await uploadDocuments(user, "VENDOR_BILL", [file(files[0].pdf, "application/pdf")]);
    expect((await getDocument(user.companyId, id))!.state).toBe("UPLOADED");

    await runDocumentJobs(user.companyId);

    const document = (await getDocument(user.companyId, id))!;
    expect(document.state).toBe("TO_REVIEW");
    expect(document.textSource).toBe("pdf_text");
    expect(values(document.fields!)).toEqual(files[0].expected);
    for (const name of FIELD_NAMES) expect(document.fields![name].flags).toEqual([]);
    expect(await accountState(account.id)).toMatchObject({ balance: 4, held: 0, usageEntries: 1, used: 1, holds: { CAPTURED: 1 } });
  });

  test("a scanned PDF (tilted, blurred, noisy JPEG, no text layer) is rasterised and OCR'd: invoice number, dates and total right", async () => {
    const { user, account } = await companyWithCredits(1);
    const [id] = await uploadDocuments(user, "VENDOR_BILL", [file(files[1].scanPdf, "application/pdf")]);
    await runDocumentJobs(user.companyId);
    const document = (await getDocument(user.companyId, id))!;
    expect(document.state).toBe("TO_REVIEW");
    expect(document.textSource).toBe("ocr");
    const got = values(document.fields!);
    const want = files[1].expected;
    expect({ invoiceNumber: got.invoiceNumber, invoiceDate: got.invoiceDate, dueDate: got.dueDate, total: got.total }).toEqual({
      invoiceNumber: want.invoiceNumber,
      invoiceDate: want.invoiceDate,
      dueDate: want.dueDate,
      total: want.total,
    });
    expect(await accountState(account.id)).toMatchObject({ balance: 0, held: 0, used: 1 });
  }, 240_000); // tesseract on a rasterised page: well under a minute idle, past 90 s inside the full suite on 2 cores

  test("a page OCR cannot read fails as unreadable and its hold is released: nothing charged", async () => {
    const { user, account } = await companyWithCredits(3);
    const canvas = createCanvas(1240, 1754);
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const [id] = await uploadDocuments(user, "EXPENSE_RECEIPT", [{ name: "blank.png", type: "image/png", bytes: canvas.toBuffer("image/png") }]);
    await runDocumentJobs(user.companyId);
    const document = (await getDocument(user.companyId, id))!;
    expect(document.state).toBe("ERROR");
    expect(document.errorReason).toBe("unreadable");
    // The hold was taken when the job started, then released.
    expect(await accountState(account.id)).toEqual({ balance: 3, held: 0, usageEntries: 0, used: 0, holds: { RELEASED: 1 } });
  }, 60_000);

  test("credits running out mid-batch: the rest wait with nothing charged, and resume after a purchase", async () => {
    const { user, account } = await companyWithCredits(2);
    const ids = await uploadDocuments(
      user,
      "VENDOR_BILL",
      files.map((f) => file(f.pdf, "application/pdf")),
    );
    const first = await runDocumentJobs(user.companyId);
    expect(first).toMatchObject({ digitized: 2, waiting: 2 });
    const states = async () => Promise.all(ids.map(async (id) => (await getDocument(user.companyId, id))!))
    let documents = await states();
    expect(documents.map((d) => d.state)).toEqual(["TO_REVIEW", "TO_REVIEW", "WAITING_CREDITS", "WAITING_CREDITS"]);
    expect(documents[3].errorReason).toBe("not enough credits");
    expect(await accountState(account.id)).toEqual({ balance: 0, held: 0, usageEntries: 2, used: 2, holds: { CAPTURED: 2 } });

    // Nothing changes while the account is empty.
    expect(await runDocumentJobs(user.companyId)).toMatchObject({ resumed: 0, digitized: 0 });

    await grant(account, 10n, { kind: "PURCHASE", description: "pack", idempotencyKey: `purchase-${Date.now()}` });
    expect(await runDocumentJobs(user.companyId)).toMatchObject({ resumed: 2, digitized: 2 });
    documents = await states();
    expect(documents.map((d) => d.state)).toEqual(["TO_REVIEW", "TO_REVIEW", "TO_REVIEW", "TO_REVIEW"]);
    expect(values(documents[3].fields!)).toEqual(files[3].expected);
    expect(await accountState(account.id)).toMatchObject({ balance: 8, held: 0, used: 4 });
  }, 60_000);

  test("each upload queues one digitization job per document, in the upload's transaction", async () => {
    const { user } = await companyWithCredits(1);
    const ids = await uploadDocuments(user, "VENDOR_BILL", [file(files[0].pdf, "application/pdf"), file(files[1].pdf, "application/pdf")]);
    const { rows } = await pool().query("SELECT key, flags FROM graphile_worker.jobs WHERE task_identifier = 'documents.digitize' AND key = ANY($1::text[]) ORDER BY key", [
      ids.map((id) => `documents.digitize:${id}`),
    ]);
    expect(rows).toEqual(ids.map((id) => ({ key: `documents.digitize:${id}`, flags: { [`company:${user.companyId}`]: true } })).sort((a, b) => a.key.localeCompare(b.key)));
  });

  test("a reader that crashes is an outcome, not a retry: the document is unreadable and nothing is charged", async () => {
    const { user, account } = await companyWithCredits(2);
    const [id] = await uploadDocuments(user, "VENDOR_BILL", [file(files[0].pdf, "application/pdf")]);
    const broken = { name: "broken", extract: async () => Promise.reject(new Error("extractor crashed")) };
    expect(await processDocument({ documentId: id, companyId: user.companyId }, { jobId: "t", number: 1, final: false }, broken)).toBe("failed");
    const document = (await getDocument(user.companyId, id))!;
    expect([document.state, document.errorReason]).toEqual(["ERROR", "unreadable"]);
    expect(await accountState(account.id)).toEqual({ balance: 2, held: 0, usageEntries: 0, used: 0, holds: { RELEASED: 1 } });
    // Its job has nothing left to do.
    expect(await processDocument({ documentId: id, companyId: user.companyId })).toBe("skipped");
  });

  test("uploads of the wrong type, empty or too large are refused with the reason, and nothing is stored", async () => {
    const { user } = await companyWithCredits(0);
    const attempt = (f: { name: string; type: string; bytes: Uint8Array }) => uploadDocuments(user, "VENDOR_BILL", [f]).catch((e) => e);
    const wrong = await attempt({ name: "notes.docx", type: "application/vnd.openxmlformats", bytes: new TextEncoder().encode("PK\u0003\u0004 not a pdf") });
    expect(wrong).toBeInstanceOf(UploadRefusedError);
    // Named by what the content is (a ZIP container here), not by what the browser said.
    expect(wrong.problems).toEqual([{ code: "unsupported-type", file: "notes.docx", detected: "application/zip" }]);
    const renamed = await attempt({ name: "fake.pdf", type: "application/pdf", bytes: new TextEncoder().encode("hello") });
    expect(renamed.problems).toEqual([{ code: "unsupported-type", file: "fake.pdf", detected: "text/plain" }]);
    const order = await attempt({ name: "order.xml", type: "application/xml", bytes: new TextEncoder().encode('<?xml version="1.0"?><Order><ID>1</ID></Order>') });
    expect(order.problems).toEqual([{ code: "not-an-einvoice", file: "order.xml" }]);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect((await attempt({ name: "huge.pdf", type: "application/pdf", bytes: big })).problems).toEqual([{ code: "too-large", file: "huge.pdf", bytes: big.length, max: 10 * 1024 * 1024 }]);
    expect((await attempt({ name: "empty.png", type: "image/png", bytes: new Uint8Array() })).problems).toEqual([{ code: "empty", file: "empty.png" }]);
    expect(await prisma().document.count({ where: { companyId: user.companyId } })).toBe(0);
  });

  test("confirming a review makes a vendor bill; the vendor is matched by VAT number, else by name, else created", async () => {
    const { user } = await companyWithCredits(5);
    const existing = await prisma().contact.create({ data: { companyId: user.companyId, name: "Acme (old name)", vat: "BE 0477.472.701", isCompany: true } });
    const ids = await uploadDocuments(user, "VENDOR_BILL", [file(files[0].pdf, "application/pdf"), file(files[2].pdf, "application/pdf")]);
    await runDocumentJobs(user.companyId);

    const first = (await getDocument(user.companyId, ids[0]))!;
    const reviewed = reviewSchema.parse({ ...values(first.fields!), invoiceNumber: "INV-CORRECTED-1" });
    const { bill } = await confirmDocument(user, ids[0], reviewed);
    expect(bill.vendorId).toBe(existing.id);
    expect(bill.invoiceNumber).toBe("INV-CORRECTED-1");
    expect(bill.total.toString()).toBe(files[0].expected.total.replace(".", ""));
    expect((await getDocument(user.companyId, ids[0]))!.state).toBe("DONE");
    await expect(confirmDocument(user, ids[0], reviewed)).rejects.toThrow(/not waiting for review/);
    expect(await prisma().vendorBill.count({ where: { documentId: ids[0] } })).toBe(1);

    const second = (await getDocument(user.companyId, ids[1]))!;
    const { bill: bill2, vendorCreated } = await confirmDocument(user, ids[1], reviewSchema.parse(values(second.fields!)));
    expect(vendorCreated).toBe(true);
    const vendor = await prisma().contact.findUniqueOrThrow({ where: { id: bill2.vendorId } });
    expect(vendor).toMatchObject({ companyId: user.companyId, name: files[2].expected.vendorName, vat: files[2].expected.vendorVat, isCompany: true, country: "FR" });
  });

  test("documents are scoped to their company", async () => {
    const a = await companyWithCredits(1);
    const b = await companyWithCredits(1);
    const [id] = await uploadDocuments(a.user, "VENDOR_BILL", [file(files[0].pdf, "application/pdf")]);
    expect(await getDocument(b.user.companyId, id)).toBeNull();
    expect(await processDocument({ documentId: id, companyId: b.user.companyId })).toBe("skipped"); // b's job cannot read a's document
    await runDocumentJobs(a.user.companyId);
    await expect(confirmDocument(b.user, id, reviewSchema.parse({ vendorName: "X", currency: "EUR", total: "1.00" }))).rejects.toThrow(/not waiting/);
  });
});
