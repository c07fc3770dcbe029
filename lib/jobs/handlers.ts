import "server-only";
import { checkLowCredits, runCreditAlerts } from "@/lib/alerts/low-credits";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { runAutoTopupCheck } from "@/lib/billing/auto-topup/run";
import { processDocument, resetFailedDocument, sweepDocuments } from "@/lib/digitization/worker";
import { expireHolds } from "@/lib/iap/hold-expiry";
import { deliverEmail, enqueueUndeliveredEmails } from "@/lib/mail/delivery";
import { requeueEmail } from "@/lib/mail/outbox";
import { runMassSmsChunk } from "@/lib/sms/mass-sms/run";
import { runCompanyLetters, sweepLetters } from "@/lib/snailmail/queue";
import { purgeOldPageViews } from "@/lib/visitors/process-visits";
import { runVisitsToLeads } from "@/lib/visitors/run-rules";
import { deliverWebhook, enqueueDueWebhookDeliveries } from "@/lib/webhooks/delivery";
import { resendDelivery } from "@/lib/webhooks/endpoints";
import type { JobName, JobPayload } from "./list";
import { pruneJobLog } from "./log";

// Which slice function does each job's work. The type makes every job of the
// list name one; nothing here does work itself.

export interface JobContext {
  /** graphile-worker's job id. */
  jobId: string;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  /** No attempt comes after this one: record the failure for good before throwing. */
  final: boolean;
}

export interface JobHandler<N extends JobName> {
  run(payload: JobPayload<N>, context: JobContext): Promise<unknown>;
  /**
   * Settings → Background jobs "Retry" on a job that failed for good: put what
   * it works on back in a state to be worked again (the job is then queued).
   * Jobs without it are not offered Retry.
   */
  prepareRetry?(payload: JobPayload<N>): Promise<unknown>;
}

export const HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "mail.deliver": {
    run: ({ emailId }, { attempt, final }) => deliverEmail(emailId, { number: attempt, final }),
    prepareRetry: ({ emailId, companyId }) => (companyId === null ? Promise.resolve() : requeueEmail(companyId, emailId)),
  },
  "mail.sweep": { run: () => enqueueUndeliveredEmails() },
  "credits.low-check": { run: (account) => checkLowCredits(account), prepareRetry: () => Promise.resolve() },
  "credits.low-sweep": { run: () => runCreditAlerts() },
  "credits.expire-holds": { run: () => expireHolds() },
  "documents.digitize": {
    run: (target, { jobId, attempt, final }) => processDocument(target, { jobId, number: attempt, final }),
    prepareRetry: (target) => resetFailedDocument(target),
  },
  "documents.sweep": { run: () => sweepDocuments() },
  "letters.run": { run: ({ companyId }) => runCompanyLetters(companyId), prepareRetry: () => Promise.resolve() },
  "letters.sweep": { run: () => sweepLetters() },
  "sms.mass-chunk": { run: (chunk, { final }) => runMassSmsChunk(chunk, { final }) },
  "webhooks.deliver": {
    run: ({ deliveryId }) => deliverWebhook(BigInt(deliveryId)),
    prepareRetry: ({ deliveryId, companyId }) => resendDelivery(companyId, BigInt(deliveryId)),
  },
  "webhooks.sweep": { run: () => enqueueDueWebhookDeliveries() },
  "billing.auto-topup-check": { run: () => runAutoTopupCheck() },
  "api.prune-keys": { run: () => pruneIdempotencyKeys() },
  "visitors.rules": { run: () => runVisitsToLeads() },
  "visitors.purge": { run: () => purgeOldPageViews() },
  "jobs.prune": { run: () => pruneJobLog() },
};
