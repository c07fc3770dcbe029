import "server-only";
import { pool } from "@/lib/db/client";
import { alertInBatches, type ClaimedAccountRow } from "./alert-batches";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { env } from "@/lib/env";
import { forecastsFor } from "@/lib/iap/usage";
import { lowCreditsEmail } from "./low-credits-email";
import { alertLocale } from "./service-names";
import { queueEmptyAlerts } from "./empty-credits";
import { queueBudgetNotices } from "./budget-notices";

// The low-credit state machine, one warning per threshold crossing:
//   armed (warned_at NULL) --balance < threshold, job runs--> warned (warned_at set, e-mail queued)
//   warned --balance back to >= threshold (grant() in the same statement, or
//            the sweep below) or threshold/address edited--> armed
// Marking an account warned and queuing its e-mail happen in one transaction:
// either both or neither. The accounts are picked FOR UPDATE SKIP LOCKED and
// re-checked (`warned_at IS NULL`) under the row lock, so two runs at the same
// moment — two cron calls, two app instances — queue one e-mail per crossing;
// the outbox's unique dedupe key (account + warned_at) is the last guard.
//
// Two jobs run it (lib/jobs/list.ts): "credits.low-check" for one account, the
// moment a debit or capture crosses its threshold, and "credits.low-sweep" over
// every account, every LOW_CREDITS_SWEEP_MINUTES, as the safety net. Queuing
// the e-mail starts its delivery job (lib/mail/delivery.ts).

export interface LowCreditsCounts {
  /** Accounts with Warn Me on and a threshold: the ones the job looks at. */
  checked: number;
  /** Warnings queued by this run. */
  queued: number;
  /** Warned accounts found back at or above their threshold, armed again. */
  rearmed: number;
}

export type CreditAlertsResult = LowCreditsCounts & { empty: number; budgetNotices: number };

export interface LowCreditsOptions {
  /** Only this company's accounts; the sweep runs for all. */
  companyId?: number;
  /** Only these accounts (the check a crossing started). */
  accountIds?: number[];
  /** Accounts marked per transaction. */
  batchSize?: number;
}

const BATCH_SIZE = 5000;

/** An account the job just marked warned, with what its e-mail says (bigint columns arrive as text). */
interface DueWarningRow extends ClaimedAccountRow {
  warning_threshold: string;
  warning_email: string;
  warned_us: string;
}

/**
 * Finds accounts below their threshold that were not warned for this crossing,
 * marks them warned and queues their e-mails; re-arms accounts back at or above
 * the threshold. Sends nothing.
 */
export async function queueLowCreditWarnings(options: LowCreditsOptions = {}): Promise<LowCreditsCounts> {
  const companyId = options.companyId ?? null;
  const accountIds = options.accountIds ?? null;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const db = pool();

  // Safety net: grant() re-arms in its own statement; this catches any other path
  // that raised the balance or lowered the threshold.
  const rearmed = await db.query(
    `UPDATE iap_account SET warned_at = NULL
      WHERE warned_at IS NOT NULL AND warning_threshold IS NOT NULL AND balance >= warning_threshold
        AND ($1::int IS NULL OR company_id = $1) AND ($2::int[] IS NULL OR id = ANY($2::int[]))`,
    [companyId, accountIds],
  );
  const checked = await db.query(
    `SELECT count(*)::int AS n FROM iap_account
      WHERE warn_enabled AND warning_threshold IS NOT NULL AND ($1::int IS NULL OR company_id = $1) AND ($2::int[] IS NULL OR id = ANY($2::int[]))`,
    [companyId, accountIds],
  );

  const appUrl = env().APP_URL;
  const queued = await alertInBatches({
    batchSize,
    event: "balance.low",
    async claim(client) {
      const { rows } = await client.query<DueWarningRow>(
        `WITH due AS (
           SELECT id FROM iap_account
            WHERE warn_enabled AND warned_at IS NULL AND warning_threshold IS NOT NULL
              AND balance < warning_threshold AND coalesce(warning_email, '') <> ''
              AND ($1::int IS NULL OR company_id = $1) AND ($3::int[] IS NULL OR id = ANY($3::int[]))
            ORDER BY id
            LIMIT $2
            FOR UPDATE SKIP LOCKED
         )
         UPDATE iap_account a SET warned_at = now()
           FROM due, iap_service s, company c
          WHERE a.id = due.id AND s.id = a.service_id AND c.id = a.company_id AND a.warned_at IS NULL
         RETURNING a.id, a.company_id, a.balance, a.held, a.warning_threshold, a.warning_email,
                   (extract(epoch FROM a.warned_at) * 1000000)::bigint AS warned_us,
                   s.technical_name, s.name AS service_name, s.decimals, s.unit_name, c.name AS company_name,
                   a.warning_locale, c.locale AS company_locale`,
        [companyId, batchSize, accountIds],
      );
      return rows;
    },
    async emailsFor(rows) {
      const forecasts = await forecastsFor(rows.map((row) => row.id));
      return rows.map((row) => ({
        companyId: row.company_id,
        to: row.warning_email,
        dedupeKey: `low-credits:${row.id}:${row.warned_us}`,
        ...lowCreditsEmail({
          // The language chosen for the warning on the account page, else the company's.
          locale: alertLocale(row),
          companyName: row.company_name,
          service: { technicalName: serviceNameSchema.parse(row.technical_name), name: row.service_name, decimals: row.decimals, unitName: row.unit_name },
          balance: BigInt(row.balance),
          threshold: BigInt(row.warning_threshold),
          appUrl,
          forecast: forecasts.get(row.id),
        }),
      }));
    },
  });
  return { checked: checked.rows[0].n, queued, rearmed: rearmed.rowCount ?? 0 };
}

/** The "credits.low-check" job: the one account a crossing debit or capture named. */
export function checkLowCredits(account: { accountId: number; companyId: number }): Promise<LowCreditsCounts> {
  return queueLowCreditWarnings({ companyId: account.companyId, accountIds: [account.accountId] });
}

/**
 * The "credits.low-sweep" job: every warning that is due — low credits (a
 * crossing whose event was lost), empty accounts, budgets at 80 %. The e-mails
 * it queues go out as their own "mail.deliver" jobs.
 */
export async function runCreditAlerts(options: LowCreditsOptions = {}): Promise<CreditAlertsResult> {
  const counts = await queueLowCreditWarnings(options);
  const empty = await queueEmptyAlerts(options);
  const budgetNotices = await queueBudgetNotices(options);
  return { ...counts, empty, budgetNotices };
}
