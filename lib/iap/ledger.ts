import "server-only";
import type pg from "pg";
import { pool, type Tx } from "@/lib/db/client";
import type { AccountRef } from "./accounts";
import { HoldNotPendingError, InsufficientCreditsError, isUniqueViolation } from "./errors";

// Lock order, everywhere: the account row first, then its holds. Capture and
// release lock the account before the hold; the sweep locks its accounts in id
// order before their holds. (A replayed reserve's INSERT waits on a hold that
// is being captured; had capture locked the hold before the account, the two
// would deadlock.)
//
// Every balance change here is ONE SQL statement (the sweep of many holds is
// one transaction): a conditional UPDATE of the account and the INSERT of its
// ledger row (or hold), chained with data-modifying CTEs. A single statement is its own transaction, so the balance and the
// ledger can never disagree, and in READ COMMITTED PostgreSQL re-checks the
// UPDATE's WHERE on the newest row version, so concurrent debits cannot
// overdraw (`balance - held >= n`). Idempotency rests on unique indexes on
// (account, idempotency key): a repeated key makes the statement fail as a whole
// — nothing applied — and we return what the first request recorded.

export type GrantKind = "TRIAL_GRANT" | "PURCHASE" | "REFUND" | "ADJUSTMENT";

export interface EntryOptions {
  description: string;
  /** Free text pointing at what caused the movement (purchase id, SMS id…). */
  reference?: string | null;
  /** Unique per account: the same key twice has one effect. */
  idempotencyKey: string;
  createdById?: number | null;
}

export interface EntryResult {
  entryId: bigint;
  amount: bigint;
  balanceAfter: bigint;
  /** True when this key had already been used: nothing changed now. */
  replayed: boolean;
}

export type HoldStatus = "PENDING" | "CAPTURED" | "RELEASED" | "EXPIRED";

export interface Hold {
  id: number;
  account: AccountRef;
  amount: bigint;
  status: HoldStatus;
  capturedAmount: bigint | null;
  expiresAt: Date;
  result: unknown;
  replayed: boolean;
}

export interface CaptureResult {
  holdId: number;
  captured: bigint;
  entryId: bigint | null;
  balanceAfter: bigint;
  replayed: boolean;
}

/** Default life of a hold: long enough for a gateway call, short enough that a crash frees credits soon. */
export const DEFAULT_HOLD_TTL_SECONDS = 15 * 60;

function assertPositive(amount: bigint, what: string) {
  if (typeof amount !== "bigint" || amount <= 0n) throw new RangeError(`${what} must be a positive whole number of units (got ${amount})`);
}

// Captures write their entry under the key `hold:<id>`; a caller's key of that
// shape could take a capture's place and make it fail, so those are refused.
const CAPTURE_KEY_PREFIX = "hold:";

function assertKey(idempotencyKey: string, { ledger }: { ledger: boolean }) {
  if (typeof idempotencyKey !== "string" || idempotencyKey === "") throw new RangeError("An idempotency key is required");
  if (ledger && idempotencyKey.startsWith(CAPTURE_KEY_PREFIX)) {
    throw new RangeError(`Idempotency keys starting with "${CAPTURE_KEY_PREFIX}" are reserved for captures (got ${idempotencyKey})`);
  }
}

async function findEntry(accountId: number, idempotencyKey: string): Promise<EntryResult | null> {
  const { rows } = await pool().query(
    "SELECT id, amount, balance_after FROM ledger_entry WHERE account_id = $1 AND idempotency_key = $2",
    [accountId, idempotencyKey],
  );
  if (!rows[0]) return null;
  return { entryId: BigInt(rows[0].id), amount: BigInt(rows[0].amount), balanceAfter: BigInt(rows[0].balance_after), replayed: true };
}

async function availableUnits(accountId: number): Promise<bigint> {
  const { rows } = await pool().query("SELECT balance - held AS available FROM iap_account WHERE id = $1", [accountId]);
  return BigInt(rows[0]?.available ?? 0);
}

/**
 * The refusal, with what was available. It is read after the refused
 * statement, so a grant or release in between may show more; the refusal
 * itself proves there was less than `needed`, so the shortfall is at least 1.
 */
