import "server-only";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount, getService } from "@/lib/iap/accounts";
import { charge } from "@/lib/iap/charge";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { creditsToUnits } from "@/lib/iap/units";
import { SERVICES } from "@/lib/iap/catalogue";
import { enqueueJob, type EnqueueOptions } from "@/lib/jobs/enqueue";
import { ruleBasedExtractor } from "./extract/rule-based";
import type { Extractor } from "./extract/types";
import { ACCEPTED_TYPES, CREDITS_PER_DOCUMENT, MAX_PAGES, type AcceptedType } from "./limits";
import { digitizeDocument, DocumentReadError, inspectDocument, type Digitized, type Inspection } from "./read-document";

// Digitizing one document: the work of the "documents.digitize" job
// (lib/jobs/list.ts), queued in the upload's transaction. The job system runs
// it on one worker of one instance at a time and tries it again after a crash
// or an unexpected error, three attempts in all; then the document shows the
// error. A document that cannot be read (no text, too many pages) is an
// outcome, not a failure: it is not tried again.
//
// Credits: one per document read (none for an e-invoice read from its XML,
// see limits.ts), through charge(): held when reading starts, captured when
// the fields are extracted, released when reading fails.

const SERVICE = SERVICES.documentsDigitization;
const HOLD_TTL_SECONDS = 15 * 60;

export type DigitizeOutcome = "digitized" | "failed" | "waiting" | "skipped";

export interface DigitizeAttempt {
  /** The job and attempt, so each attempt holds credits under its own key. */
  jobId: string;
  number: number;
  final: boolean;
}

/**
 * Reads one document and records what it found. Throws on an unexpected error
 * (the job tries again); on the final attempt the document is marked ERROR
 * with that error first, so it never stays "Digitizing" forever.
 */
export async function processDocument(
  target: { documentId: number; companyId: number },
  attempt: DigitizeAttempt = { jobId: "direct", number: 1, final: true },
  extractor: Extractor = ruleBasedExtractor,
): Promise<DigitizeOutcome> {
  const document = await prisma().document.findFirst({
    where: { id: target.documentId, companyId: target.companyId, state: { in: ["UPLOADED", "DIGITIZING"] } },
    select: { content: true, mimeType: true, fileName: true },
  });
  if (!document) return "skipped"; // deleted, already read, or waiting for credits
  try {
    return await read(target, document, attempt, extractor);
  } catch (error) {
    if (error instanceof DocumentReadError) return fail(target, error.reason);
    console.error(`[documents] document ${target.documentId}, attempt ${attempt.number}, failed:`, error);
    if (attempt.final) await fail(target, `digitizing failed after ${attempt.number} attempts: ${(error as Error)?.message ?? String(error)}`);
    else await setDocument(target, { state: "UPLOADED", progress: 0 });
    throw error;
  }
}

async function read(
  target: { documentId: number; companyId: number },
  document: { content: Uint8Array; mimeType: string; fileName: string },
  attempt: DigitizeAttempt,
  extractor: Extractor,
): Promise<DigitizeOutcome> {
  const type = document.mimeType as AcceptedType;
  if (!(type in ACCEPTED_TYPES)) return fail(target, "unreadable");
  await setDocument(target, { state: "DIGITIZING", progress: 0, errorReason: null });

  // Checked before any credit is held: a refused document costs nothing.
  const inspection: Inspection = await inspectDocument(document.content, type);
  const { pageCount } = inspection;
  if (pageCount > MAX_PAGES) return fail(target, "too many pages");
  await setDocument(target, { pageCount });

  const account = await getOrCreateAccount(target.companyId, SERVICE);
  // An attempt that crashed after its credit was captured is not charged again.
  const paid = await capturedResult(account.id, target.documentId);
  const digitize = () => digitizeDocument(document.content, type, { progress: throttledProgress(target.documentId), extractor });
  let result: Digitized;
  let holdId: number | null = null;
  if (paid) {
    ({ result, holdId } = paid);
  } else if (inspection.credits === 0) {
    result = await digitize();
  } else {
    try {
      const charged = await charge(
        {
          companyId: target.companyId,
          service: SERVICE,
          amount: creditsToUnits(inspection.credits, account.service.decimals),
          idempotencyKey: `document:${target.documentId}:${attempt.jobId}:${attempt.number}`,
          reference: `document:${target.documentId}`,
          description: `Digitized ${document.fileName}`,
          wording: { code: "digitized", params: { file: document.fileName } },
          ttlSeconds: HOLD_TTL_SECONDS,
        },
        digitize,
      );
      result = charged.result;
      holdId = charged.hold.id;
    } catch (error) {
      if (error instanceof InsufficientCreditsError) return waitForCredits(target);
      throw error;
    }
  }
  await prisma().document.updateMany({
    where: { id: target.documentId, companyId: target.companyId },
    data: {
      state: "TO_REVIEW",
      progress: 100,
      errorReason: null,
      fields: result.fields as object,
      lines: result.lines as object[],
      creditNote: result.creditNote,
      textSource: result.source,
      text: result.text,
      pageCount: result.pageCount,
      holdId,
      digitizedAt: new Date(),
    },
  });
  return "digitized";
}

