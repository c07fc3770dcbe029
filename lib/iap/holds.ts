import "server-only";
import type pg from "pg";
import { pool, type Tx } from "@/lib/db/client";
import { BudgetExceededError, HoldNotPendingError, isUniqueViolation } from "./errors";
import { underBudget } from "./budgets";
import { emitCreditEvent } from "./events";
import { assertKey, assertPositive, balanceOf, BELOW_TOPUP, CAPTURE_KEY_PREFIX, CROSSED_BELOW_THRESHOLD, emitBelowTopup, emitLowBalance, findEntry, insufficient } from "./ledger";
import { wordingColumns, type LedgerWording } from "./ledger-wording";
import type { AccountRef, CaptureResult, EntryOptions, Hold, HoldStatus } from "./types";

// Holds (TigerBeetle's pending transfers): credits reserved for work whose
// price is known once it is done, then captured (posted), released (voided) or
// expired. Each step is one statement, as in ledger.ts.
//
// Lock order, everywhere: the account row first, then its holds. Capture and
// release lock the account before the hold; the sweep locks its accounts in id
// order before their holds. (A replayed reserve's INSERT waits on a hold that
// is being captured; had capture locked the hold before the account, the two
// would deadlock.)

/** Default life of a hold: long enough for a gateway call, short enough that a crash frees credits soon. */
export const DEFAULT_HOLD_TTL_SECONDS = 15 * 60;

/** A credit_hold row as node-pg returns HOLD_COLUMNS (bigints as text). */
export interface HoldRow {
  id: number;
  amount: string;
  status: HoldStatus;
  captured_amount: string | null;
  expires_at: Date;
  result: unknown;
}

export function toHold(account: AccountRef, row: HoldRow, replayed: boolean): Hold {
  return {
    id: row.id,
    account,
    amount: BigInt(row.amount),
    status: row.status,
    capturedAmount: row.captured_amount === null ? null : BigInt(row.captured_amount),
    expiresAt: row.expires_at,
    result: row.result ?? null,
    replayed,
  };
}

const HOLD_COLUMNS = "id, amount, status, captured_amount, expires_at, result";

async function findHold(account: AccountRef, idempotencyKey: string): Promise<Hold | null> {
  const { rows } = await pool().query<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM credit_hold WHERE account_id = $1 AND idempotency_key = $2`, [
    account.id,
    idempotencyKey,
  ]);
  return rows[0] ? toHold(account, rows[0], true) : null;
}

/** Reserves credits for work whose final price is known after it is done. */
export async function reserve(
  account: AccountRef,
  amount: bigint,
  options: EntryOptions & { ttlSeconds?: number },
): Promise<Hold> {
  assertPositive(amount, "A hold");
  assertKey(options.idempotencyKey, { ledger: false });
  // expires_at keeps milliseconds; truncating (not rounding) now() means a
  // hold never outlives its ttl, and ttlSeconds 0 is expired at once.
  const ttl = options.ttlSeconds ?? DEFAULT_HOLD_TTL_SECONDS;
  if (!Number.isFinite(ttl) || ttl < 0) throw new RangeError(`A hold's ttlSeconds must be 0 or more (got ${ttl})`);
  let row: HoldRow | undefined;
  try {
    row = await underBudget(account, options.createdById, amount, async (db, budgetMonth) => {
      const { rows } = await db.query<HoldRow>({
        name: "iap_reserve",
        text: `WITH account AS (
           UPDATE iap_account SET held = held + $2, updated_at = now()
            WHERE id = $1 AND balance - held >= $2
            RETURNING id
         )
         INSERT INTO credit_hold (account_id, amount, description, reference, idempotency_key, expires_at, created_by_id, budget_month, description_code, description_params)
         SELECT id, $2, $3, $4, $5, date_trunc('milliseconds', now()) + make_interval(secs => $6), $7, $8::date, $9, $10::jsonb FROM account
         RETURNING ${HOLD_COLUMNS}`,
        values: [account.id, amount, options.description, options.reference ?? null, options.idempotencyKey, ttl, options.createdById ?? null, budgetMonth, ...wordingColumns(options.wording)],
      });
      // Nothing held: throw, so that a budget counted in this transaction is rolled back with it.
      if (!rows[0]) throw NOT_HELD;
      return rows[0];
    });
  } catch (error) {
    if (error !== NOT_HELD && !isUniqueViolation(error) && !(error instanceof BudgetExceededError)) throw error;
    // The same key again answers with the first hold, whatever the balance or budget say now.
    const previous = await findHold(account, options.idempotencyKey);
    if (previous) return previous;
    if (error instanceof BudgetExceededError) throw error;
  }
  if (row) return toHold(account, row, false);
  throw await insufficient(account, amount);
}

const NOT_HELD = Symbol("not held");

