// Next.js calls register() once when a server starts. The scheduled jobs need
// Node (PostgreSQL, SMTP), so they start in the Node.js runtime only; Next sets
// NEXT_RUNTIME itself (it is not configuration, so it is read here, not in lib/env).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startScheduler } = await import("./lib/jobs/scheduler");
    startScheduler();
  }
}
