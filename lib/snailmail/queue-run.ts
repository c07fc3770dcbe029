import "server-only";
import { enqueueJob, type EnqueueOptions } from "@/lib/jobs/enqueue";

/**
 * Queues (or brings forward) the company's letter run ("letters.run",
 * lib/snailmail/queue.ts), in the caller's transaction when given: at most one
 * waits per company.
 */
export function queueLetterRun(companyId: number, options: { runAt?: Date; db?: EnqueueOptions["db"] } = {}) {
  return enqueueJob("letters.run", { companyId }, options);
}
