import "server-only";
import { pool } from "@/lib/db/client";

// The job_run log: one row per finished job (graphile-worker deletes a job once
// it is done, so what ran, and what failed for good, is kept here a week).
// Failed rows keep their payload, so an admin's Retry can queue the job again.

export interface FinishedJob {
  task: string;
  jobId: string;
  /** The runner's pool id (graphile-worker's locked_by). */
  worker: string | null;
  companyId: number | null;
  outcome: "DONE" | "FAILED";
  attempts: number;
  durationMs: number;
  error?: string;
  /** Kept for failed jobs only. */
  payload?: unknown;
}

export async function logFinishedJob(job: FinishedJob): Promise<void> {
  await pool().query(
    `INSERT INTO job_run (task, job_id, worker, company_id, outcome, attempts, duration_ms, error, payload)
     VALUES ($1, $2, $9, $3, $4::"JobOutcome", $5, $6, $7, $8::jsonb)`,
    [job.task, job.jobId, job.companyId, job.outcome, job.attempts, Math.round(job.durationMs), job.error?.slice(0, 4000) ?? null, job.payload === undefined ? null : JSON.stringify(job.payload), job.worker],
  );
}

export const KEEP_DAYS = 7;

/** The "jobs.prune" job. */
export async function pruneJobLog(): Promise<number> {
  const { rowCount } = await pool().query("DELETE FROM job_run WHERE finished_at < now() - make_interval(days => $1)", [KEEP_DAYS]);
  return rowCount ?? 0;
}
