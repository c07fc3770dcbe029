import "server-only";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { Logger, parseCronItems, run, type Runner, type Task, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { requireDatabaseUrl, env } from "@/lib/env";
import { PermanentJobError } from "./errors";
import { HANDLERS, type JobContext } from "./handlers";
import { JOB_NAMES, JOBS, scheduledJobs, type JobDefinition, type JobName } from "./list";
import { logFinishedJob } from "./log";
import { registerJobSubscriptions } from "./subscriptions";

// The job runners of one app process, on graphile-worker (README, "Background
// jobs"). Started once by instrumentation.ts; tests and /api/cron/run start
// their own. What graphile-worker does: the queue (FOR UPDATE SKIP LOCKED),
// LISTEN/NOTIFY so a queued job starts within milliseconds, retries with
// backoff, named queues, cron across instances, its own schema. What this
// file adds:
//  - one runner per job with its own `concurrency` (OCR, SMS), one shared
//    runner (JOBS_CONCURRENCY) for the rest; the cron schedule on the shared one;
//  - every job's payload checked against the list, its outcome logged
//    (job_run), its last failure kept for Settings → Background jobs;
//  - a heartbeat: graphile-worker frees a killed instance's jobs only after 4
//    hours; here each runner beats every few seconds and any instance frees
//    the jobs of runners silent for STALE_AFTER_SECONDS (force_unlock_workers);
//  - a supervisor: a runner that stops (its database connection lost for
//    longer than graphile-worker retries) is started again.
// While PostgreSQL is down the runners retry their queries and wait; jobs
// resume when it is back.

const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_SECONDS = 30;
const RESTART_DELAYS_MS = [1_000, 5_000, 15_000, 60_000];
const POLL_INTERVAL_MS = 2_000;

export interface JobSystem {
  /** Resolves when every runner has stopped and released its jobs. */
  stop(): Promise<void>;
  /** graphile-worker pool ids of the live runners (their heartbeats). */
  poolIds(): string[];
  events: EventEmitter;
}

export interface StartOptions {
  /** Shared runner's concurrency; default JOBS_CONCURRENCY. */
  concurrency?: number;
  /** Queue scheduled jobs (default true). */
  cron?: boolean;
  /** Only these jobs (tests); default all. */
  only?: JobName[];
  /** Receives job:done, job:error and cron:started from the start. */
  events?: EventEmitter;
}

const quiet = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});

function wrap(name: JobName): Task {
  const definition = JOBS[name] as JobDefinition;
  const handler = HANDLERS[name] as { run(payload: unknown, context: JobContext): Promise<unknown> };
  return async (rawPayload, helpers) => {
    const { job } = helpers;
    const started = performance.now();
    const { _cron, ...payload } = (rawPayload ?? {}) as Record<string, unknown>;
    const companyId = typeof payload.companyId === "number" ? payload.companyId : null;
    const base = { task: name, jobId: job.id, worker: job.locked_by, companyId, attempts: job.attempts };
    const parsed = definition.payload.safeParse(payload);
    if (!parsed.success) {
      // Retrying cannot fix a malformed payload: logged as failed at once.
      await logFinishedJob({ ...base, outcome: "FAILED", durationMs: 0, error: `Invalid payload: ${parsed.error.message}`, payload });
      return;
    }
    const context: JobContext = { jobId: job.id, attempt: job.attempts, maxAttempts: job.max_attempts, final: job.attempts >= job.max_attempts };
    try {
      await handler.run(parsed.data, context);
      await logFinishedJob({ ...base, outcome: "DONE", durationMs: performance.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof PermanentJobError) && !context.final) throw error; // graphile-worker retries with backoff
      console.error(`[jobs] ${name} (job ${job.id}) failed for good after ${job.attempts} attempt(s): ${message}`);
      await logFinishedJob({ ...base, outcome: "FAILED", durationMs: performance.now() - started, error: message, payload: parsed.data });
    }
  };
}

/** Jobs grouped by runner: those with their own concurrency alone, the rest together. */
function lanes(only: JobName[], sharedConcurrency: number): { name: string; jobs: JobName[]; concurrency: number }[] {
  const shared = only.filter((name) => !(JOBS[name] as JobDefinition).concurrency);
  const own = only.filter((name) => (JOBS[name] as JobDefinition).concurrency);
  return [
    ...(shared.length && sharedConcurrency > 0 ? [{ name: "shared", jobs: shared, concurrency: sharedConcurrency }] : []),
    ...own.map((name) => ({ name, jobs: [name], concurrency: (JOBS[name] as JobDefinition).concurrency! })),
  ];
}

