import "server-only";
import { massSmsProgress, type MassSmsProgress } from "./progress";
import { queueMassSms, type QueueMassSmsResult } from "./queue";
import { runMassSmsBatch, type ChunkOptions } from "./run";

/**
 * Queue and send a batch in one go, in this process (scripts, the benchmark,
 * tests): the same steps the dialog's jobs take, without waiting for a worker.
 */
export async function sendMassSms(
  input: Parameters<typeof queueMassSms>[0],
  options: Omit<ChunkOptions, "final"> = {},
): Promise<{ queued: QueueMassSmsResult; progress: MassSmsProgress | null }> {
  const queued = await queueMassSms(input);
  if (queued.status !== "queued") return { queued, progress: null };
  await runMassSmsBatch(input.companyId, queued.batchKey, options);
  return { queued, progress: await massSmsProgress(input.companyId, queued.batchKey) };
}
