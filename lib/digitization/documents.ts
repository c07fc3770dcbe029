import "server-only";
import { pool, prisma } from "@/lib/db/client";
import type { DocumentKind, DocumentState } from "@/lib/generated/prisma/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { amountToCents } from "./extract/checks";
import { FIELD_NAMES, type ExtractedFields, type InvoiceLine } from "./extract/types";
import { ACCEPTED_TYPES, formatBytes, MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_BYTES, sniffType } from "./limits";
import { readEInvoiceXml } from "./einvoice/read-einvoice";
import { renderPreview } from "./read-document";
import type { ReviewValues } from "./schemas";
import { findOrCreateVendor } from "./vendors";
import { nudgeDocumentWorker } from "./worker";
import { SERVICES } from "@/lib/iap/catalogue";

export interface UploadedFile {
  name: string;
  /** What the browser said; the bytes decide. */
  type: string;
  bytes: Uint8Array;
}

/** An upload refused as a whole, with one reason per bad file. */
export class UploadRefusedError extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join(" "));
  }
}

function isEInvoice(bytes: Uint8Array): boolean {
  try {
    readEInvoiceXml(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stores the files and queues one digitization job each, in one transaction,
 * then returns: the work happens in the background worker.
 */
export async function uploadDocuments(user: { id: number; companyId: number }, kind: DocumentKind, files: UploadedFile[]): Promise<number[]> {
  const reasons: string[] = [];
  const real = files.filter((file) => file.name !== "" || file.bytes.length > 0);
  if (real.length === 0) throw new UploadRefusedError(["Choose at least one PDF, PNG, JPEG or XML e-invoice file."]);
  if (real.length > MAX_FILES_PER_UPLOAD) reasons.push(`Upload at most ${MAX_FILES_PER_UPLOAD} files at once (you chose ${real.length}).`);
  const totalBytes = real.reduce((sum, file) => sum + file.bytes.length, 0);
  if (totalBytes > MAX_UPLOAD_BYTES) reasons.push(`These files add up to ${formatBytes(totalBytes)}; upload at most ${formatBytes(MAX_UPLOAD_BYTES)} at once.`);
  const typed = real.map((file) => ({ ...file, sniffed: sniffType(file.bytes) }));
  for (const file of typed) {
    if (file.bytes.length === 0) reasons.push(`${file.name}: the file is empty.`);
    else if (file.bytes.length > MAX_FILE_BYTES) reasons.push(`${file.name}: ${formatBytes(file.bytes.length)} is over the ${formatBytes(MAX_FILE_BYTES)} limit.`);
    else if (!file.sniffed) reasons.push(`${file.name}: not a PDF, PNG, JPEG or XML file${file.type ? ` (it is ${file.type})` : ""}.`);
    else if (file.sniffed === "application/xml" && !isEInvoice(file.bytes)) {
      reasons.push(`${file.name}: an XML file that is not an e-invoice (a UBL Invoice or CreditNote, or a UN/CEFACT Cross Industry Invoice).`);
    }
  }
  if (reasons.length) throw new UploadRefusedError(reasons);
  const ids = await prisma().$transaction(async (tx) => {
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
          uploadedById: user.id,
        },
        select: { id: true },
      });
      await tx.documentJob.create({ data: { documentId: document.id, companyId: user.companyId } });
      created.push(document.id);
    }
    return created;
  });
  nudgeDocumentWorker();
  return ids;
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

export class ReviewError extends Error {}

/**
 * The reviewer's corrected fields become a vendor bill, its vendor a contact
 * (matched by VAT number, then name, or created). One transaction; the
 * conditional state change makes a double confirm create one bill.
 */
export async function confirmDocument(user: { id: number; companyId: number }, documentId: number, values: ReviewValues) {
  return prisma().$transaction(async (tx) => {
    const claimed = await tx.document.updateMany({
      where: { id: documentId, companyId: user.companyId, state: "TO_REVIEW" },
      data: { state: "DONE" },
    });
    if (claimed.count !== 1) throw new ReviewError("This document is not waiting for review (already confirmed?).");
    const document = await tx.document.findFirstOrThrow({ where: { id: documentId }, select: { kind: true, fields: true, lines: true, creditNote: true } });
    const vendor = await findOrCreateVendor(tx, user.companyId, { name: values.vendorName, vat: values.vendorVat });
    const toDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
    const bill = await tx.vendorBill.create({
      data: {
        companyId: user.companyId,
        documentId,
        kind: document.kind,
        vendorId: vendor.id,
        invoiceNumber: values.invoiceNumber,
        invoiceDate: toDate(values.invoiceDate),
        dueDate: toDate(values.dueDate),
        currency: values.currency,
        subtotal: amountToCents(values.subtotal),
        tax: amountToCents(values.tax),
        total: amountToCents(values.total)!,
        iban: values.iban,
        creditNote: document.creditNote,
        lines: document.lines ?? undefined,
        createdById: user.id,
      },
    });
    // Keep what the reviewer settled on beside what was read, for the record.
    const fields = (document.fields ?? {}) as Record<string, unknown>;
    await tx.document.update({ where: { id: documentId }, data: { fields: { ...fields, reviewed: values } } });
    return { bill, vendorCreated: vendor.created };
  });
}

/** Field values as the review form starts: what was read, or blank. */
export function reviewDefaults(fields: ExtractedFields | null): Record<string, string> {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, fields?.[name]?.value ?? ""]));
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
