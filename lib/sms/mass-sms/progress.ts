import "server-only";
import { pool } from "@/lib/db/client";
import { SERVICES } from "@/lib/iap/catalogue";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { formatCredits } from "@/lib/iap/units";
import { formatE164 } from "@/lib/contacts/phone";
import { smsService } from "../pricing";
import type { MassSmsProgressView } from "../schemas";
import { findBatchHold } from "./record";

// Mass SMS, step 4: how far a batch got — what the dialog and Settings →
// Background jobs show while its chunks run.

export interface MassSmsProgress extends MassSmsProgressView {
  batchKey: string;
  /** Units captured, once done. */
  credits: bigint;
}

export async function massSmsProgress(companyId: number, batchKey: string): Promise<MassSmsProgress> {
  const [service, counts, failures, account] = await Promise.all([
    smsService(),
    pool().query<{ state: string; n: number; credits: string }>(
      `SELECT state, count(*)::int AS n, COALESCE(sum(credits), 0) AS credits FROM sms_message
        WHERE company_id = $1 AND batch_key = $2 GROUP BY state`,
      [companyId, batchKey],
    ),
    pool().query(
      `SELECT c.name, m.number, m.failure_reason FROM sms_message m LEFT JOIN contact c ON c.id = m.contact_id
        WHERE m.company_id = $1 AND m.batch_key = $2 AND m.state = 'ERROR' ORDER BY m.id LIMIT 20`,
      [companyId, batchKey],
    ),
    getOrCreateAccount(companyId, SERVICES.sms),
  ]);
  const by = Object.fromEntries(counts.rows.map((r) => [r.state, r]));
  const hold = await findBatchHold(account, batchKey);
  const queued = (by.QUEUED?.n ?? 0) + (by.SENDING?.n ?? 0);
  const awaitingReport = by.SENT?.n ?? 0;
  const delivered = by.DELIVERED?.n ?? 0;
  const undelivered = by.FAILED?.n ?? 0;
  const sent = awaitingReport + delivered + undelivered;
  const failed = by.ERROR?.n ?? 0;
  const credits = BigInt(by.SENT?.credits ?? 0) + BigInt(by.DELIVERED?.credits ?? 0) + BigInt(by.FAILED?.credits ?? 0);
  return {
    batchKey,
    messages: queued + sent + failed,
    queued,
    sent,
    failed,
    delivered,
    undelivered,
    awaitingReport,
    duplicates: by.CANCELED?.n ?? 0,
    credits,
    creditsText: formatCredits(credits, service.decimals),
    done: queued === 0 && hold !== null && hold.status !== "PENDING",
    failures: failures.rows.map((r) => ({ name: r.name ?? "", number: formatE164(r.number), reason: r.failure_reason ?? "" })),
  };
}

export interface RunningBatch {
  batchKey: string;
  startedAt: Date;
  messages: number;
  done: number;
}

/** The company's batches with messages still to send, newest first (Settings → Background jobs). */
export async function runningBatches(companyId: number): Promise<RunningBatch[]> {
  const { rows } = await pool().query<{ batch_key: string; started_at: Date; messages: number; done: number }>(
    `SELECT batch_key, min(created_at) AS started_at,
            count(*) FILTER (WHERE state <> 'CANCELED')::int AS messages,
            count(*) FILTER (WHERE state IN ('SENT', 'DELIVERED', 'FAILED', 'ERROR'))::int AS done
       FROM sms_message
      WHERE company_id = $1 AND batch_key IN (
        SELECT DISTINCT batch_key FROM sms_message WHERE company_id = $1 AND state IN ('QUEUED', 'SENDING') AND batch_key IS NOT NULL
      )
      GROUP BY batch_key ORDER BY started_at DESC LIMIT 20`,
    [companyId],
  );
  return rows.map((row) => ({ batchKey: row.batch_key, startedAt: row.started_at, messages: row.messages, done: row.done }));
}
