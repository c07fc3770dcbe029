import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { BudgetExceededError, InsufficientCreditsError, isUniqueViolation } from "./errors";
import { underBudget } from "./budgets";
import { emitCreditEvent } from "./events";
import { wordingColumns } from "./ledger-wording";
import type { AccountRef, EntryOptions, EntryResult, GrantKind, TakeBackKind } from "./types";

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

/**
 * A RETURNING column of a statement that takes credits off an account: true
 * when the balance it leaves is below the account's auto top-up trigger.
 * Computed from the row the statement just wrote, so it costs no query.
 */
export function BELOW_TOPUP(table = ""): string {
  return `(${table}auto_topup_below IS NOT NULL AND ${table}balance < ${table}auto_topup_below) AS below_topup`;
}

/** After the commit: auto top-up decides whether one starts (lib/iap/events.ts). */
export function emitBelowTopup(account: AccountRef, balance: bigint) {
  emitCreditEvent({ type: "balance.below-topup", accountId: account.id, companyId: account.companyId, service: account.service.technicalName, balance });
}

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
                empty_alerted_at = CASE WHEN balance + $2 - held > 0 THEN NULL ELSE empty_alerted_at END,
                updated_at = now()
          WHERE id = $1
          RETURNING id, balance
       )
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, created_by_id, description_code, description_params)
       SELECT id, $3::"LedgerKind", $2, balance, $4, $5, $6, $7, $8, $9::jsonb FROM account
       RETURNING id, balance_after`,
      values: [account.id, amount, options.kind, options.description, options.reference ?? null, options.idempotencyKey, options.createdById ?? null, ...wordingColumns(options.wording)],
    });
    if (!rows[0]) throw new Error(`IAP account ${account.id} does not exist`);
    return { entryId: BigInt(rows[0].id), amount, balanceAfter: BigInt(rows[0].balance_after), replayed: false };
  } catch (error) {
    if (isUniqueViolation(error) && !options.db) return (await findEntry(account.id, options.idempotencyKey))!;
    throw error;
  }
}

/**
 * A RETURNING column of a statement that takes `amount` off an account: its
 * warning threshold when this change took the balance from at or above it to
 * below it (Warn Me on), else NULL. Computed from the row the statement just
 * wrote, so each crossing is reported by exactly the one statement that made it.
 */
export function CROSSED_BELOW_THRESHOLD(amount: string, table = ""): string {
  return `CASE WHEN ${table}warn_enabled AND ${table}warning_threshold IS NOT NULL AND ${amount} > 0
                 AND ${table}balance < ${table}warning_threshold AND ${table}balance + ${amount} >= ${table}warning_threshold
            THEN ${table}warning_threshold END AS crossed_threshold`;
}

/** After the commit: lib/jobs queues the low-credit check (lib/iap/events.ts). */
export function emitLowBalance(account: AccountRef, balance: bigint, threshold: bigint) {
  emitCreditEvent({ type: "balance.low", accountId: account.id, companyId: account.companyId, service: account.service.technicalName, balance, threshold });
}

type DebitRow = Omit<EntryRow, "amount"> & { below_topup: boolean; crossed_threshold: string | null };

/** Takes credits for work with a known price, in one statement. Throws InsufficientCreditsError. */
export async function debit(account: AccountRef, amount: bigint, options: EntryOptions): Promise<EntryResult> {
  assertPositive(amount, "A debit");
  assertKey(options.idempotencyKey, { ledger: true });
  let row: DebitRow | undefined;
  try {
    row = await underBudget(account, options.createdById, amount, async (db) => {
      const { rows } = await db.query<DebitRow>({
        name: "iap_debit",
        text: `WITH account AS (
           UPDATE iap_account SET balance = balance - $2, updated_at = now()
            WHERE id = $1 AND balance - held >= $2
            RETURNING id, balance, ${BELOW_TOPUP()}, ${CROSSED_BELOW_THRESHOLD("$2")}
         ), entry AS (
           INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, created_by_id, description_code, description_params)
           SELECT id, 'USAGE', -$2::bigint, balance, $3, $4, $5, $6, $7, $8::jsonb FROM account
           RETURNING id, balance_after
         )
         SELECT entry.id, entry.balance_after, account.below_topup, account.crossed_threshold FROM entry, account`,
        values: [account.id, amount, options.description, options.reference ?? null, options.idempotencyKey, options.createdById ?? null, ...wordingColumns(options.wording)],
      });
      // Nothing debited: throw, so that a budget counted in this transaction is rolled back with it.
      if (!rows[0]) throw NOT_DEBITED;
      return rows[0];
    });
  } catch (error) {
    if (error !== NOT_DEBITED && !isUniqueViolation(error) && !(error instanceof BudgetExceededError)) throw error;
    // Either the key was used before (return the first result, even if the
    // balance or budget could not pay it again now) or it cannot be paid.
    const previous = await findEntry(account.id, options.idempotencyKey);
    if (previous) return previous;
    if (error instanceof BudgetExceededError) throw error;
  }
  if (row) {
    const balanceAfter = BigInt(row.balance_after);
    // After the commit: auto top-up starts its own work (lib/billing) once the debit stands.
    if (row.below_topup) emitBelowTopup(account, balanceAfter);
    if (row.crossed_threshold !== null) emitLowBalance(account, balanceAfter, BigInt(row.crossed_threshold));
    return { entryId: BigInt(row.id), amount: -amount, balanceAfter, replayed: false };
  }
  throw await insufficient(account, amount);
}

const NOT_DEBITED = Symbol("not debited");

/**
 * Takes back up to `upTo` units — as many as are available (balance − open
 * holds), never more, never below zero — in one statement with its ledger
 * row: the credits a refunded or lost payment had bought, of which some may
 * already be spent. Returns what was taken (0: nothing available, no entry).
 *
 * Runs in the caller's transaction (`db`), which must have locked what the
 * take-back is about (the purchase) so that the amount it asks for is decided
 * once. The sub-select locks the account row and reads its newest version, so
 * the LEAST() it computes is what the UPDATE subtracts.
 */
export async function takeBack(
  account: AccountRef,
  upTo: bigint,
  options: EntryOptions & { kind: TakeBackKind; db: pg.ClientBase },
): Promise<{ taken: bigint; balanceAfter: bigint }> {
  assertPositive(upTo, "A take-back");
  assertKey(options.idempotencyKey, { ledger: true });
  const { rows } = await options.db.query<{ taken: string; balance_after: string }>({
    name: "iap_take_back",
    text: `WITH available AS (
       SELECT id, balance, LEAST($2::bigint, balance - held) AS n FROM iap_account WHERE id = $1 FOR UPDATE
     ), account AS (
       UPDATE iap_account a SET balance = a.balance - available.n, updated_at = now()
         FROM available WHERE a.id = available.id AND available.n > 0
         RETURNING a.id, a.balance, available.n
     ), entry AS (
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, created_by_id, description_code, description_params)
       SELECT id, $3::"LedgerKind", -n, balance, $4, $5, $6, $7, $8, $9::jsonb FROM account
       RETURNING id
     )
     SELECT GREATEST(available.n, 0) AS taken, available.balance - GREATEST(available.n, 0) AS balance_after, (SELECT id FROM entry) AS entry_id FROM available`,
    values: [account.id, upTo, options.kind, options.description, options.reference ?? null, options.idempotencyKey, options.createdById ?? null, ...wordingColumns(options.wording)],
  });
  if (!rows[0]) throw new Error(`IAP account ${account.id} does not exist`);
  // `available` is the locked (newest) row, read before the UPDATE.
  return { taken: BigInt(rows[0].taken), balanceAfter: BigInt(rows[0].balance_after) };
}

export async function balanceOf(accountId: number): Promise<bigint> {
  const { rows } = await pool().query<{ balance: string }>("SELECT balance FROM iap_account WHERE id = $1", [accountId]);
  return BigInt(rows[0]?.balance ?? 0);
}
