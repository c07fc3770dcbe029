import "server-only";
import { hostname } from "node:os";
import { pool, prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getOrCreateAccount, getService } from "@/lib/iap/accounts";
import { charge } from "@/lib/iap/charge";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { creditsToUnits } from "@/lib/iap/units";
import { ruleBasedExtractor } from "./extract/rule-based";
import type { Extractor } from "./extract/types";
import { ACCEPTED_TYPES, CREDITS_PER_DOCUMENT, MAX_PAGES, type AcceptedType } from "./limits";
import { digitizeDocument, DocumentReadError, inspectDocument, type Digitized, type Inspection } from "./read-document";
import { SERVICES } from "@/lib/iap/catalogue";

// The digitization queue. Every app instance runs this worker in-process; a
// job is claimed with FOR UPDATE SKIP LOCKED, so instances never take the same
// one, and a job whose instance died (RUNNING for too long) is queued again.
// Credits: one per document read (none for an e-invoice read from its XML,
// see limits.ts), through charge(): held when the job starts, captured when
// the fields are extracted, released when reading fails.

/** A RUNNING job older than this belonged to an instance that stopped. */
const STALE_AFTER_SECONDS = 15 * 60;
const WORKER_ID = `${hostname()}:${process.pid}`;

interface ClaimedJob {
  id: number;
  documentId: number;
  companyId: number;
  attempts: number;
}

export interface RunOptions {
  /** Most jobs to work in this call (default: until the queue is empty). */
  limit?: number;
  extractor?: Extractor;
}

export interface RunSummary {
  digitized: number;
  failed: number;
  waiting: number;
  resumed: number;
}

let running: Promise<RunSummary> | null = null;

/** Works the queue until it is empty (or `limit` jobs). One run at a time per process; tests call it directly. */
export function runDocumentJobsOnce(options: RunOptions = {}): Promise<RunSummary> {
  running ??= work(options).finally(() => {
    running = null;
  });
  return running;
}

async function work({ limit = Infinity, extractor = ruleBasedExtractor }: RunOptions): Promise<RunSummary> {
  const summary: RunSummary = { digitized: 0, failed: 0, waiting: 0, resumed: 0 };
  await requeueStaleJobs();
  summary.resumed = await resumeWaitingDocuments();
  for (let n = 0; n < limit; n++) {
    const job = await claimJob();
    if (!job) break;
    const outcome = await runJob(job, extractor);
    summary[outcome]++;
  }
  return summary;
}

async function claimJob(): Promise<ClaimedJob | null> {
  const { rows } = await pool().query(
    `WITH next AS (
       SELECT id FROM document_job WHERE state = 'QUEUED' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     UPDATE document_job j SET state = 'RUNNING', attempts = j.attempts + 1, locked_at = now(), locked_by = $1, updated_at = now()
       FROM next WHERE j.id = next.id
     RETURNING j.id, j.document_id, j.company_id, j.attempts`,
    [WORKER_ID],
  );
  const row = rows[0];
  return row ? { id: row.id, documentId: row.document_id, companyId: row.company_id, attempts: row.attempts } : null;
}

async function runJob(job: ClaimedJob, extractor: Extractor): Promise<"digitized" | "failed" | "waiting"> {
  const document = await prisma().document.findFirst({
    where: { id: job.documentId, companyId: job.companyId },
    select: { content: true, mimeType: true, fileName: true },
  });
  if (!document) return finishJob(job, "FAILED", "document deleted");
  const type = document.mimeType as AcceptedType;
  if (!(type in ACCEPTED_TYPES)) return fail(job, "unreadable", `unsupported type ${type}`);
  await setDocument(job, { state: "DIGITIZING", progress: 0, errorReason: null });

  // Checked before any credit is held: a refused document costs nothing.
  let inspection: Inspection;
  try {
    inspection = await inspectDocument(document.content, type);
  } catch (error) {
    return fail(job, (error as DocumentReadError).reason ?? "unreadable", (error as Error).message);
  }
  const { pageCount } = inspection;
  if (pageCount > MAX_PAGES) return fail(job, "too many pages", `${pageCount} pages; at most ${MAX_PAGES}`);
  await setDocument(job, { pageCount });

  const account = await getOrCreateAccount(job.companyId, SERVICES.documentsDigitization);
  // A run that crashed after its credit was captured is not charged again.
  const paid = await capturedResult(account.id, job.documentId);
  let result: Digitized;
  let holdId: number | null = null;
  try {
    const progress = throttledProgress(job);
    const digitize = () => digitizeDocument(document.content, type, { progress, extractor });
    if (paid) {
      result = paid.result;
      holdId = paid.holdId;
    } else if (inspection.credits === 0) {
      result = await digitize();
    } else {
      const charged = await charge(
        {
          companyId: job.companyId,
          service: SERVICES.documentsDigitization,
          amount: creditsToUnits(inspection.credits, account.service.decimals),
          idempotencyKey: `document-job:${job.id}:${job.attempts}`,
          reference: `document:${job.documentId}`,
          description: `Digitized ${document.fileName}`,
          ttlSeconds: STALE_AFTER_SECONDS,
        },
        digitize,
      );
      result = charged.result;
      holdId = charged.hold.id;
    }
  } catch (error) {
    if (error instanceof InsufficientCreditsError) return waitForCredits(job);
    if (error instanceof DocumentReadError) return fail(job, error.reason, error.message);
    console.error(`[documents] job ${job.id} (document ${job.documentId}) failed:`, error);
    return fail(job, "unreadable", (error as Error)?.message ?? String(error));
  }
  await prisma().$transaction([
    prisma().document.updateMany({
      where: { id: job.documentId, companyId: job.companyId },
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
    }),
    prisma().documentJob.update({ where: { id: job.id }, data: { state: "DONE", lockedAt: null } }),
  ]);
  return "digitized";
}

