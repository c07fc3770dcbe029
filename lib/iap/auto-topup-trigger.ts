import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";

/**
 * Sets (or clears, with null) the balance below which a debit or capture
 * reports `balance.below-topup` (lib/iap/events.ts). lib/billing keeps the
 * auto top-up settings and calls this in the same transaction as it saves
 * them, so the trigger and the settings never disagree.
 */
export async function setAutoTopupTrigger(accountId: number, below: bigint | null, db: pg.ClientBase | pg.Pool = pool()): Promise<void> {
  await db.query("UPDATE iap_account SET auto_topup_below = $2 WHERE id = $1", [accountId, below]);
}
