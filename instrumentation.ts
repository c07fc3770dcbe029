// Runs once when a server instance starts: the app works its own background
// queues (see lib/digitization/worker.ts), so nothing else needs deploying.
export async function register() {
  // NEXT_RUNTIME is set by Next itself (not configuration, so not in lib/env.ts).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDocumentWorker } = await import("@/lib/digitization/worker");
  startDocumentWorker();
}