/**
 * Posts the usage of a pending hold: `actual` (≤ the hold) leaves the balance,
 * the rest is freed. A hold resolves once: capturing it again with the same
 * amount returns the first capture; anything else is a HoldNotPendingError.
 */
export async function capture(
  hold: Pick<Hold, "id" | "account">,
  actual: bigint,
  options: { description?: string; wording?: LedgerWording; result?: unknown; tx?: Tx; afterCommit?: (emit: () => void) => void } = {},
): Promise<CaptureResult> {
  if (typeof actual !== "bigint" || actual < 0n) throw new RangeError(`A capture must be 0 or more units (got ${actual})`);
  // Inside the caller's transaction (`tx`) the capture commits with what the caller records, or not at all.
  const db: Queryable = options.tx ? prismaQueryable(options.tx) : pool();
  const { rows } = await db.query<{ id: number; balance: string; below_topup: boolean; crossed_threshold: string | null; entry_id: string | null }>({
    name: "iap_capture",
    text: `WITH locked AS (
       SELECT id FROM iap_account WHERE id = $5 FOR UPDATE
     ), hold AS (
       UPDATE credit_hold h SET status = 'CAPTURED', captured_amount = $2, result = $4::jsonb, resolved_at = now()
         FROM locked
        WHERE h.id = $1 AND h.account_id = locked.id AND h.status = 'PENDING' AND h.expires_at > now() AND $2 <= h.amount
        RETURNING h.id, h.account_id, h.amount, h.description, h.description_code, h.description_params, h.reference, h.created_by_id, h.budget_month
     ), budget AS (
       UPDATE budget_usage u SET used = u.used - (hold.amount - $2)
         FROM hold
        WHERE hold.budget_month IS NOT NULL AND hold.amount > $2
          AND u.account_id = hold.account_id AND u.user_id = hold.created_by_id AND u.month = hold.budget_month
     ), account AS (
       UPDATE iap_account a SET held = a.held - hold.amount, balance = a.balance - $2, updated_at = now()
         FROM hold WHERE a.id = hold.account_id
         RETURNING a.id, a.balance, ${BELOW_TOPUP("a.")}, ${CROSSED_BELOW_THRESHOLD("$2", "a.")}
     ), entry AS (
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, hold_id, created_by_id, description_code, description_params)
       SELECT account.id, 'USAGE', -$2::bigint, account.balance, COALESCE($3, hold.description), hold.reference, '${CAPTURE_KEY_PREFIX}' || hold.id, hold.id, hold.created_by_id,
              -- A capture that words its entry anew brings its own code (none: its English text is the one to show).
              CASE WHEN $3::text IS NULL THEN hold.description_code ELSE $6 END, CASE WHEN $3::text IS NULL THEN hold.description_params ELSE $7::jsonb END
         FROM account, hold WHERE $2 > 0
       RETURNING id
     )
     SELECT hold.id, account.balance, account.below_topup, account.crossed_threshold, (SELECT id FROM entry) AS entry_id FROM hold, account`,
    values: [hold.id, actual, options.description ?? null, jsonOrNull(options.result), hold.account.id, ...wordingColumns(options.description ? options.wording : undefined)],
  });
  if (rows[0]) {
    const row = rows[0];
    const emit = () => {
      if (row.below_topup && actual > 0n) emitBelowTopup(hold.account, BigInt(row.balance));
      if (row.crossed_threshold !== null) emitLowBalance(hold.account, BigInt(row.balance), BigInt(row.crossed_threshold));
    };
    // Listeners read what the capture wrote: inside the caller's transaction they must wait for its commit.
    if (options.tx) options.afterCommit?.(emit);
    else emit();
    return { holdId: hold.id, captured: actual, entryId: rows[0].entry_id === null ? null : BigInt(rows[0].entry_id), balanceAfter: BigInt(rows[0].balance), replayed: false };
  }
  // In a transaction that holds the account's lock, looking further (or expiring the hold) from
  // another connection would wait for it: refuse, and let the caller's transaction roll back.
  if (options.tx) throw new HoldNotPendingError(hold.id, "RESOLVED");
  const current = await pool().query<Pick<HoldRow, "status" | "amount" | "captured_amount"> & { due: boolean }>(
    "SELECT status, amount, captured_amount, expires_at <= now() AS due FROM credit_hold WHERE id = $1 AND account_id = $2",
    [hold.id, hold.account.id],
  );
  const row = current.rows[0];
  if (!row) throw new Error(`Hold ${hold.id} not found on account ${hold.account.id}`);
  if (row.status === "CAPTURED" && row.captured_amount !== null && BigInt(row.captured_amount) === actual) {
    // The first capture's entry and the balance it left (a capture of 0 posted no entry).
    const entry = await findEntry(hold.account.id, `${CAPTURE_KEY_PREFIX}${hold.id}`);
    return {
      holdId: hold.id,
      captured: actual,
      entryId: entry?.entryId ?? null,
      balanceAfter: entry?.balanceAfter ?? (await balanceOf(hold.account.id)),
      replayed: true,
    };
  }
  if (row.status === "PENDING" && actual > BigInt(row.amount)) {
    throw new RangeError(`Cannot capture ${actual} units on hold ${hold.id} of ${row.amount}`);
  }
  if (row.status === "PENDING" && row.due) {
    await expireHold(hold);
    throw new HoldNotPendingError(hold.id, "EXPIRED");
  }
  throw new HoldNotPendingError(hold.id, row.status);
}

