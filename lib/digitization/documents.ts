import "server-only";
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { pool, prisma } from "@/lib/db/client";
import type { DocumentKind, DocumentState } from "@/lib/generated/prisma/client";
import { succeeds } from "@/lib/errors";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import type { ExtractedFields, InvoiceLine } from "./extract/types";
import { ACCEPTED_TYPES, MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD, MAX_PAGES, MAX_UPLOAD_BYTES, sniffType } from "./limits";
import { readEInvoiceXml } from "./einvoice/read-einvoice";
import { renderPreview } from "./read-document";
import { queueDigitization } from "./worker";
import { SERVICES } from "@/lib/iap/catalogue";

export interface UploadedFile {
  name: string;
  /** What the browser said; the bytes decide. */
  type: string;
  bytes: Uint8Array;
}

/** Why an upload was refused, per file where it is about one (the words live with the upload form). */
export type UploadProblem =
  | { code: "no-file" }
  | { code: "too-many-files"; chosen: number; max: number }
  | { code: "too-large-total"; bytes: number; max: number }
  | { code: "empty"; file: string }
  | { code: "too-large"; file: string; bytes: number; max: number }
  /** `detected`: what the content really is (a MIME type), or null when nothing is recognised. */
  | { code: "unsupported-type"; file: string; detected: string | null }
  | { code: "too-many-pages"; file: string; pages: number; max: number }
  /** An XML file that is not a UBL Invoice/CreditNote or a UN/CEFACT Cross Industry Invoice. */
  | { code: "not-an-einvoice"; file: string };

/** An upload refused as a whole, with every problem found. */
export class UploadRefusedError extends Error {
  constructor(readonly problems: UploadProblem[]) {
    super(problems.map((problem) => problem.code).join(", "));
  }
}

/** A file whose content the company already uploaded: digitizing it again would be paid again. */
export interface DuplicateUpload {
  file: string;
  earlier: { id: number; fileName: string; createdAt: Date } | null;
}

/** Nothing uploaded: these files were uploaded before (or twice in this upload); the user is asked first. */
export class DuplicateUploadError extends Error {
  constructor(readonly duplicates: DuplicateUpload[]) {
    super(`already uploaded: ${duplicates.map((d) => d.file).join(", ")}`);
  }
}

/** What the bytes are when they are not an accepted type: a MIME type from their signature, "text/plain" for text, or null. */
export async function detectedType(bytes: Uint8Array): Promise<string | null> {
  const { fileTypeFromBuffer } = await import("file-type");
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (found) return found.mime;
  const head = bytes.subarray(0, 4096);
  // No NUL byte and valid UTF-8: text.
  if (!head.includes(0) && !new TextDecoder("utf-8", { fatal: false }).decode(head).includes("\uFFFD")) return "text/plain";
  return null;
}

/** A PDF's page count as pdf-lib reads it, or null when pdf-lib cannot (the worker then decides). */
async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return doc.getPageCount();
  } catch {
    return null;
  }
}

const isEInvoice = (bytes: Uint8Array) => succeeds(() => readEInvoiceXml(bytes));

/**
 * Stores the files and queues one digitization job each, in one transaction,
 * then returns: the work happens in a background job (lib/digitization/worker.ts). Refused before
 * anything is stored: bad files (type by content, size, PDFs over MAX_PAGES),
 * and — unless `confirmDuplicates` — files whose content this company
 * uploaded before, so the same bill is not paid for twice by accident.
 */
