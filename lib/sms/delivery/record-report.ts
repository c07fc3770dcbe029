import "server-only";
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { SERVICES } from "@/lib/iap/catalogue";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { failurePolicy, type SmsDeliveryFailure } from "./failure-policy";

// Delivery reports: what the carrier says happened to a message after the
// gateway accepted it. Twilio's status callbacks (app/api/sms/status) and the
// test gateway's simulated reports (simulate.ts) both land here.
//
// Reports are replayed and arrive out of order (Twilio retries; "sent" and
// "delivered" race), so a state only moves forward: each state has a rank and
// the UPDATE changes the row only when the new rank is higher, in one
// statement — a late "sent" never overwrites "delivered", and the first final
// state (delivered or failed) stays. A refundable failure gives the message's
// credits back with a REFUND ledger entry in the same transaction, guarded by
// refunded_at (set once) and the entry's idempotency key (one per message).

/** Twilio's MessageStatus values (twilio.com/docs/messaging/api/message-resource#message-status-values). */
export type CarrierStatus =
  | "accepted"
  | "scheduled"
  | "queued"
  | "sending"
  | "sent"
  | "delivered"
  | "read"
  | "undelivered"
  | "failed"
  | "canceled";

type TrackedState = "SENT" | "DELIVERED" | "FAILED";

/** The state a carrier status moves a message to; null for statuses that say nothing new (queued, sending…). */
function stateFor(status: string): TrackedState | null {
  switch (status) {
    case "sent":
      return "SENT";
    case "delivered":
    case "read":
      return "DELIVERED";
    case "undelivered":
    case "failed":
      return "FAILED";
    default:
      return null;
  }
}

// QUEUED (and SENDING, while the job system sends it) < SENT < DELIVERED = FAILED.
// ERROR and CANCELED never reached the carrier: no report changes them.
const RANK = `CASE $STATE::text WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 WHEN 'FAILED' THEN 2 WHEN 'ERROR' THEN 9 WHEN 'CANCELED' THEN 9 ELSE 0 END`;
const rank = (expression: string) => RANK.replace("$STATE", expression);

export interface DeliveryReport {
  /** The gateway's message id (Twilio's MessageSid). */
  gatewayId: string;
  status: string;
  /** Twilio's ErrorCode, when the report has one. */
  errorCode: number | null;
}

export type DeliveryReportOutcome =
  /** No message of ours has this id: ignored. */
  | { status: "unknown" }
  /** Known, but the report is old news (a replay, or behind the state we have). */
  | { status: "unchanged"; smsId: number }
  | { status: "updated"; smsId: number; state: TrackedState; reason: SmsDeliveryFailure | null; refunded: bigint };

export async function recordDeliveryReport(report: DeliveryReport): Promise<DeliveryReportOutcome> {
  const target = stateFor(report.status);
  const policy = target === "FAILED" ? failurePolicy(report.errorCode) : null;
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: number; company_id: number; credits: string; number: string }>(
      `UPDATE sms_message m
          SET state = $2::text::"SmsState",
              delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE m.delivered_at END,
              failed_at = CASE WHEN $2 = 'FAILED' THEN now() ELSE m.failed_at END,
              failure_reason = CASE WHEN $2 = 'FAILED' THEN $3 ELSE m.failure_reason END,
              carrier_error_code = COALESCE($4, m.carrier_error_code),
              sent_at = COALESCE(m.sent_at, now())
        WHERE m.gateway_id = $1 AND ${rank("m.state")} < ${rank("$2")}
        RETURNING m.id, m.company_id, m.credits, m.number`,
      [report.gatewayId, target ?? "QUEUED", policy?.reason ?? null, report.errorCode],
    );
    const moved = rows[0];
    if (!moved) {
      const known = await client.query<{ id: number }>("SELECT id FROM sms_message WHERE gateway_id = $1 LIMIT 1", [report.gatewayId]);
      return known.rows[0] ? { status: "unchanged", smsId: known.rows[0].id } : { status: "unknown" };
    }
    const refunded = policy?.refundable ? await refundOnce(client, moved) : 0n;
    return { status: "updated", smsId: moved.id, state: target!, reason: policy?.reason ?? null, refunded };
  });
}

async function refundOnce(client: pg.ClientBase, sms: { id: number; company_id: number; credits: string; number: string }): Promise<bigint> {
  const credits = BigInt(sms.credits);
  if (credits <= 0n) return 0n;
  const { rowCount } = await client.query("UPDATE sms_message SET refunded_at = now() WHERE id = $1 AND refunded_at IS NULL", [sms.id]);
  if (rowCount === 0) return 0n;
  const account = await getOrCreateAccount(sms.company_id, SERVICES.sms);
  await grant(account, credits, {
    kind: "REFUND",
    description: `SMS to ${sms.number} not delivered: credits refunded`,
    wording: { code: "smsRefund", params: { number: sms.number } },
    reference: `sms:${sms.id}`,
    idempotencyKey: `sms-refund:${sms.id}`,
    db: client,
  });
  return credits;
}
