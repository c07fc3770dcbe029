import "server-only";
import { pool } from "@/lib/db/client";
import { SERVICES } from "@/lib/iap/catalogue";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import type { AccountRef } from "@/lib/iap/types";
import { HoldNotPendingError } from "@/lib/iap/errors";
import { capture } from "@/lib/iap/holds";
import { debit } from "@/lib/iap/ledger";
import { formatE164 } from "@/lib/contacts/phone";
import { failedLog, sentLog, type SmsSendFailure } from "../send-sms";
import { batchHoldKey } from "./queue";

// Mass SMS, what a run writes: outcomes (with their chatter entries) and, once
// the batch has nothing left to send, its one charge.

export interface SendingRow {
  id: number;
  contact_id: number | null;
  number: string;
  body: string;
  parts: number;
  credits: string;
  created_by_id: number | null;
}

export type Outcome = { row: SendingRow; gatewayId: string; reason?: undefined } | { row: SendingRow; gatewayId?: undefined; reason: SmsSendFailure };

/** Contacts whose number another contact of the batch has (CANCELED as duplicates): they get the same log line when it is sent. */
export async function sharedNumbers(companyId: number, batchKey: string): Promise<Map<string, number[]>> {
  const { rows } = await pool().query<{ contact_id: number; number: string }>(
    `SELECT contact_id, number FROM sms_message
      WHERE company_id = $1 AND batch_key = $2 AND state = 'CANCELED' AND contact_id IS NOT NULL`,
    [companyId, batchKey],
  );
  const sharing = new Map<string, number[]>();
  for (const d of rows) sharing.set(d.number, [...(sharing.get(d.number) ?? []), d.contact_id]);
  return sharing;
}

/**
 * Outcomes and their chatter entries in ONE statement: all recorded, or none.
 * Only rows still SENDING change, so an outcome is recorded once.
 */
export async function recordOutcomes(companyId: number, outcomes: Outcome[], decimals: number, sharing: Map<string, number[]>): Promise<void> {
  if (outcomes.length === 0) return;
  const chatterContacts: number[] = [];
  const chatterBodies: string[] = [];
  const chatterCodes: string[] = [];
  const chatterParams: string[] = [];
  const chatterSms: number[] = [];
  for (const outcome of outcomes) {
    const { row } = outcome;
    const international = formatE164(row.number);
    const log = outcome.gatewayId !== undefined ? sentLog(international, row.parts, BigInt(row.credits), decimals) : failedLog(international, outcome.reason);
    for (const contactId of [row.contact_id, ...(outcome.gatewayId !== undefined ? (sharing.get(row.number) ?? []) : [])]) {
      if (contactId === null) continue;
      chatterContacts.push(contactId);
      chatterBodies.push(row.body);
      chatterCodes.push(log.code);
      chatterParams.push(JSON.stringify(log.params));
      chatterSms.push(row.id);
    }
  }
  await pool().query(
    `WITH outcome AS (
       UPDATE sms_message m
          SET state = CASE WHEN u.gateway_id IS NULL THEN 'ERROR'::"SmsState" ELSE 'SENT'::"SmsState" END,
              gateway_id = u.gateway_id,
              failure_reason = u.reason,
              credits = CASE WHEN u.gateway_id IS NULL THEN 0 ELSE m.credits END,
              sent_at = CASE WHEN u.gateway_id IS NULL THEN NULL ELSE now() END
         FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, gateway_id, reason)
        WHERE m.id = u.id AND m.company_id = $4 AND m.state = 'SENDING'
        RETURNING m.id
     )
     INSERT INTO chatter_message (contact_id, kind, body, code, params, author_id, sms_id)
     SELECT c.contact_id, 'SMS', c.body, c.code, c.params, $7, c.sms_id
       FROM unnest($5::int[], $6::text[], $8::int[], $9::text[], $10::jsonb[]) AS c(contact_id, body, sms_id, code, params)
      WHERE EXISTS (SELECT 1 FROM outcome)`,
    [
      outcomes.map((o) => o.row.id),
      outcomes.map((o) => o.gatewayId ?? null),
      outcomes.map((o) => o.reason ?? null),
      companyId,
      chatterContacts,
      chatterBodies,
      outcomes[0].row.created_by_id,
      chatterSms,
      chatterCodes,
      chatterParams,
    ],
  );
}

export async function findBatchHold(account: AccountRef, batchKey: string): Promise<{ id: number; status: string } | null> {
  const { rows } = await pool().query("SELECT id, status FROM credit_hold WHERE account_id = $1 AND idempotency_key = $2", [account.id, batchHoldKey(batchKey)]);
  return rows[0] ?? null;
}

/**
 * Once no message of the batch is left to send, captures what the sent ones
 * cost, once (the hold resolves once; a second caller gets the first capture
 * back); the rest of the hold goes back to the account. Returns false while
 * messages remain.
 */
export async function settleBatch(companyId: number, batchKey: string): Promise<boolean> {
  const { rows } = await pool().query<{ pending: number; used: string }>(
    `SELECT count(*) FILTER (WHERE state IN ('QUEUED', 'SENDING'))::int AS pending,
            -- Everything the gateway accepted is charged; refundable carrier failures come back one by one (delivery reports).
            COALESCE(sum(credits) FILTER (WHERE state IN ('SENT', 'DELIVERED', 'FAILED')), 0) AS used
       FROM sms_message WHERE company_id = $1 AND batch_key = $2`,
    [companyId, batchKey],
  );
  if (rows[0].pending > 0) return false;
  const account = await getOrCreateAccount(companyId, SERVICES.sms);
  const hold = await findBatchHold(account, batchKey);
  if (!hold || hold.status === "CAPTURED" || hold.status === "RELEASED") return true;
  const used = BigInt(rows[0].used);
  try {
    await capture({ id: hold.id, account }, used);
  } catch (error) {
    if (!(error instanceof HoldNotPendingError) || error.status !== "EXPIRED") throw error;
    // The hold outlived its day (a batch stuck that long): charge what was sent
    // directly, once, so sent messages are never free.
    if (used > 0n) await debit(account, used, { idempotencyKey: `${batchHoldKey(batchKey)}:sent`, description: "Mass SMS (charged after its hold expired)", wording: { code: "massSmsLate", params: {} }, reference: `sms-batch:${batchKey}` });
  }
  return true;
}