export async function uploadDocuments(
  user: { id: number; companyId: number },
  kind: DocumentKind,
  files: UploadedFile[],
  options: { confirmDuplicates?: boolean } = {},
): Promise<number[]> {
  const problems: UploadProblem[] = [];
  const real = files.filter((file) => file.name !== "" || file.bytes.length > 0);
  if (real.length === 0) throw new UploadRefusedError([{ code: "no-file" }]);
  if (real.length > MAX_FILES_PER_UPLOAD) problems.push({ code: "too-many-files", chosen: real.length, max: MAX_FILES_PER_UPLOAD });
  const totalBytes = real.reduce((sum, file) => sum + file.bytes.length, 0);
  if (totalBytes > MAX_UPLOAD_BYTES) problems.push({ code: "too-large-total", bytes: totalBytes, max: MAX_UPLOAD_BYTES });
  const typed = real.map((file) => ({ ...file, sniffed: sniffType(file.bytes), sha256: createHash("sha256").update(file.bytes).digest("hex") }));
  for (const file of typed) {
    if (file.bytes.length === 0) problems.push({ code: "empty", file: file.name });
    else if (file.bytes.length > MAX_FILE_BYTES) problems.push({ code: "too-large", file: file.name, bytes: file.bytes.length, max: MAX_FILE_BYTES });
    else if (!file.sniffed) problems.push({ code: "unsupported-type", file: file.name, detected: await detectedType(file.bytes) });
    else if (file.sniffed === "application/pdf") {
      const pages = await pdfPageCount(file.bytes);
      if (pages !== null && pages > MAX_PAGES) problems.push({ code: "too-many-pages", file: file.name, pages, max: MAX_PAGES });
    } else if (file.sniffed === "application/xml" && !isEInvoice(file.bytes)) {
      problems.push({ code: "not-an-einvoice", file: file.name });
    }
  }
  if (problems.length) throw new UploadRefusedError(problems);
  const ids = await prisma().$transaction(async (tx) => {
    // One upload per company at a time: two clicks on Upload with the same
    // file meet here, and the second sees the first's document.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('document-upload'), ${user.companyId})`;
    if (!options.confirmDuplicates) {
      const earlier = await tx.document.findMany({
        where: { companyId: user.companyId, fileSha256: { in: typed.map((file) => file.sha256) } },
        select: { id: true, fileName: true, createdAt: true, fileSha256: true },
        orderBy: { id: "asc" },
      });
      const duplicates = typed.flatMap((file, index): DuplicateUpload[] => {
        const before = earlier.find((document) => document.fileSha256 === file.sha256);
        if (before) return [{ file: file.name, earlier: { id: before.id, fileName: before.fileName, createdAt: before.createdAt } }];
        return typed.findIndex((other) => other.sha256 === file.sha256) < index ? [{ file: file.name, earlier: null }] : [];
      });
      if (duplicates.length) throw new DuplicateUploadError(duplicates);
    }
    const created: number[] = [];
    for (const file of typed) {
      const document = await tx.document.create({
        data: {
          companyId: user.companyId,
          kind,
          fileName: file.name.slice(0, 255) || `document.${ACCEPTED_TYPES[file.sniffed!].toLowerCase()}`,
          mimeType: file.sniffed!,
          fileSize: file.bytes.length,
          content: Buffer.from(file.bytes),
          fileSha256: file.sha256,
          uploadedById: user.id,
        },
        select: { id: true },
      });
      await queueDigitization({ documentId: document.id, companyId: user.companyId }, tx);
      created.push(document.id);
    }
    return created;
  });
  return ids;
}

export type DeleteDocumentOutcome = "deleted" | "not-found" | "being-read" | "confirmed";

/**
 * Deletes a document and its queued jobs. Credits it used stay spent: the
 * ledger's usage entry (reference "document:<id>") is kept, as every ledger
 * row is. Refused while the worker reads it (its job is RUNNING: the job's
 * row is locked first, so a worker cannot claim it meanwhile), and once it
 * became a vendor bill (the bill keeps its source document).
 */
