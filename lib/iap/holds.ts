import "server-only";
import { pool } from "@/lib/db/client";
import type { AccountRef } from "./accounts";
import type { Hold, HoldStatus } from "./ledger";

export async function findHoldById(account: AccountRef, holdId: number): Promise<Hold | null> {
  const { rows } = await pool().query(
    "SELECT id, amount, status, captured_amount, expires_at, result FROM credit_hold WHERE id = $1 AND account_id = $2",
    [holdId, account.id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    account,
    amount: BigInt(row.amount),
    status: row.status as HoldStatus,
    capturedAmount: row.captured_amount === null ? null : BigInt(row.captured_amount),
    expiresAt: row.expires_at,
    result: row.result,
    replayed: true,
  };
}
