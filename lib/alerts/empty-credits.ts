import "server-only";
import { pool } from "@/lib/db/client";
import { alertInBatches, type ClaimedAccountRow } from "./alert-batches";
import { env } from "@/lib/env";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { formatCredits } from "@/lib/iap/units";
import { buyCreditsPath } from "@/lib/routes";
import { alertEmail } from "./alert-email";
import { alertLocale, serviceNameIn, unitNameIn } from "./service-names";
import { wordsFor } from "./words";

// The "Empty" alert, the second level after Warn Me's threshold: once per
// occurrence of an account's available credits (balance − holds) reaching
// zero, to the warning address and every administrator, and balance.empty to
// the company's webhooks — all in the transaction that marks the account
// (empty_alerted_at), so a second run, or two at once (FOR UPDATE SKIP LOCKED,
// re-checked under the lock), alert once. Credits available again re-arm it:
// grant() in its own statement, the sweep below for released holds.
// Accounts that never had a movement are not "emptied": they were never filled.

interface EmptyRow extends ClaimedAccountRow {
  warn_enabled: boolean;
  alerted_us: string;
  admins: string[];
}

export async function queueEmptyAlerts(options: { companyId?: number; batchSize?: number } = {}): Promise<number> {
  const companyId = options.companyId ?? null;
  const batchSize = options.batchSize ?? 5000;
  await pool().query(
    `UPDATE iap_account SET empty_alerted_at = NULL
      WHERE empty_alerted_at IS NOT NULL AND balance - held > 0 AND ($1::int IS NULL OR company_id = $1)`,
    [companyId],
  );
  const appUrl = env().APP_URL;
  return alertInBatches({
    batchSize,
    event: "balance.empty",
    async claim(client) {
      const { rows } = await client.query<EmptyRow>(
        `WITH due AS (
           SELECT id FROM iap_account a
            WHERE empty_alerted_at IS NULL AND balance - held <= 0 AND ($1::int IS NULL OR company_id = $1)
              AND EXISTS (SELECT 1 FROM ledger_entry e WHERE e.account_id = a.id)
            ORDER BY id LIMIT $2
            FOR UPDATE SKIP LOCKED
         )
         UPDATE iap_account a SET empty_alerted_at = now()
           FROM due, iap_service s, company c
          WHERE a.id = due.id AND s.id = a.service_id AND c.id = a.company_id AND a.empty_alerted_at IS NULL AND a.balance - a.held <= 0
         RETURNING a.id, a.company_id, a.balance, a.held, a.warn_enabled, a.warning_threshold, a.warning_email,
                   (extract(epoch FROM a.empty_alerted_at) * 1000000)::bigint AS alerted_us,
                   s.technical_name, s.name AS service_name, s.decimals, s.unit_name, c.name AS company_name,
                   a.warning_locale, c.locale AS company_locale,
                   ARRAY(SELECT u.email FROM app_user u WHERE u.company_id = a.company_id AND u.role = 'ADMIN' ORDER BY u.id) AS admins`,
        [companyId, batchSize],
      );
      return rows;
    },
    async emailsFor(rows) {
      return rows.flatMap((row) => {
        const technicalName = serviceNameSchema.parse(row.technical_name);
        const recipients = [...new Set([row.warning_email, ...row.admins].filter((to): to is string => Boolean(to)).map((to) => to.toLowerCase()))];
        const locale = alertLocale(row);
        const t = wordsFor(locale, "alerts");
        const service = serviceNameIn(locale, technicalName, row.service_name);
        const available = formatCredits(BigInt(row.balance) - BigInt(row.held), row.decimals, { locale });
        const content = alertEmail({
          locale,
          subject: t("empty.subject", { service }),
          lines: [t("empty.available", { company: row.company_name, available, unit: unitNameIn(locale, row.unit_name), service }), t("empty.refused", { service })],
          button: { label: t("buyCredits"), url: appUrl + buyCreditsPath(technicalName) },
          footer: t("empty.footer"),
        });
        return recipients.map((to) => ({ companyId: row.company_id, to, dedupeKey: `empty-credits:${row.id}:${row.alerted_us}:${to}`, ...content }));
      });
    },
  });
}