/** Frees a pending hold entirely. Returns false when it had already resolved. */
export async function release(hold: Pick<Hold, "id" | "account">, options: { db?: pg.ClientBase } = {}): Promise<boolean> {
  return resolveHold(hold.id, hold.account.id, "RELEASED", options.db);
}

/** Expires one pending hold if it is past its expiry (the sweep, for one hold). Returns false otherwise. */
export async function expireHold(hold: Pick<Hold, "id" | "account">): Promise<boolean> {
  const expired = await resolveHold(hold.id, hold.account.id, "EXPIRED");
  if (expired) emitCreditEvent({ type: "hold.expired", holdId: hold.id, accountId: hold.account.id, companyId: hold.account.companyId });
  return expired;
}

async function resolveHold(holdId: number, accountId: number, status: "RELEASED" | "EXPIRED", db?: pg.ClientBase): Promise<boolean> {
  const { rows } = await (db ?? pool()).query<{ id: number }>({
    name: "iap_resolve_hold",
    text: `WITH locked AS (
       SELECT id FROM iap_account WHERE id = $2 FOR UPDATE
     ), hold AS (
       UPDATE credit_hold h SET status = $3::"HoldStatus", resolved_at = now()
         FROM locked
        WHERE h.id = $1 AND h.account_id = locked.id AND h.status = 'PENDING' AND ($3::"HoldStatus" = 'RELEASED' OR h.expires_at <= now())
        RETURNING h.account_id, h.amount, h.created_by_id, h.budget_month
     ), budget AS (
       UPDATE budget_usage u SET used = u.used - hold.amount
         FROM hold
        WHERE hold.budget_month IS NOT NULL AND u.account_id = hold.account_id AND u.user_id = hold.created_by_id AND u.month = hold.budget_month
     )
     UPDATE iap_account a SET held = a.held - hold.amount, updated_at = now() FROM hold WHERE a.id = hold.account_id RETURNING a.id`,
    values: [holdId, accountId, status],
  });
  return rows.length === 1;
}

/**
 * Freezes up to `upTo` units — as many as are available — in a hold (e.g.
 * while a payment is disputed), in one statement. Returns null when nothing
 * was available. Same transaction rules as takeBack (ledger.ts): the caller's
 * transaction has locked what the freeze is about.
 */
export async function freeze(
  account: AccountRef,
  upTo: bigint,
  options: EntryOptions & { ttlSeconds: number; db: pg.ClientBase },
): Promise<Hold | null> {
  assertPositive(upTo, "A freeze");
  assertKey(options.idempotencyKey, { ledger: false });
  const { rows } = await options.db.query<HoldRow>({
    name: "iap_freeze",
    text: `WITH available AS (
       SELECT id, LEAST($2::bigint, balance - held) AS n FROM iap_account WHERE id = $1 FOR UPDATE
     ), account AS (
       UPDATE iap_account a SET held = a.held + available.n, updated_at = now()
         FROM available WHERE a.id = available.id AND available.n > 0
         RETURNING a.id, available.n
     )
     INSERT INTO credit_hold (account_id, amount, description, reference, idempotency_key, expires_at, created_by_id, description_code, description_params)
     SELECT id, n, $3, $4, $5, date_trunc('milliseconds', now()) + make_interval(secs => $6), $7, $8, $9::jsonb FROM account
     RETURNING ${HOLD_COLUMNS}`,
    values: [account.id, upTo, options.description, options.reference ?? null, options.idempotencyKey, options.ttlSeconds, options.createdById ?? null, ...wordingColumns(options.wording)],
  });
  return rows[0] ? toHold(account, rows[0], false) : null;
}

function jsonOrNull(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** What capture's statement needs: the pool, or the caller's transaction. */
interface Queryable {
  query<R>(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/** A Prisma interactive transaction seen as the pg-style `query` these statements are written for. */
function prismaQueryable(tx: Tx): Queryable {
  return {
    async query<R>(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: R[] }> {
      return { rows: await tx.$queryRawUnsafe<R[]>(config.text, ...config.values) };
    },
  };
}
