import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { BudgetExceededError } from "./errors";
import type { AccountRef } from "./types";

// Monthly budgets per user and service. A user's own budget (user_budget)
// wins over the account's default for everyone (iap_account.default_budget).
//
// What a user has held or used in a month lives in one budget_usage row per
// (account, user, month). The check is a conditional upsert of that row in
// the transaction that then holds or debits the credits, after the account
// row is locked — the lock every ledger statement takes first — so:
//  - concurrent sends by one user queue on the account row and each sees the
//    previous one's count: a hard budget is never overrun, not even by a unit;
//  - a refused send (budget or balance) rolls the count back with the hold;
//  - captures for less than was held, releases and expiries give the
//    difference back in their own statement (holds.ts), since each hold
//    remembers the month it counted against (credit_hold.budget_month).
// Months begin at midnight in the company's time zone (company.time_zone).
// The budget is read inside the statement, so a change applies to the very
// next send.

/** SQL for the first day of the current month in the company's time zone, given `a` = the account row. */
const MONTH_OF_NOW = `month_start_in((SELECT time_zone FROM company WHERE id = a.company_id), now())`;

/** Whether a budget applies to this user on this account: only then does a charge pay for a transaction. */
async function budgetApplies(accountId: number, userId: number): Promise<boolean> {
  const { rows } = await pool().query<{ applies: boolean }>({
    name: "iap_budget_applies",
    text: `SELECT a.default_budget IS NOT NULL OR EXISTS (SELECT 1 FROM user_budget b WHERE b.account_id = a.id AND b.user_id = $2) AS applies
             FROM iap_account a WHERE a.id = $1`,
    values: [accountId, userId],
  });
  return rows[0]?.applies ?? false;
}

interface CountRow {
  limit: string;
  hard: boolean;
  month: string;
  counted: boolean;
  used_before: string | null;
}

/**
 * Counts `amount` against the user's budget for this month, inside `client`'s
 * transaction (the account row already locked). Returns the month counted
 * against ("YYYY-MM-01"), or null when no budget applies. Throws
 * BudgetExceededError when a hard budget would be exceeded.
 */
async function countAgainstBudget(client: pg.ClientBase, account: AccountRef, userId: number, amount: bigint): Promise<string | null> {
  const { rows } = await client.query<CountRow>({
    name: "iap_budget_count",
    text: `WITH budget AS (
       SELECT COALESCE(b.limit, a.default_budget) AS "limit", COALESCE(b.hard, a.default_budget_hard) AS hard, ${MONTH_OF_NOW} AS month
         FROM iap_account a LEFT JOIN user_budget b ON b.account_id = a.id AND b.user_id = $2
        WHERE a.id = $1 AND (b.id IS NOT NULL OR a.default_budget IS NOT NULL)
     ), counted AS (
       INSERT INTO budget_usage AS u (account_id, user_id, month, used)
       SELECT $1, $2, budget.month, $3 FROM budget WHERE NOT budget.hard OR $3 <= budget."limit"
       ON CONFLICT (account_id, user_id, month) DO UPDATE SET used = u.used + EXCLUDED.used
        WHERE NOT (SELECT hard FROM budget) OR u.used + EXCLUDED.used <= (SELECT "limit" FROM budget)
       RETURNING u.used
     )
     SELECT budget."limit", budget.hard, to_char(budget.month, 'YYYY-MM-DD') AS month,
            EXISTS (SELECT 1 FROM counted) AS counted,
            (SELECT used FROM budget_usage WHERE account_id = $1 AND user_id = $2 AND month = budget.month) AS used_before
       FROM budget`,
    values: [account.id, userId, amount],
  });
  const row = rows[0];
  if (!row) return null;
  if (!row.counted) {
    throw new BudgetExceededError(account.service, BigInt(row.limit), BigInt(row.used_before ?? 0), amount, row.month.slice(0, 7));
  }
  return row.month;
}

