import "server-only";
import { EventEmitter, once } from "node:events";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enqueueJob } from "./enqueue";
import { JOB_NAMES, scheduledJobs, type JobName } from "./list";
import { runningJobSystem, startJobSystem } from "./runner";

// POST /api/cron/run, for hosts whose instances sleep between requests
// (serverless, JOBS_CONCURRENCY=0): one call starts this process's runners for
// a while. At start-up graphile-worker's cron catches up every schedule that
// fell due since its last run (once each, however many runs were missed),
// then the runners work every job that is due — schedules and queued jobs
// alike (e-mails, documents, letters, SMS chunks) — until none is left or the
// time budget is spent. In an instance that runs its jobs itself, the call
// only waits for what is due.

export interface CronRunResult {
  /** Jobs finished during the call, by name. */
  finished: Record<string, number>;
  failed: number;
  /** Jobs still due when the budget ran out (the next call continues). */
  remaining: number;
  seconds: number;
}

const POLL_MS = 250;

async function dueJobs(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE run_at <= now() AND attempts < max_attempts AND task_identifier = ANY($1::text[])",
    [JOB_NAMES],
  );
  return rows[0].n;
}

export async function runDueJobs(options: { budgetMs: number; schedule?: JobName }): Promise<CronRunResult> {
  const started = new Date();
  if (options.schedule) {
    if (!scheduledJobs().some((s) => s.name === options.schedule)) throw new RangeError(`${options.schedule} is not a scheduled job`);
    // Its cron key: one waiting run, like the schedule's own.
    await enqueueJob(options.schedule, {} as never, { key: `cron:${options.schedule}` });
  }
  const existing = await runningJobSystem();
  let temporary = null;
  if (!existing) {
    const events = new EventEmitter();
    // The cron's catch-up queues the due schedules before it reports started.
    const cronStarted = Promise.race([once(events, "cron:started"), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    temporary = await startJobSystem({ cron: true, concurrency: env().JOBS_CONCURRENCY || 4, events });
    await cronStarted;
  }
  try {
    const deadline = Date.now() + options.budgetMs;
    while (Date.now() < deadline && (await dueJobs()) > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  } finally {
    await temporary?.stop();
  }
  const { rows } = await pool().query<{ task: string; outcome: string; n: number }>(
    "SELECT task, outcome::text, count(*)::int AS n FROM job_run WHERE finished_at >= $1 GROUP BY task, outcome",
    [started],
  );
  const finished: Record<string, number> = {};
  for (const row of rows) finished[row.task] = (finished[row.task] ?? 0) + row.n;
  return {
    finished,
    failed: rows.filter((row) => row.outcome === "FAILED").reduce((sum, row) => sum + row.n, 0),
    remaining: await dueJobs(),
    seconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
  };
}
