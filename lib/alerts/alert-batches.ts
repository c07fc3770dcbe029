import "server-only";
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { emitWebhookEvents } from "@/lib/events/emit";
import { insertEmails, type NewEmail } from "@/lib/mail/outbox";
import { alertAccountResource, type AlertAccountRow } from "./account-resource";

/** An account an alert job just claimed, with what every alert e-mail names (bigint columns arrive as text). */
export interface ClaimedAccountRow extends AlertAccountRow {
  company_id: number;
  company_name: string;
  warning_locale: string | null;
  company_locale: string | null;
}

/**
 * How the low-credit and empty-account alerts go out: batch after batch, one
 * transaction each, `claim` marks up to `batchSize` due accounts as alerted
 * (an UPDATE … RETURNING that skips locked rows, so two sweeps never claim one
 * account), then the e-mails `emailsFor` writes are queued and the account's
 * webhook event emitted in that same transaction: an alert is recorded, mailed
 * and announced together or not at all. Returns how many e-mails were queued.
 */
export async function alertInBatches<R extends ClaimedAccountRow>({
  batchSize,
  event,
  claim,
  emailsFor,
}: {
  batchSize: number;
  event: "balance.low" | "balance.empty";
  claim: (client: pg.ClientBase) => Promise<R[]>;
  emailsFor: (rows: R[]) => Promise<NewEmail[]>;
}): Promise<number> {
  let queued = 0;
  for (;;) {
    const claimed = await withTransaction(async (client) => {
      const rows = await claim(client);
      queued += (await insertEmails(client, await emailsFor(rows))).length;
      await emitWebhookEvents(
        rows.map((row) => ({ companyId: row.company_id, type: event, data: { account: alertAccountResource(row) } })),
        { db: client },
      );
      return rows.length;
    });
    if (claimed < batchSize) return queued;
  }
}
