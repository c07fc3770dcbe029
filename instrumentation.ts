// Runs once when a server instance starts: the app works its own background
// queues (see lib/digitization/worker.ts), so nothing else needs deploying.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDocumentWorker } = await import("@/lib/digitization/worker");
  startDocumentWorker();
}
