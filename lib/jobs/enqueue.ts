import "server-only";
import type pg from "pg";
import { pool, type Tx } from "@/lib/db/client";
import { JOBS, type JobDefinition, type JobName, type JobPayload } from "./list";

// Queues a job with graphile-worker's SQL API (graphile_worker.add_job), so a
// slice can queue it in the same transaction as the rows it is about: pass
// that transaction's pg client or Prisma `tx`, and a rollback takes the job
// with it. Without `db`, the job is queued on its own.

export interface EnqueueOptions {
  /** Run no earlier than this. */
  runAt?: Date;
  /**
   * The job's key in the list (JobDefinition.key) applies: queuing a key that
   * waits replaces that job (payload, run time); one that runs right now gets
   * a second job after it. `dedupe: true` instead leaves any existing job of
   * that key as it is.
   */
  dedupe?: boolean;
  /** A key of the caller's own (the cron's), for jobs the list gives none. */
  key?: string;
  db?: pg.ClientBase | pg.Pool | Tx;
}

export interface QueuedJob {
  id: string;
}

/** The flag that ties a job to its company: Settings → Background jobs reads it from graphile-worker's public `jobs` view. */
export function companyFlag(companyId: number): string {
  return `company:${companyId}`;
}

export async function enqueueJob<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<QueuedJob> {
  const definition = JOBS[name] as JobDefinition;
  // Refuse a malformed payload here, where the caller can see it, not later in a worker.
  const parsed = definition.payload.parse(payload) as Record<string, unknown>;
  const companyId = typeof parsed.companyId === "number" ? parsed.companyId : null;
  const values = [
    name,
    JSON.stringify(parsed),
    definition.queue ? definition.queue(parsed) : null,
    options.runAt ?? null,
    definition.retry.maxAttempts,
    options.key ?? definition.key?.(parsed) ?? null,
    companyId === null ? null : [companyFlag(companyId)],
    options.dedupe ? "unsafe_dedupe" : "replace",
  ];
  const text = `SELECT (graphile_worker.add_job($1::text, $2::json, queue_name => $3::text, run_at => $4::timestamptz,
                 max_attempts => $5::int, job_key => $6::text, flags => $7::text[], job_key_mode => $8::text)).id::text AS id`;
  const db = options.db ?? pool();
  if ("$queryRawUnsafe" in db) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(text, ...values);
    return { id: rows[0].id };
  }
  const { rows } = await db.query<{ id: string }>(text, values);
  return { id: rows[0].id };
}
