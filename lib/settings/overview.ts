import "server-only";
import { pool } from "@/lib/db/client";

export interface SettingsOverview {
  company: { name: string; country: string; currency: string };
  admins: number;
  users: number;
  accounts: number;
}

/** What the Settings page shows about the company, in one round trip. */
export async function getSettingsOverview(companyId: number): Promise<SettingsOverview> {
  const { rows } = await pool().query(
    `SELECT c.name, c.country, c.currency,
            (SELECT count(*) FROM app_user u WHERE u.company_id = c.id AND u.role = 'ADMIN' AND u.status <> 'DEACTIVATED')::int AS admins,
            (SELECT count(*) FROM app_user u WHERE u.company_id = c.id AND u.role = 'USER' AND u.status <> 'DEACTIVATED')::int AS users,
            (SELECT count(*) FROM iap_account a WHERE a.company_id = c.id)::int AS accounts
       FROM company c WHERE c.id = $1`,
    [companyId],
  );
  const row = rows[0];
  if (!row) throw new Error(`Company ${companyId} not found`);
  return {
    company: { name: row.name, country: row.country.trim(), currency: row.currency.trim() },
    admins: row.admins,
    users: row.users,
    accounts: row.accounts,
  };
}
