import "server-only";
import { getOrCreateAccount } from "./accounts";
import type { LedgerWording } from "./ledger-wording";
import type { AccountRef, Hold } from "./types";
import type { ServiceName } from "./catalogue";
import { HoldNotPendingError } from "./errors";
import type { Tx } from "@/lib/db/client";
import { findHoldById, holdState } from "./hold-views";
import { reserve, capture, expireHold, release } from "./holds";

export interface ChargeOptions<T> {
  companyId: number;
  service: ServiceName;
  /** Units to reserve: the most the work may cost. */
  amount: bigint;
  /** One key per piece of work (e.g. `sms:<id>`): a retry or double-click charges once. */
  idempotencyKey: string;
  description: string;
  /** The description as a code, for the history in each reader's language (lib/iap/ledger-wording.ts). */
  wording?: LedgerWording;
  reference?: string | null;
  createdById?: number | null;
  ttlSeconds?: number;
  /** Units actually used, from what the work returned; default: the whole hold. */
  actualAmount?: (result: T) => bigint;
}

export interface ChargeResult<T> {
  result: T;
  captured: bigint;
  hold: Hold;
  /** True when this key was charged before: `work` did not run again and `result` is the first one (as JSON). */
  replayed: boolean;
}

const REPLAY_WAIT_MS = 50;

/**
 * Reserve → work → capture, the way every paid service is charged. Any
 * exception in `work` releases the hold and is re-thrown: a failed service costs
 * nothing. Throws InsufficientCreditsError before `work` runs when the account
 * cannot cover `amount`.
 *
 * The same key again (a retry, a double-click, another instance) does not run
 * `work` a second time: it waits for the first run to finish and returns its
 * result (`replayed: true`), or throws HoldNotPendingError when the first run
 * failed (its hold was released) or never finished (its hold expired).
 */
/**
 * Given to `work`: captures the hold inside the work's own transaction, so
 * that what the work records (e.g. "SMS sent", logged in the chatter) and the
 * payment commit together or not at all — a database lost between two
 * transactions can leave neither a service delivered unpaid nor one paid and
 * unrecorded. `result` is what a replay of the same key will return.
 */
export type CaptureWithin = (tx: Tx, result: unknown, amount?: bigint) => Promise<void>;

export async function charge<T>(options: ChargeOptions<T>, work: (hold: Hold, account: AccountRef, captureWithin: CaptureWithin) => Promise<T>): Promise<ChargeResult<T>> {
  const account = await getOrCreateAccount(options.companyId, options.service);
  const hold = await reserve(account, options.amount, options);
  if (hold.replayed) return replay<T>(hold);

  let result: T;
  let actual: bigint;
  let capturedWithin: { amount: bigint; result: unknown } | null = null;
  // The credit events of a capture inside the work's transaction, sent once the work is done (that transaction committed).
  const afterCommit: (() => void)[] = [];
  const captureWithin: CaptureWithin = async (tx, recorded, amount = options.amount) => {
    await capture(hold, amount, { result: recorded, tx, afterCommit: (emit) => afterCommit.push(emit) });
    capturedWithin = { amount, result: recorded };
  };
  try {
    result = await work(hold, account, captureWithin);
    actual = options.actualAmount ? options.actualAmount(result) : options.amount;
  } catch (error) {
    // A capture inside a transaction that then failed was rolled back with it: the hold is still pending.
    await release(hold);
    throw error;
  }
  const within = capturedWithin as { amount: bigint; result: unknown } | null;
  if (within) {
    for (const emit of afterCommit) emit();
    return { result, captured: within.amount, hold: { ...hold, status: "CAPTURED", capturedAmount: within.amount, result: within.result }, replayed: false };
  }
  try {
    const captured = await capture(hold, actual, { result });
    return { result, captured: captured.captured, hold: { ...hold, status: "CAPTURED", capturedAmount: captured.captured, result }, replayed: false };
  } catch (error) {
    // Capturing fails when the hold expired while the work ran (it took longer
    // than ttlSeconds: the sweep may already have freed the credits) or when
    // `actualAmount` asked for more than was held. The work is done but unpaid:
    // surface it rather than hide it, and leave no hold behind.
    await release(hold);
    throw error;
  }
}

/**
 * The same key again: wait while the first run still holds its credits, then
 * give back its result. Waiting ends at the hold's expiry at the latest — past
 * it the first run can no longer capture — so a crashed first run does not
 * block the retry for longer than its hold lives.
 */
async function replay<T>(hold: Hold): Promise<ChargeResult<T>> {
  let current: Hold = hold;
  while (current.status === "PENDING") {
    const state = await holdState(hold);
    if (!state) break;
    current = state.hold;
    if (current.status === "PENDING" && state.due) {
      await expireHold(hold);
      current = (await findHoldById(hold.account, hold.id)) ?? current;
      break;
    }
    if (current.status === "PENDING") await new Promise((resolve) => setTimeout(resolve, REPLAY_WAIT_MS));
  }
  if (current.status !== "CAPTURED") throw new HoldNotPendingError(hold.id, current.status);
  return { result: current.result as T, captured: current.capturedAmount ?? 0n, hold: current, replayed: true };
}
