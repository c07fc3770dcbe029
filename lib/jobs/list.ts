// Every background job the app runs, in one list: its payload, its schedule,
// how often it is tried and how many run at once. The work itself lives in
// each job's slice (the handler named in lib/jobs/handlers.ts), so tests call
// it directly; this file knows no slice, so any slice may import it to queue a
// job (lib/jobs/enqueue.ts) without an import circle.
//
// Runs on graphile-worker (README, "Background jobs"). Retries back off the way
// graphile-worker does: attempt n waits e^n seconds (3 s, 7 s, 20 s, 1 min,
// 2.5 min, 7 min, 18 min, 50 min, 2.2 h …). After the last attempt the job
// is logged as failed (job_run) with its error, for Settings → Background jobs.
import { z } from "zod";
import { env } from "@/lib/env";

const id = z.number().int().positive();
const companyId = id;

export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  payload: P;
  /**
   * "company": the payload carries a companyId; that company's admins see it,
   * its error, and may retry or discard it. "system": shared work across all
   * companies; admins see how many ran, never the details.
   */
  scope: "company" | "system";
  /** Queued on this schedule (cron pattern, UTC), once across all instances; `minutes` apart. */
  schedule?: () => Schedule;
  retry: { maxAttempts: number };
  /**
   * At most this many of this job at once in one app instance (its own
   * runner). Without it the job shares JOBS_CONCURRENCY with the others.
   */
  concurrency?: number;
  /** Jobs naming the same queue run one at a time across every instance. */
  queue?: (payload: z.output<P>) => string;
  /**
   * At most one waiting job per key (lib/jobs/enqueue.ts): queuing it again
   * replaces the waiting one. SQL that looks a job up by key (the sweeps, the
   * outbox trigger) spells the same format.
   */
  key?: (payload: z.output<P>) => string;
}
// No job-level timeout: an attempt that timed out here would still be running
// (a promise cannot be killed) while its retry starts. Each slice bounds its own
// calls instead: SMTP 10/20 s, the SMS gateway 10 s, OCR 2 min a page.

export interface Schedule {
  pattern: string;
  /** How far apart runs are: a missed run within this long is caught up once at start-up (or by /api/cron/run). */
  minutes: number;
}

function job<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

function everyMinutes(minutes: number): Schedule {
  const pattern = minutes < 60 ? `*/${minutes} * * * *` : minutes === 1440 ? "0 0 * * *" : `0 */${minutes / 60} * * *`;
  return { pattern, minutes };
}