export async function deleteDocument(companyId: number, documentId: number): Promise<DeleteDocumentOutcome> {
  return prisma().$transaction(async (tx) => {
    const document = await tx.$queryRaw<{ id: number; state: string }[]>`
      SELECT id, state::text FROM document WHERE id = ${documentId} AND company_id = ${companyId} FOR UPDATE`;
    if (!document[0]) return "not-found";
    // A runner reading it has set DIGITIZING (lib/digitization/worker.ts) under this row's lock.
    if (document[0].state === "DIGITIZING") return "being-read";
    if (await tx.vendorBill.findFirst({ where: { documentId, companyId }, select: { id: true } })) return "confirmed";
    // Its waiting job goes with it (a job that started meanwhile finds no document and skips).
    await tx.$queryRaw`SELECT graphile_worker.remove_job(${`documents.digitize:${documentId}`})`;
    await tx.document.delete({ where: { id: documentId } });
    return "deleted";
  });
}

export interface DocumentSummary {
  id: number;
  kind: DocumentKind;
  state: DocumentState;
  fileName: string;
  fileSize: number;
  pageCount: number | null;
  progress: number;
  errorReason: string | null;
  createdAt: Date;
  vendorName: string | null;
  total: string | null;
  currency: string | null;
}

export async function listDocuments(companyId: number, take = 200): Promise<DocumentSummary[]> {
  const rows = await prisma().document.findMany({
    where: { companyId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, kind: true, state: true, fileName: true, fileSize: true, pageCount: true, progress: true, errorReason: true, createdAt: true, fields: true },
  });
  return rows.map(({ fields, ...row }) => {
    const f = fields as ExtractedFields | null;
    return { ...row, vendorName: f?.vendorName.value ?? null, total: f?.total.value ?? null, currency: f?.currency.value ?? null };
  });
}

export async function getDocument(companyId: number, id: number) {
  const document = await prisma().document.findFirst({
    where: { id, companyId },
    omit: { content: true },
    include: { vendorBill: true },
  });
  if (!document) return null;
  const vendor = document.vendorBill
    ? await prisma().contact.findFirst({ where: { id: document.vendorBill.vendorId, companyId }, select: { id: true, name: true, vat: true } })
    : null;
  return { ...document, fields: document.fields as ExtractedFields | null, lines: (document.lines ?? []) as unknown as InvoiceLine[], vendor };
}

export async function getDocumentFile(companyId: number, id: number) {
  return prisma().document.findFirst({ where: { id, companyId }, select: { content: true, mimeType: true, fileName: true } });
}

/** True while something is still to happen without the user (the list refreshes itself). */
export function isPending(state: DocumentState): boolean {
  return state === "UPLOADED" || state === "DIGITIZING";
}

/**
 * A page as an image for the review screen: an image as it is, a PDF's page
 * rendered (in the isolated PDF thread, within the pixel caps). Null for an
 * XML e-invoice, which the page shows as its XML.
 */
export async function documentPreview(companyId: number, id: number, page = 1): Promise<{ bytes: Buffer; type: string } | null> {
  const file = await getDocumentFile(companyId, id);
  if (!file || file.mimeType === "application/xml") return null;
  if (file.mimeType !== "application/pdf") return page === 1 ? { bytes: Buffer.from(file.content), type: file.mimeType } : null;
  return { bytes: await renderPreview(file.content, page), type: "image/png" };
}

export interface DocumentCredits {
  serviceName: string;
  decimals: number;
  /** Units: balance less what running jobs hold. */
  available: bigint;
  waiting: number;
}

/** The Documents Digitization account (created on first use, with trial credits when eligible) and what waits for credits. */
export async function documentCredits(companyId: number): Promise<DocumentCredits> {
  const account = await getOrCreateAccount(companyId, SERVICES.documentsDigitization);
  const { rows } = await pool().query(
    `SELECT a.balance - a.held AS available,
            (SELECT count(*)::int FROM document WHERE company_id = $2 AND state = 'WAITING_CREDITS') AS waiting
       FROM iap_account a WHERE a.id = $1`,
    [account.id, companyId],
  );
  return { serviceName: account.service.name, decimals: account.service.decimals, available: BigInt(rows[0].available), waiting: rows[0].waiting };
}
