// What the outbox shows for a row. The database keeps three states (QUEUED,
// SENT, FAILED); a queued row that was composed without an SMTP server, or
// whose last attempt failed, reads differently to an admin. A status is a
// code; its words are outbox.status.<code> in messages/<locale>/outbox.json.
import type { EmailState } from "./outbox";

export const NOT_DELIVERED_PREFIX = "Not delivered:";
/** The marker a row composed without an SMTP server keeps: the pages word it (outbox.notDeliveredNoSmtp). */
export const NOT_DELIVERED_NO_SMTP = `${NOT_DELIVERED_PREFIX} no SMTP server is configured (set SMTP_URL)`;
/** What a row whose sealed link cannot be opened any more keeps (outbox.secretLinkLost). */
export const SECRET_LINK_LOST = "The secret link of this e-mail can no longer be opened (NEXTAUTH_SECRET changed since it was queued): send a new one.";

export type EmailStatus = "queued" | "retrying" | "not-delivered" | "sent" | "failed";

export function emailStatus(row: { state: EmailState; lastError: string | null }): EmailStatus {
  if (row.state === "SENT") return "sent";
  if (row.state === "FAILED") return "failed";
  if (row.lastError?.startsWith(NOT_DELIVERED_PREFIX)) return "not-delivered";
  return row.lastError ? "retrying" : "queued";
}

/** Rows an admin may retry now: failed, waiting for a retry, or kept for lack of SMTP. */
export function canRetry(row: { state: EmailState; lastError: string | null }): boolean {
  const status = emailStatus(row);
  return status === "failed" || status === "retrying" || status === "not-delivered";
}
