import "server-only";
import { pool } from "@/lib/db/client";
import { emitCreditEvent } from "./events";
import type { WarningSettings } from "./schemas";

/**
 * Saves an account's Warn Me settings in one UPDATE scoped by company. Any
 * change to whether, at what threshold or to whom the warning goes re-arms it
 * (warned_at = NULL): the next cron run judges the account afresh instead of
 * staying silent because of a warning sent under the old settings. Turning
 * Warn Me off keeps the last threshold and address, so ticking it again shows
 * them. The e-mail's language (null: the company's; absent: unchanged) is saved either way and
 * does not re-arm: it changes how the next warning reads, not whether it is due. Saved while the balance is already below the threshold, the warning is
 * due now: the event starts the low-credit check at once. Returns false when
 * the account is not the company's.
 */
export async function updateWarningSettings(companyId: number, accountId: number, settings: WarningSettings): Promise<boolean> {
  const enabled = settings.warnEnabled;
  const threshold = enabled ? settings.threshold : null;
  const email = enabled ? settings.email : null;
  const { rows } = await pool().query(
    `UPDATE iap_account
        SET warn_enabled = $3,
            warning_threshold = CASE WHEN $3 THEN $4::bigint ELSE warning_threshold END,
            warning_email = CASE WHEN $3 THEN $5::text ELSE warning_email END,
            warning_locale = CASE WHEN $7 THEN $6::text ELSE warning_locale END,
            warned_at = CASE
              WHEN warn_enabled IS DISTINCT FROM $3 THEN NULL
              WHEN $3 AND (warning_threshold IS DISTINCT FROM $4::bigint OR warning_email IS DISTINCT FROM $5::text) THEN NULL
              ELSE warned_at
            END,
            updated_at = now()
      WHERE id = $1 AND company_id = $2
      RETURNING balance, warning_threshold, warned_at IS NULL AND warn_enabled AND balance < warning_threshold AS due,
                (SELECT technical_name FROM iap_service s WHERE s.id = service_id) AS service`,
    [accountId, companyId, enabled, threshold, email, settings.warningLocale ?? null, settings.warningLocale !== undefined],
  );
  if (rows[0]?.due) {
    emitCreditEvent({ type: "balance.low", accountId, companyId, service: rows[0].service, balance: BigInt(rows[0].balance), threshold: BigInt(rows[0].warning_threshold) });
  }
  return rows.length === 1;
}
