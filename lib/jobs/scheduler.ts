import "server-only";
import { runLowCreditsJob } from "@/lib/alerts/low-credits";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { expireHolds } from "@/lib/iap/holds";
import { mailTransport } from "@/lib/mail/transport";
import { runLetterQueueOnce } from "@/lib/snailmail";
import { purgeOldPageViews } from "@/lib/visitors/process-visits";
import { runVisitsToLeads } from "@/lib/visitors/run-rules";

// The app's own scheduler, so warnings go out and stale holds are freed with
// no external cron (`npm run dev`, `npm start`). Started once per server
// process by instrumentation.ts; every JOBS_INTERVAL_SECONDS (0 = off) it runs
// the jobs below. Within a process a tick is skipped while the previous one
// runs; across instances a PostgreSQL advisory lock lets one instance run them
// at a time (the jobs are safe concurrently anyway — SKIP LOCKED — the lock
// only saves duplicate work).

const JOBS_LOCK_KEY = 7_417_701; // arbitrary, constant: "the scheduled jobs" lock
const FIRST_RUN_DELAY_MS = 5_000;

const state = globalThis as unknown as { jobsTimer?: NodeJS.Timeout; jobsRunning?: boolean };

export async function runScheduledJobs(): Promise<"ran" | "busy"> {
  if (state.jobsRunning) return "busy";
  state.jobsRunning = true;
  const client = await pool().connect();
  try {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS locked", [JOBS_LOCK_KEY]);
    if (!rows[0].locked) return "busy";
    try {
      const [alerts, expired, letters, visits, purged, keys] = await Promise.allSettled([
        runLowCreditsJob(),
        expireHolds(),
        runLetterQueueOnce(),
        runVisitsToLeads(),
        purgeOldPageViews(),
        pruneIdempotencyKeys(),
      ]);
      if (alerts.status === "rejected") console.error("[jobs] low-credit warnings failed:", alerts.reason);
      else if (alerts.value.queued || alerts.value.sent || alerts.value.failed) console.log("[jobs] low-credit warnings:", JSON.stringify(alerts.value));
      if (expired.status === "rejected") console.error("[jobs] hold expiry failed:", expired.reason);
      else if (expired.value) console.log(`[jobs] expired ${expired.value} stale credit hold(s)`);
      if (letters.status === "rejected") console.error("[jobs] letter queue failed:", letters.reason);
      if (visits.status === "rejected") console.error("[jobs] visits to leads failed:", visits.reason);
      if (purged.status === "rejected") console.error("[jobs] page view purge failed:", purged.reason);
      if (keys.status === "rejected") console.error("[jobs] pruning API idempotency keys failed:", keys.reason);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [JOBS_LOCK_KEY]);
    }
    return "ran";
  } finally {
    client.release();
    state.jobsRunning = false;
  }
}

export function startScheduler() {
  const seconds = env().JOBS_INTERVAL_SECONDS;
  if (state.jobsTimer) return;
  if (seconds === 0) {
    console.log("▸ Scheduled jobs are off (JOBS_INTERVAL_SECONDS=0): call /api/cron/low-credits from a cron instead");
    return;
  }
  const tick = () => void runScheduledJobs().catch((error) => console.error("[jobs] scheduled run failed:", error));
  setTimeout(tick, FIRST_RUN_DELAY_MS).unref();
  state.jobsTimer = setInterval(tick, seconds * 1000);
  state.jobsTimer.unref();
  console.log(`▸ Scheduled jobs every ${seconds} s (low-credit warnings, expired holds, letters, visits to leads)`);
  // Say at start-up, not at the first warning, when the mail server can't be used.
  const transport = mailTransport();
  if (!transport.smtp) {
    console.log("▸ E-mail: no SMTP_URL, messages are composed and kept in Settings > Outgoing E-mails, not sent");
  } else {
    transport.verify().then(
      () => console.log(`▸ E-mail: SMTP server ${transport.target} ready`),
      (error: Error) => console.error(`▸ E-mail: ${error.message}. E-mails wait in the outbox until it works.`),
    );
  }
}
