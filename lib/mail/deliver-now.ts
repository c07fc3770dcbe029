import "server-only";
import { deliverOutbox } from "./delivery";
import { mailTransport } from "./transport";

/** How an e-mail someone is waiting for fared when sent at once. */
export type DeliveryNow = "sent" | "not-delivered" | "retrying";

/**
 * Delivers queued e-mails now rather than at the next scheduled run: for
 * messages a person waits for (an invitation, a password reset). Safe beside
 * the scheduled delivery (rows are claimed), and a failure stays queued for it.
 */
export async function deliverNow(ids: number[]): Promise<DeliveryNow> {
  const counts = await deliverOutbox({ ids });
  if (counts.sent === ids.length) return "sent";
  return mailTransport().smtp ? "retrying" : "not-delivered";
}
