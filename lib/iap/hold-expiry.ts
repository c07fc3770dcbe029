import "server-only";
import { withTransaction } from "@/lib/db/transaction";
import { emitCreditEvent } from "./events";

// The sweep that frees credits of work that never came back: holds past their
// expiry become EXPIRED, their credits (and budget use) free again.

/**
 * Releases holds past their expiry (work that crashed or never came back).
 * Safe to run on many instances at once: it locks the accounts it sweeps in id
 * order before touching their holds (the order every statement here follows),
 * so sweepers queue rather than deadlock, and a hold captured or released in
 * the meantime is no longer PENDING when the sweep re-reads it: it resolves
 * once. `accountIds` limits the sweep (tests; one account's page).
 */
export async function expireHolds(limit = 1000, scope: { accountIds?: number[] } = {}): Promise<number> {
  const expired = await withTransaction(async (client) => {
    const due = await client.query<{ account_id: number }>(
      `SELECT DISTINCT account_id FROM (
         SELECT account_id FROM credit_hold
          WHERE status = 'PENDING' AND expires_at <= now() AND ($2::int[] IS NULL OR account_id = ANY($2::int[]))
          ORDER BY expires_at LIMIT $1
       ) due`,
      [limit, scope.accountIds ?? null],
    );
    if (due.rows.length === 0) return [];
    const accountIds = due.rows.map((row) => row.account_id).sort((a, b) => a - b);
    await client.query("SELECT id FROM iap_account WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE", [accountIds]);
    const { rows } = await client.query<{ hold_id: number; account_id: number; company_id: number }>(
      `WITH expired AS (
         UPDATE credit_hold SET status = 'EXPIRED', resolved_at = now()
          WHERE id IN (SELECT id FROM credit_hold WHERE account_id = ANY($1::int[]) AND status = 'PENDING' AND expires_at <= now() ORDER BY expires_at LIMIT $2)
         RETURNING id, account_id, amount, created_by_id, budget_month
       ), per_budget AS (
         SELECT account_id, created_by_id, budget_month, sum(amount) AS amount FROM expired
          WHERE budget_month IS NOT NULL GROUP BY account_id, created_by_id, budget_month
       ), budget AS (
         UPDATE budget_usage u SET used = u.used - per_budget.amount
           FROM per_budget
          WHERE u.account_id = per_budget.account_id AND u.user_id = per_budget.created_by_id AND u.month = per_budget.budget_month
       ), per_account AS (
         SELECT account_id, sum(amount) AS amount FROM expired GROUP BY account_id
       ), freed AS (
         UPDATE iap_account a SET held = a.held - per_account.amount, updated_at = now()
           FROM per_account WHERE a.id = per_account.account_id
         RETURNING a.id, a.company_id
       )
       SELECT expired.id AS hold_id, expired.account_id, freed.company_id FROM expired JOIN freed ON freed.id = expired.account_id`,
      [accountIds, limit],
    );
    return rows.map((row) => ({ holdId: row.hold_id, accountId: row.account_id, companyId: row.company_id }));
  });
  // After the commit (lib/iap/events.ts).
  for (const hold of expired) emitCreditEvent({ type: "hold.expired", ...hold });
  return expired.length;
}
