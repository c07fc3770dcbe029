import "server-only";
import { pool } from "@/lib/db/client";
import type { AccountRef } from "./accounts";
import type { Hold, HoldStatus } from "./ledger";

export async function findHoldById(account: AccountRef, holdId: number): Promise<Hold | null> {
  return (await holdState({ id: holdId, account }))?.hold ?? null;
}

/**
 * A hold as the database sees it now, with whether it is past its expiry —
 * judged by the database's clock, the one capture and the sweep use.
 */
export async function holdState(hold: Pick<Hold, "id" | "account">): Promise<{ hold: Hold; due: boolean } | null> {
  const { account } = hold;
  const { rows } = await pool().query(
    "SELECT id, amount, status, captured_amount, expires_at, result, expires_at <= now() AS due FROM credit_hold WHERE id = $1 AND account_id = $2",
    [hold.id, account.id],
  );
  const row = rows[0];
  if (!row) return null;
  const found: Hold = {
    id: row.id,
    account,
    amount: BigInt(row.amount),
    status: row.status as HoldStatus,
    capturedAmount: row.captured_amount === null ? null : BigInt(row.captured_amount),
    expiresAt: row.expires_at,
    result: row.result,
    replayed: true,
  };
  return { hold: found, due: row.due as boolean };
}
