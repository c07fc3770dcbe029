import "server-only";
import type { Pool, ClientBase } from "pg";
import { pool } from "@/lib/db/client";
import type { EmailContent } from "./templates";

// The outbox ("Outgoing E-mails"): every e-mail the product sends is first a
// row here, written in the same transaction as the change that caused it, and
// delivered afterwards by its own job (lib/mail/delivery.ts): a trigger on this
// table queues the job in the same transaction, whoever inserts the row. Nothing
// is lost when the mail server is down or not configured: the row waits, with
// its last error.

export type EmailState = "QUEUED" | "SENT" | "FAILED";

export interface NewEmail extends EmailContent {
  companyId: number | null;
  /** The sealed secret link that replaces SECRET_LINK at delivery (lib/mail/secret-link.ts). */
  sealedLink?: string | null;
  to: string;
  /** What queued it; unique, so a retried or concurrent request cannot queue it twice. */
  dedupeKey: string;
}

export interface OutboxRow {
  id: number;
  to: string;
  subject: string;
  state: EmailState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxEmail extends OutboxRow {
  html: string;
  text: string;
  messageId: string | null;
}

type Queryable = Pool | ClientBase;

/**
 * Inserts many e-mails in one statement (inside the caller's transaction when
 * given its client). A dedupe key already present is skipped: returns the ids
 * of the rows actually queued.
 */
export async function insertEmails(db: Queryable, emails: NewEmail[]): Promise<number[]> {
  if (emails.length === 0) return [];
  const { rows } = await db.query(
    `INSERT INTO outgoing_email (company_id, "to", subject, html, text, dedupe_key, sealed_link)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [
      emails.map((e) => e.companyId),
      emails.map((e) => e.to),
      emails.map((e) => e.subject),
      emails.map((e) => e.html),
      emails.map((e) => e.text),
      emails.map((e) => e.dedupeKey),
      emails.map((e) => e.sealedLink ?? null),
    ],
  );
  return rows.map((row) => row.id as number);
}

/** Queues one e-mail. `queued` is false when its dedupe key was already queued. */
export async function queueEmail(email: NewEmail, db: Queryable = pool()): Promise<{ id: number; queued: boolean }> {
  const [id] = await insertEmails(db, [email]);
  if (id !== undefined) return { id, queued: true };
  const { rows } = await db.query("SELECT id FROM outgoing_email WHERE dedupe_key = $1", [email.dedupeKey]);
  return { id: rows[0].id, queued: false };
}

const ROW_COLUMNS = `id, "to", subject, state, attempts, last_error, next_attempt_at, created_at, sent_at`;

function toRow(row: Record<string, unknown>): OutboxRow {
  return {
    id: row.id as number,
    to: row.to as string,
    subject: row.subject as string,
    state: row.state as EmailState,
    attempts: row.attempts as number,
    lastError: (row.last_error as string | null) ?? null,
    nextAttemptAt: row.next_attempt_at as Date,
    createdAt: row.created_at as Date,
    sentAt: (row.sent_at as Date | null) ?? null,
  };
}

export const OUTBOX_PAGE_SIZE = 50;

/** The company's e-mails, newest first, one page at a time. */
export async function listOutbox(companyId: number, page = 1): Promise<{ rows: OutboxRow[]; total: number; page: number; pages: number }> {
  // Bounded: an OFFSET past bigint (?page=1e30) would fail the query.
  const safePage = Math.min(Math.max(1, Math.floor(page) || 1), 100_000);
  const [list, count] = await Promise.all([
    pool().query(
      `SELECT ${ROW_COLUMNS} FROM outgoing_email WHERE company_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [companyId, OUTBOX_PAGE_SIZE, (safePage - 1) * OUTBOX_PAGE_SIZE],
    ),
    pool().query("SELECT count(*)::int AS total FROM outgoing_email WHERE company_id = $1", [companyId]),
  ]);
  const total = count.rows[0].total as number;
  return { rows: list.rows.map(toRow), total, page: safePage, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

export async function findEmail(companyId: number, id: number): Promise<OutboxEmail | null> {
  const { rows } = await pool().query(`SELECT ${ROW_COLUMNS}, html, text, message_id FROM outgoing_email WHERE id = $1 AND company_id = $2`, [
    id,
    companyId,
  ]);
  if (!rows[0]) return null;
  return { ...toRow(rows[0]), html: rows[0].html, text: rows[0].text, messageId: rows[0].message_id };
}

/**
 * Makes a failed or not-yet-delivered e-mail due now with a fresh set of
 * attempts (an admin's "Retry now"; lib/mail/delivery.ts queues its job). A
 * sent e-mail is never sent again. Returns false when there is nothing to retry.
 */
export async function requeueEmail(companyId: number, id: number): Promise<boolean> {
  const { rowCount } = await pool().query(
    `UPDATE outgoing_email SET state = 'QUEUED', attempts = 0, last_error = NULL, next_attempt_at = now()
      WHERE id = $1 AND company_id = $2 AND state IN ('QUEUED', 'FAILED')`,
    [id, companyId],
  );
  return rowCount === 1;
}