function cronItems(jobs: JobName[]) {
  return parseCronItems(
    scheduledJobs()
      .filter((s) => jobs.includes(s.name))
      .map((s) => ({
        task: s.name,
        match: s.pattern,
        identifier: s.name,
        // One waiting run per schedule (a backlog coalesces), caught up once after downtime.
        options: { backfillPeriod: s.minutes * 60_000, jobKey: `cron:${s.name}`, jobKeyMode: "replace" as const, maxAttempts: (JOBS[s.name] as JobDefinition).retry.maxAttempts },
      })),
  );
}

export async function startJobSystem(options: StartOptions = {}): Promise<JobSystem> {
  const only = options.only ?? JOB_NAMES;
  const concurrency = options.concurrency ?? env().JOBS_CONCURRENCY;
  const plan = lanes(only, concurrency);
  const connections = plan.reduce((sum, lane) => sum + lane.concurrency + 2, 2);
  const pgPool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: connections, options: "-c TimeZone=UTC" });
  // A connection the server dropped (restart, failover): the next query reconnects.
  pgPool.on("error", (error) => console.warn(`[jobs] database connection lost: ${error.message}`));
  pgPool.on("connect", (client) => client.on("error", () => {})); // reported by the pool's own listener above
  const events = options.events ?? new EventEmitter();
  const live = new Map<string, { runner: Runner | null; poolId: string | null }>();
  let stopping = false;

  const beat = async () => {
    const ids = [...live.values()].flatMap((lane) => (lane.poolId ? [lane.poolId] : []));
    if (ids.length) {
      await pgPool.query(
        `INSERT INTO job_worker (pool_id, host, pid) SELECT unnest($1::text[]), $2, $3
         ON CONFLICT (pool_id) DO UPDATE SET beat_at = now()`,
        [ids, hostname(), process.pid],
      );
    }
    await freeSilentRunners(pgPool);
  };
  const heartbeat = setInterval(() => void beat().catch((error) => console.warn(`[jobs] heartbeat failed: ${(error as Error).message}`)), HEARTBEAT_MS);
  heartbeat.unref();

  const startLane = async (lane: (typeof plan)[number], restarts = 0) => {
    const state = { runner: null as Runner | null, poolId: null as string | null };
    live.set(lane.name, state);
    const laneEvents: WorkerEvents = new EventEmitter() as WorkerEvents;
    let wakeIdle: (count: number) => void = () => {};
    laneEvents.on("pool:create", ({ workerPool }) => {
      state.poolId = workerPool.id;
      wakeIdle = (count) => workerPool.nudge(count);
      void beat().catch(() => {});
    });
    // graphile-worker asks for a worker's next job without waiting for the
    // finished one's completion to commit. In a serial queue the next job is
    // still behind the finished one's lock then, so the worker finds nothing
    // and sleeps a whole poll interval: 2 s between two mass SMS chunks, ~40 %
    // of a 10,000-message batch's time. Once the completion is visible, wake it.
    laneEvents.on("job:complete", ({ job }) => {
      if (job.job_queue_id !== null) void wakeOnceReleased(pgPool, job.id, () => wakeIdle(1));
    });
    laneEvents.on("job:success", ({ job }) => events.emit("job:done", job));
    laneEvents.on("job:error", ({ job, error }) => events.emit("job:error", job, error));
    laneEvents.on("cron:started", () => events.emit("cron:started"));
    try {
      state.runner = await run({
        pgPool,
        concurrency: lane.concurrency,
        taskList: Object.fromEntries(lane.jobs.map((name) => [name, wrap(name)])),
        parsedCronItems: lane.name === "shared" && options.cron !== false ? cronItems(lane.jobs) : [],
        noHandleSignals: true,
        logger: quiet,
        events: laneEvents,
        pollInterval: POLL_INTERVAL_MS,
        // Batched completion retries its query (e.g. across a database restart)
        // instead of leaving an unhandled rejection behind.
        preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      });
    } catch (error) {
      console.error(`[jobs] runner "${lane.name}" could not start: ${(error as Error).message}`);
      return restartLater(lane, restarts);
    }
    state.runner.promise.then(
      () => !stopping && restartLater(lane, restarts),
      (error) => {
        if (stopping) return;
        console.error(`[jobs] runner "${lane.name}" stopped: ${(error as Error).message}`);
        restartLater(lane, restarts);
      },
    );
  };
  const restartLater = (lane: (typeof plan)[number], restarts: number) => {
    if (stopping) return;
    const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)];
    setTimeout(() => void startLane(lane, restarts + 1), delay).unref();
  };

  registerJobSubscriptions();
  await Promise.all(plan.map((lane) => startLane(lane)));
  return {
    events,
    poolIds: () => [...live.values()].flatMap((lane) => (lane.poolId ? [lane.poolId] : [])),
    async stop() {
      stopping = true;
      clearInterval(heartbeat);
      const ids = [...live.values()].flatMap((lane) => (lane.poolId ? [lane.poolId] : []));
      await Promise.allSettled([...live.values()].map((lane) => lane.runner?.stop()));
      await pgPool.query("DELETE FROM job_worker WHERE pool_id = ANY($1::text[])", [ids]).catch(() => {});
      await pgPool.end();
    },
  };
}