/**
 * Runs a ledger statement (a hold or a debit) under the user's budget: when
 * one applies, in one transaction with the budget count (`work` gets the
 * transaction's client and the month counted); otherwise as it is, on the
 * pool, one statement as before.
 */
export async function underBudget<T>(
  account: AccountRef,
  userId: number | null | undefined,
  amount: bigint,
  work: (db: pg.ClientBase | pg.Pool, budgetMonth: string | null) => Promise<T>,
): Promise<T> {
  if (userId == null || !(await budgetApplies(account.id, userId))) return work(pool(), null);
  return withTransaction(async (client) => {
    await client.query("SELECT 1 FROM iap_account WHERE id = $1 FOR UPDATE", [account.id]);
    const month = await countAgainstBudget(client, account, userId, amount);
    return work(client, month);
  });
}

export interface BudgetSetting {
  /** Units per month. */
  limit: bigint;
  hard: boolean;
}

export interface UserBudgetLine {
  userId: number;
  userName: string;
  userEmail: string;
  /** The user's own budget; null when the default applies (or none). */
  own: BudgetSetting | null;
  /** What applies this month: the own budget, else the account's default, else null. */
  effective: BudgetSetting | null;
  /** Units held or used this month (company time zone). */
  used: bigint;
}

export interface AccountBudgets {
  /** "YYYY-MM" in the company's time zone. */
  month: string;
  defaultBudget: BudgetSetting | null;
  users: UserBudgetLine[];
}

/** Budgets of one account for the settings page: the default and every user of the company, with this month's use. */
export async function listBudgets(companyId: number, accountId: number): Promise<AccountBudgets | null> {
  const { rows } = await pool().query<{
    month: string;
    default_budget: string | null;
    default_budget_hard: boolean;
    user_id: number;
    name: string;
    email: string;
    own_limit: string | null;
    own_hard: boolean | null;
    used: string | null;
  }>({
    name: "iap_account_budgets",
    text: `WITH a AS (SELECT a.*, ${MONTH_OF_NOW} AS month FROM iap_account a WHERE a.id = $1 AND a.company_id = $2)
     SELECT to_char(a.month, 'YYYY-MM') AS month, a.default_budget, a.default_budget_hard,
            u.id AS user_id, u.name, u.email, b.limit AS own_limit, b.hard AS own_hard, bu.used
       FROM a JOIN app_user u ON u.company_id = a.company_id AND u.status <> 'DEACTIVATED'
       LEFT JOIN user_budget b ON b.account_id = a.id AND b.user_id = u.id
       LEFT JOIN budget_usage bu ON bu.account_id = a.id AND bu.user_id = u.id AND bu.month = a.month
      ORDER BY u.name, u.id`,
    values: [accountId, companyId],
  });
  if (rows.length === 0) {
    const exists = await pool().query("SELECT 1 FROM iap_account WHERE id = $1 AND company_id = $2", [accountId, companyId]);
    if (exists.rowCount === 0) return null;
  }
  const first = rows[0];
  const defaultBudget = first?.default_budget != null ? { limit: BigInt(first.default_budget), hard: first.default_budget_hard } : null;
  return {
    month: first?.month ?? "",
    defaultBudget,
    users: rows.map((row) => {
      const own = row.own_limit === null ? null : { limit: BigInt(row.own_limit), hard: row.own_hard ?? true };
      return { userId: row.user_id, userName: row.name, userEmail: row.email, own, effective: own ?? defaultBudget, used: BigInt(row.used ?? 0) };
    }),
  };
}

