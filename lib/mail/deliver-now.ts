import "server-only";
import { pool } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { deliverEmail } from "./delivery";
import { mailTransport } from "./transport";

/** How an e-mail someone is waiting for fared when sent at once. */
export type DeliveryNow = "sent" | "not-delivered" | "retrying";

const WAIT_FOR_RUNNING_MS = 10_000;

/**
 * Delivers queued e-mails now, in this request, rather than when a runner
 * picks up their "mail.deliver" job: for messages a person waits for (an
 * invitation, a password reset), and on instances that run no jobs. Each
 * e-mail's waiting job is taken off the queue first (graphile-worker's
 * remove_job), so no runner sends it beside us; one a runner is sending right
 * now is waited for instead. A temporary failure puts its job back, due when
 * the row says, so the retries go on as usual.
 */
export async function deliverNow(ids: number[]): Promise<DeliveryNow> {
  let sent = 0;
  for (const id of ids) if ((await deliverOneNow(id)) === "sent") sent++;
  if (sent === ids.length) return "sent";
  return mailTransport().smtp ? "retrying" : "not-delivered";
}

async function deliverOneNow(id: number): Promise<"sent" | "other"> {
  const { rows } = await pool().query<{ locked_at: Date | null }>("SELECT locked_at FROM graphile_worker.remove_job($1)", [`mail.deliver:${id}`]);
  if (rows[0]?.locked_at) return waitForOutcome(id);
  try {
    return (await deliverEmail(id)) === "sent" ? "sent" : "other";
  } catch {
    // Recorded on the row by deliverEmail; unless it gave up (FAILED), its job comes back for the next attempt.
    const { rows: queued } = await pool().query<{ company_id: number | null; next_attempt_at: Date }>(
      "SELECT company_id, next_attempt_at FROM outgoing_email WHERE id = $1 AND state = 'QUEUED'",
      [id],
    );
    if (queued[0]) await enqueueJob("mail.deliver", { emailId: id, companyId: queued[0].company_id }, { runAt: queued[0].next_attempt_at });
    return "other";
  }
}

async function waitForOutcome(id: number): Promise<"sent" | "other"> {
  const deadline = Date.now() + WAIT_FOR_RUNNING_MS;
  while (Date.now() < deadline) {
    const { rows } = await pool().query<{ state: string }>("SELECT state FROM outgoing_email WHERE id = $1", [id]);
    if (rows[0]?.state === "SENT") return "sent";
    if (rows[0]?.state !== "QUEUED") return "other";
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return "other";
}
