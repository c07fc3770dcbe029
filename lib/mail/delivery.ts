import "server-only";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { requeueEmail } from "./outbox";
import { mailTransport, NOT_DELIVERED_NO_SMTP, type MailTransport } from "./transport";

// Delivery of the outbox, safe on any number of instances at once:
//  1. claim: one statement picks due rows FOR UPDATE SKIP LOCKED and leases
//     them (locked_until) and counts the attempt — committed before anything
//     is sent, so a concurrent run skips them (never two sends of one row);
//  2. send, outside any transaction (SMTP can be slow or down);
//  3. record the outcome: SENT, or back to QUEUED with exponential backoff,
//     or FAILED after MAX_ATTEMPTS (an admin can retry it).
// A run that crashes between 1 and 3 leaves a lease that runs out: the row is
// sent again later (at least once; the stable Message-ID lets receivers spot
// the rare duplicate).
//
// Without SMTP_URL each row is composed by nodemailer exactly as it would be
// sent, then kept QUEUED with last_error NOT_DELIVERED_NO_SMTP and its
// Message-ID recorded. It costs no attempt and is not composed again; once
// SMTP_URL is set the next run delivers it.

export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_SECONDS = 60;
const BACKOFF_MAX_SECONDS = 6 * 60 * 60;
// Long enough for a claimed batch (100 rows, 4 at a time) even when every send
// runs into the 30 s connect + socket timeouts.
const LEASE_SECONDS = 15 * 60;
const SEND_CONCURRENCY = 4;

/** Seconds to wait after the n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_SECONDS);
}

export interface DeliveryCounts {
  /** Accepted by the SMTP server. */
  sent: number;
  /** Attempts that failed in this run (retried later, or FAILED after the last one). */
  failed: number;
  /** Composed and kept because no SMTP server is configured. */
  undelivered: number;
}

export interface DeliveryOptions {
  /** Only this company's e-mails. */
  companyId?: number;
  /** Only these e-mails. */
  ids?: number[];
  /** Rows claimed at a time. */
  limit?: number;
}

interface ClaimedRow {
  id: number;
  to: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
  messageId: string;
}

function messageIdFor(id: number, createdAt: Date): string {
  return `<outbox-${id}-${createdAt.getTime()}@${new URL(env().APP_URL).hostname}>`;
}

async function claim(smtp: boolean, options: DeliveryOptions): Promise<ClaimedRow[]> {
  // next_attempt_at is a timestamp(3): PostgreSQL rounds now() into it, so a
  // row made "due now" (queued, or an admin's Retry now) can read up to 0.5 ms
  // in the future. Comparing at the column's precision keeps it due at once.
  const { rows } = await pool().query(
    `WITH due AS (
       SELECT id FROM outgoing_email
        WHERE state = 'QUEUED' AND next_attempt_at <= now()::timestamp(3)
          AND (locked_until IS NULL OR locked_until < now())
          AND ($2 OR message_id IS NULL)
          AND ($3::int IS NULL OR company_id = $3)
          AND ($4::int[] IS NULL OR id = ANY($4))
        ORDER BY next_attempt_at, id
        LIMIT $5
        FOR UPDATE SKIP LOCKED
     )
     UPDATE outgoing_email o
        SET locked_until = now() + make_interval(secs => $1), attempts = o.attempts + CASE WHEN $2 THEN 1 ELSE 0 END
       FROM due WHERE o.id = due.id
     RETURNING o.id, o."to", o.subject, o.html, o.text, o.attempts, o.message_id, o.created_at`,
    [LEASE_SECONDS, smtp, options.companyId ?? null, options.ids ?? null, options.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    to: row.to,
    subject: row.subject,
    html: row.html,
    text: row.text,
    attempts: row.attempts,
    messageId: row.message_id ?? messageIdFor(row.id, row.created_at),
  }));
}

async function recordSent(id: number, messageId: string) {
  await pool().query(
    `UPDATE outgoing_email SET state = 'SENT', sent_at = now(), message_id = $2, last_error = NULL, locked_until = NULL WHERE id = $1`,
    [id, messageId],
  );
}

async function recordComposed(id: number, messageId: string) {
  await pool().query(`UPDATE outgoing_email SET message_id = $2, last_error = $3, locked_until = NULL WHERE id = $1`, [
    id,
    messageId,
    NOT_DELIVERED_NO_SMTP,
  ]);
}

async function recordFailure(row: ClaimedRow, error: string, countsAsAttempt: boolean) {
  const gaveUp = countsAsAttempt && row.attempts >= MAX_ATTEMPTS;
  await pool().query(
    `UPDATE outgoing_email
        SET state = $2::"EmailState", last_error = $3, locked_until = NULL,
            next_attempt_at = now() + make_interval(secs => $4)
      WHERE id = $1`,
    [row.id, gaveUp ? "FAILED" : "QUEUED", error.slice(0, 2000), backoffSeconds(row.attempts)],
  );
}

/** Sends what is due in the outbox, batch after batch. Safe to call from many processes at once. */
export async function deliverOutbox(options: DeliveryOptions = {}): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, failed: 0, undelivered: 0 };
  const transport = mailTransport();
  const limit = options.limit ?? 100;
  for (;;) {
    const rows = await claim(transport.smtp, { ...options, limit });
    if (rows.length === 0) break;
    await deliverBatch(transport, rows, counts);
    if (rows.length < limit) break;
  }
  return counts;
}

async function deliverBatch(transport: MailTransport, rows: ClaimedRow[], counts: DeliveryCounts) {
  // One check of the server and login up front: when it is down, every claimed
  // row records the same clear error at once instead of each waiting on it.
  const unreachable = await transport.verify().then(
    () => null,
    (error: Error) => error.message,
  );
  // A few at a time: one slow message doesn't hold up the batch, and the mail
  // server sees at most SEND_CONCURRENCY connections from this process.
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      if (unreachable) {
        await recordFailure(row, unreachable, true);
        counts.failed++;
        continue;
      }
      const message = { to: row.to, subject: row.subject, html: row.html, text: row.text, messageId: row.messageId, headers: { "X-Outbox-Id": String(row.id) } };
      try {
        const result = await transport.send(message);
        if (result.delivered) {
          await recordSent(row.id, row.messageId);
          counts.sent++;
        } else {
          await recordComposed(row.id, row.messageId);
          counts.undelivered++;
        }
      } catch (error) {
        await recordFailure(row, error instanceof Error ? error.message : String(error), transport.smtp);
        counts.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, rows.length) }, worker));
}

export type RetryOutcome =
  | { ok: true; status: "sent"; message: string }
  | { ok: false; status: "not-delivered" | "failed" | "not-retriable"; message: string };

/** An admin's "Retry now": due at once with fresh attempts, then delivered right away. */
export async function retryEmail(companyId: number, id: number): Promise<RetryOutcome> {
  if (!(await requeueEmail(companyId, id))) {
    return { ok: false, status: "not-retriable", message: "This e-mail was already sent, is being sent right now, or does not exist." };
  }
  const counts = await deliverOutbox({ companyId, ids: [id] });
  if (counts.sent) return { ok: true, status: "sent", message: "Sent." };
  if (!mailTransport().smtp) {
    return { ok: false, status: "not-delivered", message: `${NOT_DELIVERED_NO_SMTP}. The message stays here and goes out once it is set.` };
  }
  const { rows } = await pool().query("SELECT last_error FROM outgoing_email WHERE id = $1 AND company_id = $2", [id, companyId]);
  return { ok: false, status: "failed", message: `Sending failed: ${rows[0]?.last_error ?? "unknown error"}. It will be retried automatically.` };
}