/** Sets (or with null, removes) one user's budget on an account of the company. False when the account or user is not the company's. */
export async function setUserBudget(companyId: number, accountId: number, userId: number, budget: BudgetSetting | null): Promise<boolean> {
  if (budget === null) {
    const { rowCount } = await pool().query(
      `DELETE FROM user_budget b USING iap_account a, app_user u
        WHERE b.account_id = a.id AND a.id = $1 AND a.company_id = $2 AND b.user_id = u.id AND u.id = $3 AND u.company_id = $2`,
      [accountId, companyId, userId],
    );
    return rowCount !== null && (rowCount > 0 || (await belongs(companyId, accountId, userId)));
  }
  const { rowCount } = await pool().query(
    `INSERT INTO user_budget (account_id, user_id, "limit", hard)
     SELECT a.id, u.id, $4, $5 FROM iap_account a JOIN app_user u ON u.company_id = a.company_id
      WHERE a.id = $1 AND a.company_id = $2 AND u.id = $3
     ON CONFLICT (account_id, user_id) DO UPDATE SET "limit" = EXCLUDED.limit, hard = EXCLUDED.hard, updated_at = now()`,
    [accountId, companyId, userId, budget.limit, budget.hard],
  );
  return rowCount === 1;
}

async function belongs(companyId: number, accountId: number, userId: number): Promise<boolean> {
  const { rowCount } = await pool().query(
    "SELECT 1 FROM iap_account a JOIN app_user u ON u.company_id = a.company_id WHERE a.id = $1 AND a.company_id = $2 AND u.id = $3",
    [accountId, companyId, userId],
  );
  return rowCount === 1;
}

/** Sets (or with null, removes) the budget of every user without one of their own. False when the account is not the company's. */
export async function setDefaultBudget(companyId: number, accountId: number, budget: BudgetSetting | null): Promise<boolean> {
  const { rowCount } = await pool().query(
    "UPDATE iap_account SET default_budget = $3, default_budget_hard = $4, updated_at = now() WHERE id = $1 AND company_id = $2",
    [accountId, companyId, budget?.limit ?? null, budget?.hard ?? true],
  );
  return rowCount === 1;
}

/** Share of a budget (used / limit) from which the user and the admins are told. */
export const BUDGET_NOTICE_RATIO = { numerator: 4n, denominator: 5n } as const;

export interface BudgetNotice {
  accountId: number;
  technicalName: string;
  serviceName: string;
  decimals: number;
  userId: number;
  userName: string;
  month: string;
  limit: bigint;
  used: bigint;
  hard: boolean;
}

/**
 * Budgets at 80 % or more this month: one user's (`userId`), or every user's
 * of the company (for the admins' banner). Read on each page, from the small
 * budget_usage table.
 */
export async function listBudgetNotices(companyId: number, userId: number | null = null): Promise<BudgetNotice[]> {
  const { rows } = await pool().query({
    name: "iap_budget_notices",
    text: `SELECT a.id AS account_id, s.technical_name, s.name AS service_name, s.decimals, u.id AS user_id, u.name AS user_name,
            to_char(bu.month, 'YYYY-MM') AS month, COALESCE(b.limit, a.default_budget) AS "limit", COALESCE(b.hard, a.default_budget_hard) AS hard, bu.used
       FROM iap_account a
       JOIN iap_service s ON s.id = a.service_id
       JOIN budget_usage bu ON bu.account_id = a.id AND bu.month = ${MONTH_OF_NOW}
       JOIN app_user u ON u.id = bu.user_id
       LEFT JOIN user_budget b ON b.account_id = a.id AND b.user_id = bu.user_id
      WHERE a.company_id = $1 AND ($2::int IS NULL OR bu.user_id = $2)
        AND COALESCE(b.limit, a.default_budget) IS NOT NULL
        AND bu.used * ${BUDGET_NOTICE_RATIO.denominator} >= COALESCE(b.limit, a.default_budget) * ${BUDGET_NOTICE_RATIO.numerator}
      ORDER BY s.sort_order, u.name`,
    values: [companyId, userId],
  });
  return rows.map((row) => ({
    accountId: row.account_id,
    technicalName: row.technical_name,
    serviceName: row.service_name,
    decimals: row.decimals,
    userId: row.user_id,
    userName: row.user_name,
    month: row.month,
    limit: BigInt(row.limit),
    used: BigInt(row.used),
    hard: row.hard,
  }));
}
