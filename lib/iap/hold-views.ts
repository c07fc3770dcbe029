import "server-only";
import { pool } from "@/lib/db/client";
import { getService } from "./accounts";
import { serviceNameSchema } from "./catalogue";
import { toHold, type HoldRow } from "./holds";
import type { AccountRef, Hold } from "./types";

// Reading holds: one by id, with whether it is due, or a company's hold with
// what it was for (the public API's GET /holds/{id}).

export async function findHoldById(account: AccountRef, holdId: number): Promise<Hold | null> {
  return (await holdState({ id: holdId, account }))?.hold ?? null;
}

/**
 * A hold as the database sees it now, with whether it is past its expiry —
 * judged by the database's clock, the one capture and the sweep use.
 */
export async function holdState(hold: Pick<Hold, "id" | "account">): Promise<{ hold: Hold; due: boolean } | null> {
  const { account } = hold;
  const { rows } = await pool().query<HoldRow & { due: boolean }>(
    "SELECT id, amount, status, captured_amount, expires_at, result, expires_at <= now() AS due FROM credit_hold WHERE id = $1 AND account_id = $2",
    [hold.id, account.id],
  );
  const row = rows[0];
  if (!row) return null;
  return { hold: toHold(account, row, true), due: row.due };
}

export interface HoldDetail extends Hold {
  description: string;
  reference: string | null;
  createdAt: Date;
}

/** A hold by id within the company that asks (another company's hold is simply not found), with what it was for. */
export async function findCompanyHold(companyId: number, holdId: number): Promise<HoldDetail | null> {
  const { rows } = await pool().query<HoldRow & { description: string; reference: string | null; created_at: Date; account_id: number; technical_name: string }>(
    `SELECT h.id, h.amount, h.status, h.captured_amount, h.expires_at, h.result, h.description, h.reference, h.created_at,
            a.id AS account_id, s.technical_name
       FROM credit_hold h JOIN iap_account a ON a.id = h.account_id JOIN iap_service s ON s.id = a.service_id
      WHERE h.id = $1 AND a.company_id = $2`,
    [holdId, companyId],
  );
  const row = rows[0];
  if (!row) return null;
  const account = { id: row.account_id, companyId, service: await getService(serviceNameSchema.parse(row.technical_name)) };
  return { ...toHold(account, row, true), description: row.description, reference: row.reference, createdAt: row.created_at };
}