async function insufficient(account: AccountRef, needed: bigint): Promise<InsufficientCreditsError> {
  const available = await availableUnits(account.id);
  return new InsufficientCreditsError(account.service, needed, available < needed ? available : needed - 1n);
}

/**
 * Adds credits (trial, purchase, refund, positive adjustment). A grant that
 * brings the balance back to or above the warning threshold re-arms the
 * low-credit warning in the same statement.
 *
 * `db` runs the grant inside the caller's transaction (a checked-out client
 * after BEGIN), so it commits or rolls back with the caller's other writes
 * (e.g. a purchase marked paid). There a repeated key aborts the transaction,
 * so the error is the caller's to handle rather than answered with a replay.
 */
export async function grant(
  account: AccountRef,
  amount: bigint,
  options: EntryOptions & { kind: GrantKind; db?: pg.ClientBase },
): Promise<EntryResult> {
  assertPositive(amount, "A grant");
  assertKey(options.idempotencyKey, { ledger: true });
  try {
    const { rows } = await (options.db ?? pool()).query({
      // Named: each pooled connection parses and plans the statement once.
      name: "iap_grant",
      text: `WITH account AS (
         UPDATE iap_account
            SET balance = balance + $2,
                warned_at = CASE WHEN warning_threshold IS NOT NULL AND balance + $2 >= warning_threshold THEN NULL ELSE warned_at END,
                updated_at = now()
          WHERE id = $1
          RETURNING id, balance
       )
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, created_by_id)
       SELECT id, $3::"LedgerKind", $2, balance, $4, $5, $6, $7 FROM account
       RETURNING id, balance_after`,
      values: [account.id, amount, options.kind, options.description, options.reference ?? null, options.idempotencyKey, options.createdById ?? null],
    });
    if (!rows[0]) throw new Error(`IAP account ${account.id} does not exist`);
    return { entryId: BigInt(rows[0].id), amount, balanceAfter: BigInt(rows[0].balance_after), replayed: false };
  } catch (error) {
    if (isUniqueViolation(error) && !options.db) return (await findEntry(account.id, options.idempotencyKey))!;
    throw error;
  }
}

