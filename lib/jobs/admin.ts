import "server-only";
import { pool } from "@/lib/db/client";
import { companyFlag, enqueueJob } from "./enqueue";
import { HANDLERS } from "./handlers";
import { isJobName, JOB_NAMES, JOBS, type JobDefinition, type JobName, type JobPayload } from "./list";

// What Settings → Background jobs reads and does, always for one company.
// Company jobs (their payload names the company; graphile-worker's public
// `jobs` view carries it as the flag "company:<id>", job_run as company_id):
// counts, errors, Retry and Discard, for that company's admins only. System
// jobs (sweeps and schedules shared by every company): counts only — their
// errors may be about other companies, so they go to the server log.

export interface QueueStats {
  name: JobName;
  scope: "company" | "system";
  waiting: number;
  running: number;
  /** Failed for good, not yet retried or discarded. */
  failed: number;
  /** Finished in the last 24 hours. */
  done: number;
}

const SYSTEM_JOBS = JOB_NAMES.filter((name) => JOBS[name].scope === "system");

export async function queueStats(companyId: number): Promise<QueueStats[]> {
  const [live, log] = await Promise.all([
    pool().query<{ task: string; waiting: number; running: number }>(
      `SELECT task_identifier AS task,
              count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts)::int AS waiting,
              count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running
         FROM graphile_worker.jobs
        WHERE flags ? $1 OR task_identifier = ANY($2::text[])
        GROUP BY task_identifier`,
      [companyFlag(companyId), SYSTEM_JOBS],
    ),
    pool().query<{ task: string; failed: number; done: number }>(
      `SELECT task,
              count(*) FILTER (WHERE outcome = 'FAILED' AND resolved_at IS NULL)::int AS failed,
              count(*) FILTER (WHERE outcome = 'DONE' AND finished_at > now() - interval '24 hours')::int AS done
         FROM job_run
        WHERE company_id = $1 OR (company_id IS NULL AND task = ANY($2::text[]))
        GROUP BY task`,
      [companyId, SYSTEM_JOBS],
    ),
  ]);
  const liveBy = new Map(live.rows.map((row) => [row.task, row]));
  const logBy = new Map(log.rows.map((row) => [row.task, row]));
  return JOB_NAMES.map((name) => ({
    name,
    scope: JOBS[name].scope,
    waiting: liveBy.get(name)?.waiting ?? 0,
    running: liveBy.get(name)?.running ?? 0,
    failed: logBy.get(name)?.failed ?? 0,
    done: logBy.get(name)?.done ?? 0,
  }));
}

export interface FailedJob {
  /** The job_run row. */
  id: string;
  name: JobName;
  error: string;
  attempts: number;
  finishedAt: Date;
  /** What it worked on, for a link ("email", 12). */
  subject: { kind: "email" | "document" | "letters" | "account" | "sms-batch" | "webhook-delivery"; id: number | string } | null;
  /** Retry is offered when the job's slice can put its work back in the queue. */
  retryable: boolean;
}

function subjectOf(name: JobName, payload: Record<string, unknown>): FailedJob["subject"] {
  if (name === "mail.deliver") return { kind: "email", id: payload.emailId as number };
  if (name === "documents.digitize") return { kind: "document", id: payload.documentId as number };
  if (name === "letters.run") return { kind: "letters", id: payload.companyId as number };
  if (name === "credits.low-check") return { kind: "account", id: payload.accountId as number };
  if (name === "sms.mass-chunk") return { kind: "sms-batch", id: payload.batchKey as string };
  if (name === "webhooks.deliver") return { kind: "webhook-delivery", id: payload.deliveryId as string };
  return null;
}

/** The company's jobs that failed for good and await an admin's decision, newest first. */
export async function failedJobs(companyId: number, limit = 50): Promise<FailedJob[]> {
  const { rows } = await pool().query<{ id: string; task: string; error: string | null; attempts: number; finished_at: Date; payload: Record<string, unknown> | null }>(
    `SELECT id::text, task, error, attempts, finished_at, payload FROM job_run
      WHERE company_id = $1 AND outcome = 'FAILED' AND resolved_at IS NULL
      ORDER BY finished_at DESC, id DESC LIMIT $2`,
    [companyId, limit],
  );
  return rows.flatMap((row) =>
    isJobName(row.task)
      ? [
          {
            id: row.id,
            name: row.task,
            error: row.error ?? "",
            attempts: row.attempts,
            finishedAt: row.finished_at,
            subject: subjectOf(row.task, row.payload ?? {}),
            retryable: Boolean(HANDLERS[row.task].prepareRetry) && (JOBS[row.task] as JobDefinition).payload.safeParse(row.payload).success,
          },
        ]
      : [],
  );
}

export type FailedJobAction = "done" | "not-found" | "not-retryable";

/** Takes one of the company's unresolved failures off the list; returns its task and payload. */
async function resolveFailure(companyId: number, runId: string, outcome: "FAILED" | "DISCARDED") {
  const { rows } = await pool().query<{ task: string; payload: Record<string, unknown> | null }>(
    `UPDATE job_run SET resolved_at = now(), outcome = $3::"JobOutcome"
      WHERE id = $1::bigint AND company_id = $2 AND outcome = 'FAILED' AND resolved_at IS NULL
      RETURNING task, payload`,
    [runId, companyId, outcome],
  );
  return rows[0] ?? null;
}

/** Retry: the failure leaves the list, its slice readies the work again, and the job is queued with fresh attempts. */
export async function retryFailedJob(companyId: number, runId: string): Promise<FailedJobAction> {
  const { rows } = await pool().query<{ task: string; payload: Record<string, unknown> | null }>(
    "SELECT task, payload FROM job_run WHERE id = $1::bigint AND company_id = $2 AND outcome = 'FAILED' AND resolved_at IS NULL",
    [runId, companyId],
  );
  const row = rows[0];
  if (!row || !isJobName(row.task)) return "not-found";
  const handler = HANDLERS[row.task] as { prepareRetry?(payload: unknown): Promise<unknown> };
  const definition = JOBS[row.task] as JobDefinition;
  const payload = row.payload ? definition.payload.safeParse(row.payload) : null;
  if (!handler.prepareRetry || !payload?.success) return "not-retryable";
  // The payload names this company (checked by the query above): a retry never acts for another.
  if ((payload.data as { companyId?: number | null }).companyId !== companyId) return "not-found";
  if (!(await resolveFailure(companyId, runId, "FAILED"))) return "not-found"; // another admin was quicker
  await handler.prepareRetry(payload.data);
  await enqueueJob(row.task, payload.data as JobPayload<typeof row.task>);
  return "done";
}

/** Discard: the failure leaves the list; what the job worked on keeps the outcome its last attempt recorded. */
export async function discardFailedJob(companyId: number, runId: string): Promise<FailedJobAction> {
  return (await resolveFailure(companyId, runId, "DISCARDED")) ? "done" : "not-found";
}