export const JOBS = {
  /** One e-mail of the outbox, queued by the outgoing_email insert trigger (same transaction as the row). */
  "mail.deliver": job({
    payload: z.object({ emailId: id, companyId: companyId.nullable() }),
    scope: "company",
    retry: { maxAttempts: 10 },
    key: ({ emailId }) => `mail.deliver:${emailId}`,
  }),
  /** Safety net: queued e-mails that have no delivery job (e.g. written before SMTP_URL was set). */
  "mail.sweep": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(5), retry: { maxAttempts: 3 } }),

  /** One account's low-credit check, started by the debit or capture that crossed its threshold. */
  "credits.low-check": job({
    payload: z.object({ accountId: id, companyId }),
    scope: "company",
    retry: { maxAttempts: 5 },
    key: ({ accountId }) => `credits.low-check:${accountId}`,
  }),
  /** Safety net for crossings whose event was lost (a process that died right after the debit). */
  "credits.low-sweep": job({
    payload: z.object({}),
    scope: "system",
    schedule: () => everyMinutes(env().LOW_CREDITS_SWEEP_MINUTES),
    retry: { maxAttempts: 3 },
  }),
  /** Frees credits reserved by work that never came back. */
  "credits.expire-holds": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(1), retry: { maxAttempts: 3 } }),

  /**
   * Reads one uploaded document. OCR is heavy (CPU, ~200 MB a page): two at a
   * time per instance, so one slow document never holds up the others; three
   * attempts, then the document shows why it failed.
   */
  "documents.digitize": job({
    payload: z.object({ documentId: id, companyId }),
    scope: "company",
    retry: { maxAttempts: 3 },
    concurrency: 2,
    key: ({ documentId }) => `documents.digitize:${documentId}`,
  }),
  /** Queues again documents waiting for credits whose company can pay now, and any document left without a job. */
  "documents.sweep": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(1), retry: { maxAttempts: 3 } }),

  /** One company's due letters, in order; stops at the first "not enough credits". */
  "letters.run": job({
    payload: z.object({ companyId }),
    scope: "company",
    retry: { maxAttempts: 5 },
    queue: ({ companyId }) => `letters:${companyId}`,
    key: ({ companyId }) => `letters.run:${companyId}`,
  }),
  /** Starts the letter run of every company with letters due (provider retries, after a purchase). */
  "letters.sweep": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(5), retry: { maxAttempts: 3 } }),

  /**
   * One chunk of a mass SMS (massSmsChunkSize: ~10 s of sending). All chunks share
   * one queue: the gateway's rate limit is the account's, so one chunk sends at
   * a time across every instance, at the gateway's pace. Many attempts: a
   * gateway outage pauses the batch, it does not lose it.
   */
  "sms.mass-chunk": job({
    payload: z.object({ companyId, batchKey: z.string().min(1).max(100), fromId: id, toId: id }),
    scope: "company",
    retry: { maxAttempts: 25 },
    concurrency: 1,
    queue: () => "sms-gateway",
  }),

  /**
   * One attempt of one outgoing webhook delivery, queued by the webhook_delivery
   * triggers in the transaction that makes it due (the event, the next retry on
   * WEBHOOK_RETRY_SCHEDULE, a re-send). A runner of its own: a receiver that is
   * slow to answer (10 s at most) never holds up e-mails or credit checks.
   * Its attempts here are for the job's own failures (the database); the
   * receiver's failures are the delivery's retries, each a job of its own.
   */
  "webhooks.deliver": job({
    payload: z.object({ deliveryId: z.string().regex(/^\d{1,19}$/), companyId }),
    scope: "company",
    retry: { maxAttempts: 5 },
    concurrency: 4,
    key: ({ deliveryId }) => `webhooks.deliver:${deliveryId}`,
  }),
  /** Safety net: due deliveries without a job (an endpoint resumed, rows from before the job queue). */
  "webhooks.sweep": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(1), retry: { maxAttempts: 3 } }),
  /**
   * Auto top-up's safety net: starts the top-ups a lost crossing event would
   * have started and asks Stripe again about ones still in flight. (The
   * crossing itself starts the top-up in-process, lib/billing/auto-topup/subscription.ts.)
   */
  "billing.auto-topup-check": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(5), retry: { maxAttempts: 3 } }),
  /** Public API: forgets idempotency keys past their retention (24 h). */
  "api.prune-keys": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(60), retry: { maxAttempts: 3 } }),

  /** Lead Generation: resolves new website visits to organisations and runs every active Visits to Leads rule. */
  "visitors.rules": job({ payload: z.object({}), scope: "system", schedule: () => everyMinutes(5), retry: { maxAttempts: 3 } }),
  /** Lead Generation: deletes page views past their retention (leads stay). */
  "visitors.purge": job({ payload: z.object({}), scope: "system", schedule: () => ({ pattern: "41 2 * * *", minutes: 1440 }), retry: { maxAttempts: 3 } }),

  /** Forgets finished jobs after a week. */
  "jobs.prune": job({ payload: z.object({}), scope: "system", schedule: () => ({ pattern: "17 3 * * *", minutes: 1440 }), retry: { maxAttempts: 3 } }),
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** The scheduled jobs, with their schedules as configured now. */
export function scheduledJobs(): ({ name: JobName } & Schedule)[] {
  return JOB_NAMES.flatMap((name) => {
    const schedule = (JOBS[name] as JobDefinition).schedule;
    return schedule ? [{ name, ...schedule() }] : [];
  });
}
