import "server-only";
import { pool, prisma } from "@/lib/db/client";
import type { PostalProvider } from "./providers/provider";
import type { LetterOutcome } from "./letter-outcomes";
import { processLetter } from "./queue";

// What a user does to one letter from the Letters pages (Re-send, Cancel), and
// the queue's summary for Settings → Background jobs.

/**
 * "Re-send": this letter, and only this one, goes back In Queue and is tried
 * at once. A letter in Error, or one waiting in the queue for credits.
 */
export async function resendLetter(companyId: number, letterId: number, provider?: PostalProvider): Promise<LetterOutcome | "not-allowed"> {
  const { count } = await prisma().letter.updateMany({
    where: {
      id: letterId,
      companyId,
      OR: [{ state: "ERROR" }, { state: "QUEUED", errorCode: "NO_CREDIT" }],
      AND: [{ OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }] }],
    },
    // The request key stays: after outages it names an attempt the provider may have taken.
    data: { state: "QUEUED", errorCode: null, errorMessage: null, attempts: 0, nextAttemptAt: new Date() },
  });
  if (count === 0) return "not-allowed";
  return processLetter(letterId, provider);
}

/**
 * In Queue or Error → Canceled; never a letter a run is posting right now. An
 * Error keeps its code (why it failed); "waiting for credits" is dropped.
 */
export async function cancelLetter(companyId: number, letterId: number): Promise<boolean> {
  const { rowCount } = await pool().query(
    `UPDATE letter SET state = 'CANCELED', updated_at = now(),
            error_code = CASE WHEN error_code = 'NO_CREDIT' THEN NULL ELSE error_code END,
            error_message = CASE WHEN error_code = 'NO_CREDIT' THEN NULL ELSE error_message END
      WHERE id = $1 AND company_id = $2 AND state IN ('QUEUED', 'ERROR') AND (locked_until IS NULL OR locked_until < now())`,
    [letterId, companyId],
  );
  return rowCount === 1;
}

/** Letters in the company's queue: how many, how many wait for credits, when the next try is due (Settings → Background jobs). */
export async function letterQueueSummary(companyId: number): Promise<{ queued: number; waitingForCredits: number; nextAttemptAt: Date | null }> {
  const { rows } = await pool().query<{ queued: number; waiting: number; next: Date | null }>(
    `SELECT count(*)::int AS queued, count(*) FILTER (WHERE error_code = 'NO_CREDIT')::int AS waiting,
            min(next_attempt_at) FILTER (WHERE error_code IS DISTINCT FROM 'NO_CREDIT') AS next
       FROM letter WHERE company_id = $1 AND state = 'QUEUED'`,
    [companyId],
  );
  return { queued: rows[0].queued, waitingForCredits: rows[0].waiting, nextAttemptAt: rows[0].next };
}