async function capturedResult(accountId: number, documentId: number): Promise<{ holdId: number; result: Digitized } | null> {
  const { rows } = await pool().query(
    "SELECT id, result FROM credit_hold WHERE account_id = $1 AND reference = $2 AND status = 'CAPTURED' AND result IS NOT NULL ORDER BY id LIMIT 1",
    [accountId, `document:${documentId}`],
  );
  return rows[0] ? { holdId: rows[0].id, result: rows[0].result as Digitized } : null;
}

function throttledProgress(documentId: number) {
  let last = 0;
  let lastAt = 0;
  return (fraction: number) => {
    const percent = Math.min(99, Math.max(1, Math.round(fraction * 100)));
    if (percent - last < 5 && Date.now() - lastAt < 1000) return;
    last = percent;
    lastAt = Date.now();
    void pool()
      .query("UPDATE document SET progress = $2, updated_at = now() WHERE id = $1 AND state = 'DIGITIZING'", [documentId, percent])
      .catch(() => {});
  };
}

async function setDocument(target: { documentId: number; companyId: number }, data: { state?: "DIGITIZING" | "UPLOADED"; progress?: number; errorReason?: null; pageCount?: number }) {
  await prisma().document.updateMany({ where: { id: target.documentId, companyId: target.companyId }, data });
}

async function fail(target: { documentId: number; companyId: number }, reason: string): Promise<"failed"> {
  await prisma().document.updateMany({
    where: { id: target.documentId, companyId: target.companyId },
    data: { state: "ERROR", errorReason: reason.slice(0, 500), progress: 0 },
  });
  return "failed";
}

/**
 * Out of credits: the document waits ("not enough credits") instead of
 * failing; the document sweep queues it again once the account can pay.
 */
async function waitForCredits(target: { documentId: number; companyId: number }): Promise<"waiting"> {
  await pool().query(
    `UPDATE document SET state = 'WAITING_CREDITS', error_reason = 'not enough credits', progress = 0, updated_at = now()
      WHERE id = $1 AND company_id = $2`,
    [target.documentId, target.companyId],
  );
  return "waiting";
}

/**
 * The "documents.sweep" job: documents waiting for credits whose company can
 * now pay for one go back in the queue, and an uploaded document that has no
 * job (one uploaded before the job queue existed) gets one. Returns how many
 * documents it queued.
 */
export async function sweepDocuments(): Promise<number> {
  const service = await getService(SERVICE);
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number; company_id: number }>(
      `WITH ready AS (
         SELECT d.id FROM document d
           JOIN iap_account a ON a.company_id = d.company_id AND a.service_id = $1
          WHERE d.state = 'WAITING_CREDITS' AND a.balance - a.held >= $2
          ORDER BY d.id
          FOR UPDATE OF d SKIP LOCKED
       ), resumed AS (
         UPDATE document d SET state = 'UPLOADED', error_reason = NULL, updated_at = now() FROM ready WHERE d.id = ready.id
         RETURNING d.id, d.company_id
       )
       SELECT id, company_id FROM resumed
       UNION ALL
       SELECT d.id, d.company_id FROM document d
        WHERE d.state IN ('UPLOADED', 'DIGITIZING') AND d.updated_at < now() - interval '1 minute'
          AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'documents.digitize:' || d.id)`,
      [service.id, creditsToUnits(CREDITS_PER_DOCUMENT, service.decimals)],
    );
    for (const row of rows) await queueDigitization({ documentId: row.id, companyId: row.company_id }, client);
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Queues a document's digitization, in the caller's transaction when given (the upload's). */
export function queueDigitization(target: { documentId: number; companyId: number }, db?: EnqueueOptions["db"]) {
  return enqueueJob("documents.digitize", target, { dedupe: true, db });
}

/** Retry, after the document failed for good: back to Uploaded (its job is queued by the caller). */
export async function resetFailedDocument(target: { documentId: number; companyId: number }): Promise<boolean> {
  const { count } = await prisma().document.updateMany({
    where: { id: target.documentId, companyId: target.companyId, state: "ERROR" },
    data: { state: "UPLOADED", errorReason: null, progress: 0 },
  });
  return count === 1;
}

export interface DocumentInProgress {
  id: number;
  fileName: string;
  state: "UPLOADED" | "DIGITIZING";
  progress: number;
  createdAt: Date;
}

/** The company's documents waiting to be read or being read (Settings → Background jobs). */
export async function documentsInProgress(companyId: number): Promise<DocumentInProgress[]> {
  const documents = await prisma().document.findMany({
    where: { companyId, state: { in: ["UPLOADED", "DIGITIZING"] } },
    orderBy: { id: "asc" },
    take: 50,
    select: { id: true, fileName: true, state: true, progress: true, createdAt: true },
  });
  return documents as DocumentInProgress[];
}
