// Next.js calls register() once when a server starts. The app works its own
// background jobs, so nothing else needs deploying: the scheduler (low-credit
// warnings, expired holds; JOBS_INTERVAL_SECONDS), the document worker
// (lib/digitization/worker.ts) and the webhook deliveries
// (lib/webhooks/worker.ts). They need Node (PostgreSQL, SMTP, OCR), so they
// start in the Node.js runtime only; Next sets NEXT_RUNTIME itself (it is not
// configuration, so it is read here, not in lib/env).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./lib/jobs/scheduler");
  startScheduler();
  const { startDocumentWorker } = await import("./lib/digitization/worker");
  startDocumentWorker();
  const { startWebhookWorker } = await import("./lib/webhooks/worker");
  startWebhookWorker();
  // The IP → network dataset loads in the background, after start-up, so the first Visits to Leads run finds it ready.
  const { startIpIndexLoad } = await import("./lib/visitors/ip-index");
  startIpIndexLoad();
}
