import "server-only";
import { toAccountResource } from "@/lib/events/resources";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { env } from "@/lib/env";
import { deliverOutbox, type DeliveryCounts } from "@/lib/mail/delivery";
import { insertEmails, type NewEmail } from "@/lib/mail/outbox";
import { emitWebhookEvents } from "@/lib/events/emit";
import { lowCreditsEmail } from "./low-credits-email";

// The low-credit state machine, one warning per threshold crossing:
//   armed (warned_at NULL) --balance < threshold, job runs--> warned (warned_at set, e-mail queued)
//   warned --balance back to >= threshold (grant() in the same statement, or
//            the sweep below) or threshold/address edited--> armed
// Marking an account warned and queuing its e-mail happen in one transaction:
// either both or neither. The accounts are picked FOR UPDATE SKIP LOCKED and
// re-checked (`warned_at IS NULL`) under the row lock, so two runs at the same
// moment — two cron calls, two app instances — queue one e-mail per crossing;
// the outbox's unique dedupe key (account + warned_at) is the last guard.

export interface LowCreditsCounts {
  /** Accounts with Warn Me on and a threshold: the ones the job looks at. */
  checked: number;
  /** Warnings queued by this run. */
  queued: number;
  /** Warned accounts found back at or above their threshold, armed again. */
  rearmed: number;
}

export type LowCreditsJobResult = LowCreditsCounts & DeliveryCounts;

export interface LowCreditsOptions {
  /** Only this company's accounts (and e-mails); the cron route runs for all. */
  companyId?: number;
  /** Accounts marked per transaction. */
  batchSize?: number;
}

const BATCH_SIZE = 5000;

/** An account the job just marked warned, with what its e-mail says (bigint columns arrive as text). */
interface DueWarningRow {
  id: number;
  company_id: number;
  balance: string;
  held: string;
  warning_threshold: string;
  warning_email: string;
  warned_us: string;
  technical_name: string;
  service_name: string;
  decimals: number;
  unit_name: string;
  company_name: string;
}

/**
 * Finds accounts below their threshold that were not warned for this crossing,
 * marks them warned and queues their e-mails; re-arms accounts back at or above
 * the threshold. Sends nothing.
 */
export async function queueLowCreditWarnings(options: LowCreditsOptions = {}): Promise<LowCreditsCounts> {
  const companyId = options.companyId ?? null;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const db = pool();

  // Safety net: grant() re-arms in its own statement; this catches any other path
  // that raised the balance or lowered the threshold.
  const rearmed = await db.query(
    `UPDATE iap_account SET warned_at = NULL
      WHERE warned_at IS NOT NULL AND warning_threshold IS NOT NULL AND balance >= warning_threshold
        AND ($1::int IS NULL OR company_id = $1)`,
    [companyId],
  );
  const checked = await db.query(
    `SELECT count(*)::int AS n FROM iap_account
      WHERE warn_enabled AND warning_threshold IS NOT NULL AND ($1::int IS NULL OR company_id = $1)`,
    [companyId],
  );

  const appUrl = env().APP_URL;
  let queued = 0;
  for (;;) {
    const marked = await withTransaction(async (client) => {
      const { rows } = await client.query<DueWarningRow>(
        `WITH due AS (
           SELECT id FROM iap_account
            WHERE warn_enabled AND warned_at IS NULL AND warning_threshold IS NOT NULL
              AND balance < warning_threshold AND coalesce(warning_email, '') <> ''
              AND ($1::int IS NULL OR company_id = $1)
            ORDER BY id
            LIMIT $2
            FOR UPDATE SKIP LOCKED
         )
         UPDATE iap_account a SET warned_at = now()
           FROM due, iap_service s, company c
          WHERE a.id = due.id AND s.id = a.service_id AND c.id = a.company_id AND a.warned_at IS NULL
         RETURNING a.id, a.company_id, a.balance, a.held, a.warning_threshold, a.warning_email,
                   (extract(epoch FROM a.warned_at) * 1000000)::bigint AS warned_us,
                   s.technical_name, s.name AS service_name, s.decimals, s.unit_name, c.name AS company_name`,
        [companyId, batchSize],
      );
      const emails: NewEmail[] = rows.map((row) => ({
        companyId: row.company_id,
        to: row.warning_email,
        dedupeKey: `low-credits:${row.id}:${row.warned_us}`,
        ...lowCreditsEmail({
          companyName: row.company_name,
          service: { technicalName: serviceNameSchema.parse(row.technical_name), name: row.service_name, decimals: row.decimals, unitName: row.unit_name },
          balance: BigInt(row.balance),
          threshold: BigInt(row.warning_threshold),
          appUrl,
        }),
      }));
      queued += (await insertEmails(client, emails)).length;
      // balance.low for the company's webhook endpoints, once per crossing like the e-mail, in the same transaction.
      await emitWebhookEvents(
        rows.map((row) => ({
          companyId: row.company_id,
          type: "balance.low" as const,
          data: {
            account: toAccountResource({
              id: row.id,
              technicalName: serviceNameSchema.parse(row.technical_name),
              serviceName: row.service_name,
              unitName: row.unit_name,
              decimals: row.decimals,
              balance: BigInt(row.balance),
              held: BigInt(row.held),
              warnEnabled: true,
              warningThreshold: BigInt(row.warning_threshold),
              warningEmail: row.warning_email,
              warnedAt: null,
            }),
          },
        })),
        { db: client },
      );
      return rows.length;
    });
    if (marked < batchSize) break;
  }
  return { checked: checked.rows[0].n, queued, rearmed: rearmed.rowCount ?? 0 };
}

/** The cron job: queue the warnings that are due, then deliver the outbox. */
export async function runLowCreditsJob(options: LowCreditsOptions = {}): Promise<LowCreditsJobResult> {
  const counts = await queueLowCreditWarnings(options);
  const delivery = await deliverOutbox({ companyId: options.companyId });
  return { ...counts, ...delivery };
}
