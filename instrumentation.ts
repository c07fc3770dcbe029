// Next.js calls register() once when a server starts. The app works its own
// background jobs (lib/jobs: graphile-worker on the app's database), so nothing
// else needs deploying; with JOBS_CONCURRENCY=0 this instance runs none and a
// cron calls /api/cron/run instead. They need Node (PostgreSQL, SMTP, OCR), so
// they start in the Node.js runtime only; Next sets NEXT_RUNTIME itself (it is
// not configuration, so it is read here, not in lib/env).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitWithoutSessionSecret } = await import("./lib/auth/startup-check");
  exitWithoutSessionSecret();
  // A debit that leaves a balance below its auto top-up threshold starts the top-up (lib/iap/events.ts).
  const { registerAutoTopup } = await import("./lib/billing/auto-topup/subscription");
  registerAutoTopup();
  const { startJobs } = await import("./lib/jobs/runner");
  await startJobs();
  const { reportMailTransport } = await import("./lib/mail/transport");
  reportMailTransport();
  // The IP → network dataset loads in the background, after start-up, so the first Visits to Leads run finds it ready.
  const { startIpIndexLoad } = await import("./lib/visitors/ip-index");
  startIpIndexLoad();
}
