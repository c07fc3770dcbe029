import "server-only";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { JOBS } from "@/lib/jobs/list";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { PermanentJobError } from "@/lib/jobs/errors";
import { requeueEmail } from "./outbox";
import { deliverableContent, SecretLinkError } from "./secret-link";
import { NOT_DELIVERED_NO_SMTP } from "./status";
import { mailTransport, SmtpError } from "./transport";

// Delivery of the outbox, one e-mail per job ("mail.deliver", queued by the
// outgoing_email insert trigger in the same transaction as the row). The job
// system runs each job on one worker at a time, on any instance; this file
// only sends and records:
//   send, outside any transaction (SMTP can be slow or down) → SENT;
//   a temporary failure (server down, 4xx) → the row says so and the job is
//   tried again with graphile-worker's backoff, FAILED after its last attempt;
//   a permanent refusal (SMTP 5xx: no such mailbox, refused sender) → FAILED at once.
// A process killed between the send and the record sends it again when its job
// is retried (at least once; the stable Message-ID lets receivers spot the
// rare duplicate).
//
// Without SMTP_URL each row is composed by nodemailer exactly as it would be
// sent, then kept QUEUED with last_error NOT_DELIVERED_NO_SMTP and its
// Message-ID recorded. It costs no attempt; once SMTP_URL is set the mail
// sweep queues it again (enqueueUndeliveredEmails) and it goes out.

export const MAX_ATTEMPTS = JOBS["mail.deliver"].retry.maxAttempts;

/** graphile-worker's wait before the next attempt after the n-th failure (exp(min(n, 10)) seconds), shown on the outbox page. */
export function retryDelaySeconds(attempts: number): number {
  return Math.exp(Math.min(attempts, 10));
}

export type DeliveryOutcome = "sent" | "undelivered" | "failed" | "skipped";

export interface DeliveryAttempt {
  /** 1 for the first try. */
  number: number;
  /** No try comes after this one. */
  final: boolean;
}

interface OutboxRow {
  id: number;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The secret link, sealed, for e-mails that carry one (lib/mail/secret-link.ts). */
  sealed_link: string | null;
  message_id: string | null;
  created_at: Date;
}

function messageIdFor(id: number, createdAt: Date): string {
  return `<outbox-${id}-${createdAt.getTime()}@${new URL(env().APP_URL).hostname}>`;
}

/**
 * The server refused this recipient, sender or message with a 5xx: sending the
 * same message again cannot succeed. (A refused login or TLS failure is about
 * the configuration, which an operator fixes: those are retried.)
 */
function isPermanent(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; responseCode?: number } })?.cause;
  const code = cause?.responseCode;
  return (cause?.code === "EENVELOPE" || cause?.code === "EMESSAGE") && typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Sends one queued e-mail: the work of the "mail.deliver" job. Returns
 * "skipped" for a row that is gone or no longer queued (sent meanwhile,
 * retried from another path). Throws on a temporary failure so the job is
 * tried again; throws PermanentJobError once the e-mail is marked FAILED.
 */