const RELEASE_CHECK_MS = 10;
const RELEASE_CHECK_FOR_MS = 2_000;

/** Calls `wake` once the job is no longer locked (completed: gone; failed: unlocked for its retry), checking every 10 ms for up to 2 s. */
async function wakeOnceReleased(db: pg.Pool, jobId: string, wake: () => void): Promise<void> {
  const until = Date.now() + RELEASE_CHECK_FOR_MS;
  try {
    while (Date.now() < until) {
      const { rows } = await db.query("SELECT 1 FROM graphile_worker.jobs WHERE id = $1 AND locked_at IS NOT NULL", [jobId]);
      if (rows.length === 0) return wake();
      await new Promise((resolve) => setTimeout(resolve, RELEASE_CHECK_MS));
    }
  } catch {
    // The database went away: the worker's own poll finds the next job once it is back.
  }
}

/**
 * Frees the jobs locked by runners that stopped beating (killed, crashed,
 * cut off) so that a live instance picks them up: graphile-worker's
 * force_unlock_workers. A runner that never registered counts as silent once
 * its job has been locked longer than the threshold.
 */
export async function freeSilentRunners(db: pg.Pool | pg.ClientBase, staleAfterSeconds = STALE_AFTER_SECONDS): Promise<string[]> {
  const { rows } = await db.query<{ pool_id: string }>(
    `WITH forgotten AS (
       DELETE FROM job_worker WHERE beat_at < now() - make_interval(secs => $1)
     )
     SELECT DISTINCT j.locked_by AS pool_id FROM graphile_worker.jobs j
      WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => $1)
        AND NOT EXISTS (SELECT 1 FROM job_worker w WHERE w.pool_id = j.locked_by AND w.beat_at >= now() - make_interval(secs => $1))`,
    [staleAfterSeconds],
  );
  const silent = rows.map((row) => row.pool_id);
  if (silent.length) {
    await db.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [silent]);
    console.warn(`[jobs] freed the jobs of ${silent.length} silent runner(s): ${silent.join(", ")}`);
  }
  return silent;
}

// The app's own job system, one per process (instrumentation.ts).
const globalForJobs = globalThis as unknown as { jobSystem?: Promise<JobSystem | null> };

/** Starts this process's runners once; none when JOBS_CONCURRENCY is 0 (the pages still queue jobs). */
export function startJobs(): Promise<JobSystem | null> {
  globalForJobs.jobSystem ??= (async () => {
    registerJobSubscriptions();
    if (env().JOBS_CONCURRENCY === 0) {
      console.log("▸ Background jobs: none run in this process (JOBS_CONCURRENCY=0); call /api/cron/run from a cron");
      return null;
    }
    const system = await startJobSystem();
    console.log(`▸ Background jobs: ${env().JOBS_CONCURRENCY} at a time, plus documents, mass SMS and webhooks on their own runners`);
    return system;
  })();
  return globalForJobs.jobSystem;
}

/** The system startJobs() started in this process, if any. */
export function runningJobSystem(): Promise<JobSystem | null> {
  return globalForJobs.jobSystem ?? Promise.resolve(null);
}
