import "server-only";
import { pool } from "@/lib/db/client";
import { getService, type AccountRef } from "./accounts";
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
  return { hold: toHold(account, row), due: row.due as boolean };
}

function toHold(account: AccountRef, row: Record<string, unknown>): Hold {
  return {
    id: row.id as number,
    account,
    amount: BigInt(row.amount as string),
    status: row.status as HoldStatus,
    capturedAmount: row.captured_amount === null ? null : BigInt(row.captured_amount as string),
    expiresAt: row.expires_at as Date,
    result: row.result,
    replayed: true,
  };
}

export interface HoldDetail extends Hold {
  description: string;
  reference: string | null;
  createdAt: Date;
}

/** A hold by id within the company that asks (another company's hold is simply not found), with what it was for. */
export async function findCompanyHold(companyId: number, holdId: number): Promise<HoldDetail | null> {
  const { rows } = await pool().query(
    `SELECT h.id, h.amount, h.status, h.captured_amount, h.expires_at, h.result, h.description, h.reference, h.created_at,
            a.id AS account_id, s.technical_name
       FROM credit_hold h JOIN iap_account a ON a.id = h.account_id JOIN iap_service s ON s.id = a.service_id
      WHERE h.id = $1 AND a.company_id = $2`,
    [holdId, companyId],
  );
  const row = rows[0];
  if (!row) return null;
  const account = { id: row.account_id, companyId, service: await getService(row.technical_name) };
  return { ...toHold(account, row), description: row.description, reference: row.reference, createdAt: row.created_at };
}
