import "server-only";
import { getOrCreateAccount, type AccountRef } from "./accounts";
import type { ServiceName } from "./catalogue";
import { HoldNotPendingError } from "./errors";
import { findHoldById } from "./holds";
import { authorize, capture, release, type Hold } from "./ledger";

export interface ChargeOptions<T> {
  companyId: number;
  service: ServiceName | string;
  /** Units to reserve: the most the work may cost. */
  amount: bigint;
  /** One key per piece of work (e.g. `sms:<id>`): a retry or double-click charges once. */
  idempotencyKey: string;
  description: string;
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

const REPLAY_WAIT_MS = 100;

/**
 * Reserve → work → capture, the way every paid service is charged. Any
 * exception in `work` releases the hold and is re-thrown: a failed service costs
 * nothing. Throws InsufficientCreditsError before `work` runs when the account
 * cannot cover `amount`.
 */
export async function charge<T>(options: ChargeOptions<T>, work: (hold: Hold, account: AccountRef) => Promise<T>): Promise<ChargeResult<T>> {
  const account = await getOrCreateAccount(options.companyId, options.service);
  let hold = await authorize(account, options.amount, options);
  if (hold.replayed) return replay<T>(hold, options);

  let result: T;
  try {
    result = await work(hold, account);
  } catch (error) {
    await release(hold);
    throw error;
  }
  const actual = options.actualAmount ? options.actualAmount(result) : options.amount;
  try {
    const captured = await capture(hold, actual, { result });
    hold = { ...hold, status: "CAPTURED", capturedAmount: captured.captured };
    return { result, captured: captured.captured, hold, replayed: false };
  } catch (error) {
    // Capturing fails only if the hold expired while the work ran (it took
    // longer than ttlSeconds). The work is done; surface it rather than hide it.
    await release(hold);
    throw error;
  }
}

/** The same key again: wait for the first run to finish, then give back its result. */
async function replay<T>(hold: Hold, options: ChargeOptions<T>): Promise<ChargeResult<T>> {
  const deadline = Date.now() + (options.ttlSeconds ?? 900) * 1000;
  let current = hold;
  while (current.status === "PENDING" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, REPLAY_WAIT_MS));
    current = (await findHoldById(hold.account, hold.id)) ?? current;
  }
  if (current.status !== "CAPTURED") throw new HoldNotPendingError(hold.id, current.status);
  return { result: current.result as T, captured: current.capturedAmount ?? 0n, hold: current, replayed: true };
}