async function capturedResult(accountId: number, documentId: number): Promise<{ holdId: number; result: Digitized } | null> {
  const { rows } = await pool().query(
    "SELECT id, result FROM credit_hold WHERE account_id = $1 AND reference = $2 AND status = 'CAPTURED' AND result IS NOT NULL ORDER BY id LIMIT 1",
    [accountId, `document:${documentId}`],
  );
  return rows[0] ? { holdId: rows[0].id, result: rows[0].result as Digitized } : null;
}

function throttledProgress(job: ClaimedJob) {
  let last = 0;
  let lastAt = 0;
  return (fraction: number) => {
    const percent = Math.min(99, Math.max(1, Math.round(fraction * 100)));
    if (percent - last < 5 && Date.now() - lastAt < 1000) return;
    last = percent;
    lastAt = Date.now();
    void pool()
      .query("UPDATE document SET progress = $2, updated_at = now() WHERE id = $1 AND state = 'DIGITIZING'", [job.documentId, percent])
      .catch(() => {});
  };
}

async function setDocument(job: ClaimedJob, data: { state?: "DIGITIZING"; progress?: number; errorReason?: null; pageCount?: number }) {
  await prisma().document.updateMany({ where: { id: job.documentId, companyId: job.companyId }, data });
}

async function fail(job: ClaimedJob, reason: string, detail: string): Promise<"failed"> {
  await prisma().$transaction([
    prisma().document.updateMany({ where: { id: job.documentId, companyId: job.companyId }, data: { state: "ERROR", errorReason: reason, progress: 0 } }),
    prisma().documentJob.update({ where: { id: job.id }, data: { state: "FAILED", lastError: detail.slice(0, 1000), lockedAt: null } }),
  ]);
  return "failed";
}

async function finishJob(job: ClaimedJob, state: "FAILED", detail: string): Promise<"failed"> {
  await prisma().documentJob.update({ where: { id: job.id }, data: { state, lastError: detail, lockedAt: null } });
  return "failed";
}

/**
 * Out of credits: this document and the company's other queued ones wait
 * ("not enough credits") instead of failing one by one; resumeWaitingDocuments
 * queues them again once the account can pay.
 */
async function waitForCredits(job: ClaimedJob): Promise<"waiting"> {
  await pool().query(
    `WITH jobs AS (
       UPDATE document_job SET state = 'WAITING_CREDITS', locked_at = NULL, updated_at = now()
        WHERE id = $1 OR (company_id = $2 AND state = 'QUEUED')
        RETURNING document_id
     )
     UPDATE document d SET state = 'WAITING_CREDITS', error_reason = 'not enough credits', progress = 0, updated_at = now()
       FROM jobs WHERE d.id = jobs.document_id`,
    [job.id, job.companyId],
  );
  return "waiting";
}

/** Queues again the waiting documents of every company whose account can now pay for one. */
export async function resumeWaitingDocuments(): Promise<number> {
  const service = await getService(SERVICES.documentsDigitization);
  const { rowCount } = await pool().query(
    `WITH ready AS (
       SELECT j.id FROM document_job j
         JOIN iap_account a ON a.company_id = j.company_id AND a.service_id = $1
        WHERE j.state = 'WAITING_CREDITS' AND a.balance - a.held >= $2
        ORDER BY j.id
        FOR UPDATE OF j SKIP LOCKED
     ), jobs AS (
       UPDATE document_job j SET state = 'QUEUED', updated_at = now() FROM ready WHERE j.id = ready.id RETURNING j.document_id
     )
     UPDATE document d SET state = 'UPLOADED', error_reason = NULL, updated_at = now() FROM jobs WHERE d.id = jobs.document_id`,
    [service.id, creditsToUnits(CREDITS_PER_DOCUMENT, service.decimals)],
  );
  return rowCount ?? 0;
}

async function requeueStaleJobs() {
  await pool().query(
    `UPDATE document_job SET state = 'QUEUED', locked_at = NULL, updated_at = now()
      WHERE state = 'RUNNING' AND locked_at < now() - make_interval(secs => $1)`,
    [STALE_AFTER_SECONDS],
  );
}

// In-process loop, started once per server (instrumentation.ts).
const globalForWorker = globalThis as unknown as { documentWorker?: { timer: NodeJS.Timeout | null; wake: () => void } };

export function startDocumentWorker() {
  const pollMs = env().DOCUMENT_WORKER_POLL_MS;
  if (pollMs === 0 || globalForWorker.documentWorker) return;
  const state = { timer: null as NodeJS.Timeout | null, wake: () => {} };
  const tick = async () => {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    try {
      await runDocumentJobsOnce();
    } catch (error) {
      console.error("[documents] worker run failed:", (error as Error).message);
    } finally {
      state.timer ??= setTimeout(tick, pollMs);
      state.timer.unref?.();
    }
  };
  state.wake = () => {
    // A run in progress picks new jobs up itself before it ends.
    if (!running) void tick();
  };
  globalForWorker.documentWorker = state;
  state.timer = setTimeout(tick, 1000);
  state.timer.unref?.();
}

/** After an upload: start digitizing now rather than at the next poll. */
export function nudgeDocumentWorker() {
  globalForWorker.documentWorker?.wake();
}
