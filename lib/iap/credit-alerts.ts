import "server-only";
import { pool } from "@/lib/db/client";
import { serviceNameSchema, type ServiceName } from "./catalogue";

export interface CreditAlert {
  accountId: number;
  technicalName: ServiceName;
  serviceName: string;
  /** "empty": nothing available (balance − holds ≤ 0) on an account that has been used; "low": below the Warn Me threshold. */
  level: "empty" | "low";
  available: bigint;
  decimals: number;
  unitName: string;
}

/**
 * The alerts that hold right now, for the banner on every page an admin opens:
 * derived from the balances on every read, so a banner disappears the moment
 * credits are bought. One named (prepared) statement, an indexed read of the
 * company's few accounts.
 */
export async function listCreditAlerts(companyId: number): Promise<CreditAlert[]> {
  const { rows } = await pool().query({
    name: "iap_credit_alerts",
    text: `SELECT a.id, s.technical_name, s.name AS service_name, s.decimals, s.unit_name, a.balance - a.held AS available,
                  CASE WHEN a.balance - a.held <= 0 THEN 'empty' ELSE 'low' END AS level
             FROM iap_account a JOIN iap_service s ON s.id = a.service_id
            WHERE a.company_id = $1
              AND ((a.balance - a.held <= 0 AND (a.balance > 0 OR EXISTS (SELECT 1 FROM ledger_entry e WHERE e.account_id = a.id)))
                   OR (a.warn_enabled AND a.warning_threshold IS NOT NULL AND a.balance < a.warning_threshold))
            ORDER BY s.sort_order, s.name`,
    values: [companyId],
  });
  return rows.map((row) => ({
    accountId: row.id,
    technicalName: serviceNameSchema.parse(row.technical_name),
    serviceName: row.service_name,
    level: row.level,
    available: BigInt(row.available),
    decimals: row.decimals,
    unitName: row.unit_name,
  }));
}