/** Takes credits for work with a known price, in one statement. Throws InsufficientCreditsError. */
export async function debit(account: AccountRef, amount: bigint, options: EntryOptions): Promise<EntryResult> {
  assertPositive(amount, "A debit");
  assertKey(options.idempotencyKey, { ledger: true });
  try {
    const { rows } = await pool().query({
      name: "iap_debit",
      text: `WITH account AS (
         UPDATE iap_account SET balance = balance - $2, updated_at = now()
          WHERE id = $1 AND balance - held >= $2
          RETURNING id, balance
       )
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, created_by_id)
       SELECT id, 'USAGE', -$2::bigint, balance, $3, $4, $5, $6 FROM account
       RETURNING id, balance_after`,
      values: [account.id, amount, options.description, options.reference ?? null, options.idempotencyKey, options.createdById ?? null],
    });
    if (rows[0]) return { entryId: BigInt(rows[0].id), amount: -amount, balanceAfter: BigInt(rows[0].balance_after), replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // Either the key was used before (return the first result, even if the
  // balance could not pay it again now) or there are not enough credits.
  const previous = await findEntry(account.id, options.idempotencyKey);
  if (previous) return previous;
  throw await insufficient(account, amount);
}

function toHold(account: AccountRef, row: Record<string, unknown>, replayed: boolean): Hold {
  return {
    id: row.id as number,
    account,
    amount: BigInt(row.amount as string),
    status: row.status as HoldStatus,
    capturedAmount: row.captured_amount === null || row.captured_amount === undefined ? null : BigInt(row.captured_amount as string),
    expiresAt: row.expires_at as Date,
    result: row.result ?? null,
    replayed,
  };
}

const HOLD_COLUMNS = "id, amount, status, captured_amount, expires_at, result";

async function findHold(account: AccountRef, idempotencyKey: string): Promise<Hold | null> {
  const { rows } = await pool().query(`SELECT ${HOLD_COLUMNS} FROM credit_hold WHERE account_id = $1 AND idempotency_key = $2`, [
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
  try {
    const { rows } = await pool().query({
      name: "iap_reserve",
      text: `WITH account AS (
         UPDATE iap_account SET held = held + $2, updated_at = now()
          WHERE id = $1 AND balance - held >= $2
          RETURNING id
       )
       INSERT INTO credit_hold (account_id, amount, description, reference, idempotency_key, expires_at, created_by_id)
       SELECT id, $2, $3, $4, $5, date_trunc('milliseconds', now()) + make_interval(secs => $6), $7 FROM account
       RETURNING ${HOLD_COLUMNS}`,
      values: [account.id, amount, options.description, options.reference ?? null, options.idempotencyKey, ttl, options.createdById ?? null],
    });
    if (rows[0]) return toHold(account, rows[0], false);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const previous = await findHold(account, options.idempotencyKey);
  if (previous) return previous;
  throw await insufficient(account, amount);
}

/**
 * Posts the usage of a pending hold: `actual` (≤ the hold) leaves the balance,
 * the rest is freed. A hold resolves once: capturing it again with the same
 * amount returns the first capture; anything else is a HoldNotPendingError.
 */
export async function capture(
  hold: Pick<Hold, "id" | "account">,
  actual: bigint,
  options: { description?: string; result?: unknown; tx?: Tx } = {},
): Promise<CaptureResult> {
  if (typeof actual !== "bigint" || actual < 0n) throw new RangeError(`A capture must be 0 or more units (got ${actual})`);
  // Inside the caller's transaction (`tx`) the capture commits with what the caller records, or not at all.
  const db = options.tx ? prismaQueryable(options.tx) : pool();
  const { rows } = await db.query({
    name: "iap_capture",
    text: `WITH locked AS (
       SELECT id FROM iap_account WHERE id = $5 FOR UPDATE
     ), hold AS (
       UPDATE credit_hold h SET status = 'CAPTURED', captured_amount = $2, result = $4::jsonb, resolved_at = now()
         FROM locked
        WHERE h.id = $1 AND h.account_id = locked.id AND h.status = 'PENDING' AND h.expires_at > now() AND $2 <= h.amount
        RETURNING h.id, h.account_id, h.amount, h.description, h.reference, h.created_by_id
     ), account AS (
       UPDATE iap_account a SET held = a.held - hold.amount, balance = a.balance - $2, updated_at = now()
         FROM hold WHERE a.id = hold.account_id
         RETURNING a.id, a.balance
     ), entry AS (
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, hold_id, created_by_id)
       SELECT account.id, 'USAGE', -$2::bigint, account.balance, COALESCE($3, hold.description), hold.reference, '${CAPTURE_KEY_PREFIX}' || hold.id, hold.id, hold.created_by_id
         FROM account, hold WHERE $2 > 0
       RETURNING id
     )
     SELECT hold.id, account.balance, (SELECT id FROM entry) AS entry_id FROM hold, account`,
    values: [hold.id, actual, options.description ?? null, jsonOrNull(options.result), hold.account.id],
  });
  if (rows[0]) {
    return { holdId: hold.id, captured: actual, entryId: rows[0].entry_id === null ? null : BigInt(rows[0].entry_id), balanceAfter: BigInt(rows[0].balance), replayed: false };
  }
  // In a transaction that holds the account's lock, looking further (or expiring the hold) from
  // another connection would wait for it: refuse, and let the caller's transaction roll back.
  if (options.tx) throw new HoldNotPendingError(hold.id, "RESOLVED");
  const current = await pool().query("SELECT status, amount, captured_amount, expires_at <= now() AS due FROM credit_hold WHERE id = $1 AND account_id = $2", [hold.id, hold.account.id]);
  const row = current.rows[0];
  if (!row) throw new Error(`Hold ${hold.id} not found on account ${hold.account.id}`);
  if (row.status === "CAPTURED" && BigInt(row.captured_amount) === actual) {
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
    await resolveHold(hold.id, hold.account.id, "EXPIRED");
    throw new HoldNotPendingError(hold.id, "EXPIRED");
  }
  throw new HoldNotPendingError(hold.id, row.status);
}

/** Frees a pending hold entirely. Returns false when it had already resolved. */
export async function release(hold: Pick<Hold, "id" | "account">): Promise<boolean> {
  return resolveHold(hold.id, hold.account.id, "RELEASED");
}

/** Expires one pending hold if it is past its expiry (the sweep, for one hold). Returns false otherwise. */
export async function expireHold(hold: Pick<Hold, "id" | "account">): Promise<boolean> {
  return resolveHold(hold.id, hold.account.id, "EXPIRED");
}

async function resolveHold(holdId: number, accountId: number, status: "RELEASED" | "EXPIRED"): Promise<boolean> {
  const { rows } = await pool().query({
    name: "iap_resolve_hold",
    text: `WITH locked AS (
       SELECT id FROM iap_account WHERE id = $2 FOR UPDATE
     ), hold AS (
       UPDATE credit_hold h SET status = $3::"HoldStatus", resolved_at = now()
         FROM locked
        WHERE h.id = $1 AND h.account_id = locked.id AND h.status = 'PENDING' AND ($3::"HoldStatus" = 'RELEASED' OR h.expires_at <= now())
        RETURNING h.account_id, h.amount
     )
     UPDATE iap_account a SET held = a.held - hold.amount, updated_at = now() FROM hold WHERE a.id = hold.account_id RETURNING a.id`,
    values: [holdId, accountId, status],
  });
  return rows.length === 1;
}

/**
 * Releases holds past their expiry (work that crashed or never came back).
 * Safe to run on many instances at once: it locks the accounts it sweeps in id
 * order before touching their holds (the order every statement here follows),
 * so sweepers queue rather than deadlock, and a hold captured or released in
 * the meantime is no longer PENDING when the sweep re-reads it: it resolves
 * once. `accountIds` limits the sweep (tests; one account's page).
 */
export async function expireHolds(limit = 1000, scope: { accountIds?: number[] } = {}): Promise<number> {
  const client = await pool().connect();
  let expired = 0;
  try {
    await client.query("BEGIN");
    const due = await client.query<{ account_id: number }>(
      `SELECT DISTINCT account_id FROM (
         SELECT account_id FROM credit_hold
          WHERE status = 'PENDING' AND expires_at <= now() AND ($2::int[] IS NULL OR account_id = ANY($2::int[]))
          ORDER BY expires_at LIMIT $1
       ) due`,
      [limit, scope.accountIds ?? null],
    );
    if (due.rows.length > 0) {
      const accountIds = due.rows.map((row) => row.account_id).sort((a, b) => a - b);
      await client.query("SELECT id FROM iap_account WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE", [accountIds]);
      const { rows } = await client.query(
        `WITH expired AS (
           UPDATE credit_hold SET status = 'EXPIRED', resolved_at = now()
            WHERE id IN (SELECT id FROM credit_hold WHERE account_id = ANY($1::int[]) AND status = 'PENDING' AND expires_at <= now() ORDER BY expires_at LIMIT $2)
           RETURNING account_id, amount
         ), per_account AS (
           SELECT account_id, sum(amount) AS amount, count(*) AS holds FROM expired GROUP BY account_id
         ), freed AS (
           UPDATE iap_account a SET held = a.held - per_account.amount, updated_at = now()
             FROM per_account WHERE a.id = per_account.account_id
         )
         SELECT COALESCE(sum(holds), 0)::int AS expired FROM per_account`,
        [accountIds, limit],
      );
      expired = rows[0].expired;
    }
    await client.query("COMMIT");
  } catch (error) {
    // A connection that cannot even roll back is dropped rather than reused.
    const broken = await client.query("ROLLBACK").then(() => undefined, (rollbackError: Error) => rollbackError);
    client.release(broken);
    throw error;
  }
  client.release();
  return expired;
}

export async function balanceOf(accountId: number): Promise<bigint> {
  const { rows } = await pool().query("SELECT balance FROM iap_account WHERE id = $1", [accountId]);
  return BigInt(rows[0]?.balance ?? 0);
}

/** A Prisma interactive transaction seen as the pg-style `query` these statements are written for. */
function prismaQueryable(tx: Tx) {
  return {
    async query(config: { text: string; values: unknown[] }): Promise<{ rows: Record<string, any>[] }> {
      return { rows: await tx.$queryRawUnsafe<Record<string, any>[]>(config.text, ...config.values) };
    },
  };
}

function jsonOrNull(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}
