import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { InsufficientCreditsError, isUniqueViolation } from "./errors";
import type { AccountRef, EntryOptions, EntryResult, GrantKind } from "./types";

// node-pg hands bigint columns over as text: rows are typed as they arrive
// and turned into bigints once, where they are read.
interface EntryRow {
  id: string;
  amount: string;
  balance_after: string;
}

// Ledger entries: credits in (grant) and out (debit). Holds — credits reserved
// for work whose price is known afterwards — are in holds.ts, which builds on
// the checks exported here.
//
// Every balance change is ONE SQL statement: a conditional UPDATE of the
// account and the INSERT of its ledger row (or hold), chained with
// data-modifying CTEs. A single statement is its own transaction, so the
// balance and the ledger can never disagree, and in READ COMMITTED PostgreSQL
// re-checks the UPDATE's WHERE on the newest row version, so concurrent debits
// cannot overdraw (`balance - held >= n`). Idempotency rests on unique indexes
// on (account, idempotency key): a repeated key makes the statement fail as a
// whole — nothing applied — and we return what the first request recorded.

export function assertPositive(amount: bigint, what: string) {
  if (typeof amount !== "bigint" || amount <= 0n) throw new RangeError(`${what} must be a positive whole number of units (got ${amount})`);
}

// Captures write their entry under the key `hold:<id>`; a caller's key of that
// shape could take a capture's place and make it fail, so those are refused.
export const CAPTURE_KEY_PREFIX = "hold:";

export function assertKey(idempotencyKey: string, { ledger }: { ledger: boolean }) {
  if (typeof idempotencyKey !== "string" || idempotencyKey === "") throw new RangeError("An idempotency key is required");
  if (ledger && idempotencyKey.startsWith(CAPTURE_KEY_PREFIX)) {
    throw new RangeError(`Idempotency keys starting with "${CAPTURE_KEY_PREFIX}" are reserved for captures (got ${idempotencyKey})`);
  }
}

export async function findEntry(accountId: number, idempotencyKey: string): Promise<EntryResult | null> {
  const { rows } = await pool().query<EntryRow>(
    "SELECT id, amount, balance_after FROM ledger_entry WHERE account_id = $1 AND idempotency_key = $2",
    [accountId, idempotencyKey],
  );
  if (!rows[0]) return null;
  return { entryId: BigInt(rows[0].id), amount: BigInt(rows[0].amount), balanceAfter: BigInt(rows[0].balance_after), replayed: true };
}

async function availableUnits(accountId: number): Promise<bigint> {
  const { rows } = await pool().query<{ available: string }>("SELECT balance - held AS available FROM iap_account WHERE id = $1", [accountId]);
  return BigInt(rows[0]?.available ?? 0);
}

/**
 * The refusal, with what was available. It is read after the refused
 * statement, so a grant or release in between may show more; the refusal
 * itself proves there was less than `needed`, so the shortfall is at least 1.
 */
export async function insufficient(account: AccountRef, needed: bigint): Promise<InsufficientCreditsError> {
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
    const { rows } = await (options.db ?? pool()).query<Omit<EntryRow, "amount">>({
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
    const { rows } = await pool().query<Omit<EntryRow, "amount">>({
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

export async function balanceOf(accountId: number): Promise<bigint> {
  const { rows } = await pool().query<{ balance: string }>("SELECT balance FROM iap_account WHERE id = $1", [accountId]);
  return BigInt(rows[0]?.balance ?? 0);
}
