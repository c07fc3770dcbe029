import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";

// The conservation check behind `npm run ledger:verify`. The ledger is the
// truth; an account's balance and held amounts are caches of it, kept in step
// by the single statements in ledger.ts. This re-derives every cache from the
// ledger and the holds and names each account where they disagree, so a bug,
// a hand-written UPDATE or a restore gone wrong cannot hide.

/** What disagrees, as a code and its figures (raw units, ids): lib/cli words it (messages/<locale>/cli.json, `ledgerProblems`). */
export type LedgerFinding =
  | { code: "balance"; values: { balance: string; total: string } }
  | { code: "held"; values: { held: string; pending: string } }
  | { code: "balanceAndHeld"; values: { balance: string; total: string; held: string; pending: string } }
  | { code: "chain"; values: { entry: string; balanceAfter: string; running: string } }
  | { code: "hold"; values: { hold: string; status: string; amount: string; captured: string; entries: number; posted: string } }
  | { code: "holdLink"; values: { entry: string; key: string; hold: string } };

export interface LedgerProblem {
  accountId: number;
  companyId: number;
  company: string;
  service: string;
  finding: LedgerFinding;
}

export interface LedgerReport {
  accounts: number;
  entries: number;
  holds: number;
  problems: LedgerProblem[];
  ok: boolean;
}

export interface VerifyScope {
  /** Only this company's accounts (tests check their own company while others write). */
  companyId?: number;
  accountIds?: number[];
  /** Defaults to the app's pool. */
  db?: Pick<pg.Pool, "query">;
}

// Every query takes the same scope parameters: $1 company id, $2 account ids.
const IN_SCOPE = (accountId: string) =>
  `($1::int IS NULL OR ${accountId} IN (SELECT id FROM iap_account WHERE company_id = $1)) AND ($2::int[] IS NULL OR ${accountId} = ANY($2::int[]))`;

const CHECKS: { sql: string; describe: (row: Record<string, string>) => LedgerFinding }[] = [
  {
    // Invariant 1: balance = sum of the account's entries; held = sum of its pending holds.
    sql: `SELECT a.id AS account_id, a.balance, a.held, COALESCE(e.total, 0) AS total, COALESCE(h.pending, 0) AS pending
            FROM iap_account a
            LEFT JOIN LATERAL (SELECT sum(amount) AS total FROM ledger_entry WHERE account_id = a.id) e ON true
            LEFT JOIN LATERAL (SELECT sum(amount) AS pending FROM credit_hold WHERE account_id = a.id AND status = 'PENDING') h ON true
           WHERE ${IN_SCOPE("a.id")}
             AND (a.balance <> COALESCE(e.total, 0) OR a.held <> COALESCE(h.pending, 0))`,
    describe: ({ balance, total, held, pending }) =>
      balance !== total && held !== pending
        ? { code: "balanceAndHeld", values: { balance, total, held, pending } }
        : balance !== total
          ? { code: "balance", values: { balance, total } }
          : { code: "held", values: { held, pending } },
  },
  {
    // Each entry's balance_after is the running sum up to it. Entries of one
    // account are numbered while its row is locked, so id order is commit order.
    sql: `SELECT DISTINCT ON (account_id) account_id, id, balance_after, running FROM (
            SELECT e.account_id, e.id, e.balance_after, sum(e.amount) OVER (PARTITION BY e.account_id ORDER BY e.id) AS running
              FROM ledger_entry e WHERE ${IN_SCOPE("e.account_id")}
          ) chain
          WHERE balance_after <> running ORDER BY account_id, id`,
    describe: (row) => ({ code: "chain", values: { entry: row.id, balanceAfter: row.balance_after, running: row.running } }),
  },
  {
    // Invariant 3, a hold resolves once: a captured hold has exactly one usage
    // entry of minus its captured amount (none when 0 was captured), never
    // more than it held; a released, expired or pending hold has no entry.
    sql: `SELECT h.account_id, h.id, h.status, h.amount, h.captured_amount, count(e.id) AS entries, COALESCE(sum(e.amount), 0) AS posted
            FROM credit_hold h LEFT JOIN ledger_entry e ON e.hold_id = h.id
           WHERE ${IN_SCOPE("h.account_id")}
           GROUP BY h.id
          HAVING NOT COALESCE(
                   (h.status = 'CAPTURED' AND h.captured_amount BETWEEN 0 AND h.amount
                     AND ((h.captured_amount = 0 AND count(e.id) = 0)
                       OR (count(e.id) = 1 AND sum(e.amount) = -h.captured_amount AND bool_and(e.account_id = h.account_id AND e.kind = 'USAGE'))))
                   OR (h.status <> 'CAPTURED' AND h.captured_amount IS NULL AND count(e.id) = 0),
                 false)`,
    describe: (row) => ({
      code: "hold",
      values: { hold: row.id, status: row.status.toLowerCase(), amount: row.amount, captured: row.captured_amount ?? "none", entries: Number(row.entries), posted: row.posted },
    }),
  },
  {
    // A capture entry always points at its hold, on the same account.
    sql: `SELECT e.account_id, e.id, e.hold_id, e.idempotency_key
            FROM ledger_entry e LEFT JOIN credit_hold h ON h.id = e.hold_id
           WHERE ${IN_SCOPE("e.account_id")}
             AND ((e.hold_id IS NOT NULL AND (h.id IS NULL OR h.account_id <> e.account_id OR e.idempotency_key <> 'hold:' || e.hold_id))
               OR (e.hold_id IS NULL AND e.idempotency_key LIKE 'hold:%'))`,
    describe: (row) => ({ code: "holdLink", values: { entry: row.id, key: row.idempotency_key, hold: row.hold_id ?? "none" } }),
  },
];

export async function verifyLedger(scope: VerifyScope = {}): Promise<LedgerReport> {
  const db = scope.db ?? pool();
  const params = [scope.companyId ?? null, scope.accountIds ?? null];
  const found: { accountId: number; finding: LedgerFinding }[] = [];
  for (const check of CHECKS) {
    const { rows } = await db.query(check.sql, params);
    for (const row of rows) found.push({ accountId: Number(row.account_id), finding: check.describe(stringify(row)) });
  }

  const counts = await db.query(
    `SELECT (SELECT count(*) FROM iap_account a WHERE ${IN_SCOPE("a.id")}) AS accounts,
            (SELECT count(*) FROM ledger_entry e WHERE ${IN_SCOPE("e.account_id")}) AS entries,
            (SELECT count(*) FROM credit_hold h WHERE ${IN_SCOPE("h.account_id")}) AS holds`,
    params,
  );
  const labels = new Map<number, { companyId: number; company: string; service: string }>();
  if (found.length > 0) {
    const { rows } = await db.query(
      `SELECT a.id, a.company_id, c.name AS company, s.technical_name
         FROM iap_account a JOIN company c ON c.id = a.company_id JOIN iap_service s ON s.id = a.service_id
        WHERE a.id = ANY($1::int[])`,
      [[...new Set(found.map((f) => f.accountId))]],
    );
    for (const row of rows) labels.set(row.id, { companyId: row.company_id, company: row.company, service: row.technical_name });
  }
  const problems = found
    .map((f) => ({ accountId: f.accountId, ...(labels.get(f.accountId) ?? { companyId: 0, company: "?", service: "?" }), finding: f.finding }))
    .sort((a, b) => a.accountId - b.accountId);
  const row = counts.rows[0];
  return { accounts: Number(row.accounts), entries: Number(row.entries), holds: Number(row.holds), problems, ok: problems.length === 0 };
}

function stringify(row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? (null as unknown as string) : String(value)]));
}
