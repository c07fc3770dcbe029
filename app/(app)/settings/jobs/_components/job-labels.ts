import type { JobName } from "@/lib/jobs/list";

/** What each background job is called on Settings → Background jobs. */
export const JOB_LABELS: Record<JobName, { title: string; description: string }> = {
  "mail.deliver": { title: "E-mail delivery", description: "Sends each e-mail of the outbox; retries while the mail server is unreachable." },
  "mail.sweep": { title: "Undelivered e-mails", description: "Every 5 minutes: e-mails kept while no mail server was configured." },
  "credits.low-check": { title: "Low-credit check", description: "Right after a charge takes an account below its warning threshold." },
  "credits.low-sweep": { title: "Low-credit sweep", description: "Every few minutes, over every account: the safety net of the checks." },
  "billing.auto-topup-check": { title: "Auto top-up check", description: "Every 5 minutes: top-ups a lost trigger would have started, and payments still in flight." },
  "credits.expire-holds": { title: "Expired credit holds", description: "Every minute: frees credits reserved by work that never came back." },
  "documents.digitize": { title: "Document digitizing", description: "Reads each uploaded document; three attempts." },
  "documents.sweep": { title: "Documents waiting", description: "Every minute: documents waiting for credits once the account can pay." },
  "letters.run": { title: "Letter queue", description: "Posts your queued letters; stops at the first “not enough credits”." },
  "letters.sweep": { title: "Letters due", description: "Every 5 minutes: letters due for a retry or after a purchase." },
  "sms.mass-chunk": { title: "Mass SMS", description: "Sends a batch, 500 messages per job, at the gateway's pace." },
  "webhooks.deliver": { title: "Webhook delivery", description: "Sends each event to your webhook endpoints; retried on your endpoint's failures." },
  "webhooks.sweep": { title: "Webhooks due", description: "Every minute: deliveries due without a job (an endpoint resumed)." },
  "api.prune-keys": { title: "API idempotency keys", description: "Hourly: forgets the keys of API requests older than 24 hours." },
  "visitors.rules": { title: "Visits to Leads", description: "Every 5 minutes: website visits resolved to organisations, then the rules run." },
  "visitors.purge": { title: "Old page views", description: "Daily: deletes page views past their retention; leads stay." },
  "jobs.prune": { title: "Job history", description: "Daily: forgets finished jobs after a week." },
};