export async function deliverEmail(emailId: number, attempt: DeliveryAttempt = { number: 1, final: false }): Promise<DeliveryOutcome> {
  const transport = mailTransport();
  const { rows } = await pool().query<OutboxRow>(
    `SELECT id, "to", subject, html, text, sealed_link, message_id, created_at FROM outgoing_email WHERE id = $1 AND state = 'QUEUED'`,
    [emailId],
  );
  const row = rows[0];
  if (!row) return "skipped";
  const messageId = row.message_id ?? messageIdFor(row.id, row.created_at);
  let content: { html: string; text: string };
  try {
    content = deliverableContent({ html: row.html, text: row.text, sealedLink: row.sealed_link });
  } catch (error) {
    if (!(error instanceof SecretLinkError)) throw error;
    // No later attempt can open it either: failed at once, with the fix named.
    await pool().query(`UPDATE outgoing_email SET state = 'FAILED', last_error = $2, attempts = attempts + 1 WHERE id = $1 AND state = 'QUEUED'`, [row.id, error.message]);
    throw new PermanentJobError(error.message, { cause: error });
  }
  try {
    const result = await transport.send({ to: row.to, subject: row.subject, html: content.html, text: content.text, messageId, headers: { "X-Outbox-Id": String(row.id) } });
    if (!result.delivered) {
      await pool().query(`UPDATE outgoing_email SET message_id = $2, last_error = $3 WHERE id = $1 AND state = 'QUEUED'`, [row.id, messageId, NOT_DELIVERED_NO_SMTP]);
      return "undelivered";
    }
    await pool().query(`UPDATE outgoing_email SET state = 'SENT', sent_at = now(), message_id = $2, last_error = NULL, attempts = attempts + 1 WHERE id = $1 AND state = 'QUEUED'`, [
      row.id,
      messageId,
    ]);
    return "sent";
  } catch (error) {
    const message = (error instanceof SmtpError ? error.message : `Sending failed: ${(error as Error)?.message ?? String(error)}`).slice(0, 2000);
    const permanent = isPermanent(error);
    const giveUp = permanent || attempt.final;
    await pool().query(
      `UPDATE outgoing_email
          SET state = $2::"EmailState", last_error = $3, attempts = attempts + 1,
              next_attempt_at = now() + make_interval(secs => $4)
        WHERE id = $1 AND state = 'QUEUED'`,
      [row.id, giveUp ? "FAILED" : "QUEUED", message, giveUp ? 0 : retryDelaySeconds(attempt.number)],
    );
    if (giveUp) throw new PermanentJobError(message, { cause: error });
    throw new SmtpError(message, { cause: error });
  }
}

/**
 * The mail sweep: queued e-mails with no delivery job get one — rows composed
 * while no SMTP server was configured (once it is), and rows written before the
 * job queue existed. Returns how many it queued.
 */
export async function enqueueUndeliveredEmails(limit = 1000): Promise<number> {
  // next_attempt_at is a timestamp(3): a row made due "now" can read up to
  // 0.5 ms in the future; compared at the column's precision it is due at once.
  const smtp = mailTransport().smtp;
  const { rows } = await pool().query<{ id: number; company_id: number | null }>(
    `SELECT o.id, o.company_id FROM outgoing_email o
      WHERE o.state = 'QUEUED' AND o.next_attempt_at <= now()::timestamp(3) AND ($1 OR o.message_id IS NULL)
        AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'mail.deliver:' || o.id)
      ORDER BY o.id LIMIT $2`,
    [smtp, limit],
  );
  for (const row of rows) {
    await enqueueJob("mail.deliver", { emailId: row.id, companyId: row.company_id }, { dedupe: true });
  }
  return rows.length;
}

export type RetryOutcome = { status: "sent" } | { status: "not-delivered" | "failed" | "queued"; lastError: string | null } | { status: "not-retriable" };

const RETRY_WAIT_MS = 15_000;

/**
 * An admin's "Retry now": the e-mail is due at once with fresh attempts, its
 * job is queued again, and the answer waits (a few seconds at most) for that
 * attempt's outcome. An e-mail being sent right now is left to that attempt.
 */
export async function retryEmail(companyId: number, id: number): Promise<RetryOutcome> {
  const running = await pool().query("SELECT 1 FROM graphile_worker.jobs WHERE key = $1 AND locked_at IS NOT NULL", [`mail.deliver:${id}`]);
  if (running.rowCount || !(await requeueEmail(companyId, id))) return { status: "not-retriable" };
  await enqueueJob("mail.deliver", { emailId: id, companyId });
  const deadline = Date.now() + RETRY_WAIT_MS;
  for (;;) {
    const { rows } = await pool().query<{ state: string; last_error: string | null; message_id: string | null }>(
      "SELECT state, last_error, message_id FROM outgoing_email WHERE id = $1 AND company_id = $2",
      [id, companyId],
    );
    const row = rows[0];
    if (row?.state === "SENT") return { status: "sent" };
    if (row?.state === "FAILED") return { status: "failed", lastError: row.last_error };
    if (row?.last_error === NOT_DELIVERED_NO_SMTP && row.message_id) return { status: "not-delivered", lastError: row.last_error };
    if (row?.last_error && row.last_error !== NOT_DELIVERED_NO_SMTP) return { status: "failed", lastError: row.last_error };
    if (Date.now() > deadline) return { status: "queued", lastError: null };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
