// Next.js calls register() once when a server starts. The app works its own
// background jobs, so nothing else needs deploying: the scheduler (low-credit
// warnings, expired holds; JOBS_INTERVAL_SECONDS) and the document worker
// (lib/digitization/worker.ts). They need Node (PostgreSQL, SMTP, OCR), so they
// start in the Node.js runtime only; Next sets NEXT_RUNTIME itself (it is not
// configuration, so it is read here, not in lib/env).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next start` run without the launcher (npm start) gets the same refusal.
  const { env, missingSessionSecret } = await import("./lib/env");
  const problem = missingSessionSecret(env());
  if (problem) {
    console.error(`✖ The app cannot start: ${problem}`);
    process.exit(1);
  }
  const { startScheduler } = await import("./lib/jobs/scheduler");
  startScheduler();
  const { startDocumentWorker } = await import("./lib/digitization/worker");
  startDocumentWorker();
}
