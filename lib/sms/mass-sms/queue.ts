import "server-only";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SERVICES } from "@/lib/iap/catalogue";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { release, reserve } from "@/lib/iap/holds";
import { formatCredits } from "@/lib/iap/units";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { checkMessage, type SmsRefusal } from "../message";
import { creditsPerPart } from "../price";
import { loadPriceTable, smsService } from "../pricing";
import { planMassSms } from "./plan";

// Mass SMS, step 2: the intent, recorded at once. One credit hold for the whole
// batch; every message a QUEUED row; one "sms.mass-chunk" job per chunk
// (massSmsChunkSize: about ten seconds of sending). Rows and jobs are written in ONE transaction, so a
// batch either exists with all its jobs or not at all, and its jobs resume it
// after any crash or restart. Nothing is sent here (lib/sms/mass-sms/run.ts).

export const MASS_SMS_CHUNK = 500;
/** A chunk holds about this many seconds of sending at the configured pace. */
const CHUNK_SECONDS = 10;

/**
 * Messages per chunk job: MASS_SMS_CHUNK, or ten seconds' worth at the
 * configured pace when that is more. Between two chunks the gateway waits
 * while one job completes and the next starts (~0.1–0.4 s of database round
 * trips on a busy machine); ten seconds a chunk keeps that to a few percent
 * of the batch. Crash safety does not depend on it: each message is its own
 * key, and what is in flight at a crash is bounded by the claims (run.ts).
 */
export function massSmsChunkSize(ratePerSecond = env().SMS_RATE_PER_SECOND): number {
  return Math.max(MASS_SMS_CHUNK, Math.ceil(ratePerSecond * CHUNK_SECONDS));
}
/**
 * The batch's hold lives this long. The jobs finish a batch whatever happens
 * (restarts, gateway outages, rate limits), and a hold that expired before the
 * batch was charged would leave sent messages unpaid: so, long.
 */
export const BATCH_HOLD_TTL_SECONDS = 24 * 60 * 60;

export type QueueMassSmsResult =
  | { status: "queued"; batchKey: string; messages: number; duplicates: number; skipped: number; held: bigint; heldText: string; replayed: boolean }
  | { status: "invalid"; refusal: SmsRefusal }
  | { status: "insufficient"; error: InsufficientCreditsError };

export function batchHoldKey(batchKey: string) {
  return `sms-batch:${batchKey}`;
}

/** Plans, holds the total and records the intent with its jobs. */
export async function queueMassSms(input: {
  companyId: number;
  userId: number;
  contactIds: number[];
  body: string;
  /** One per "Send" in the dialog: a double-click queues one batch. */
  idempotencyKey: string;
  chunkSize?: number;
}): Promise<QueueMassSmsResult> {
  const checked = checkMessage(input.body);
  if (!checked.ok) return { status: "invalid", refusal: checked.problem };
  const { parts, encoding } = checked.segments;
  const batchKey = input.idempotencyKey;
  const [plan, prices, service] = await Promise.all([planMassSms(input.companyId, input.contactIds), loadPriceTable(), smsService()]);
  if (plan.recipients.length === 0) return { status: "invalid", refusal: { code: "noValidNumber" } };

  const credits = plan.recipients.map((r) => creditsPerPart(prices, r.country) * BigInt(parts));
  const total = credits.reduce((sum, c) => sum + c, 0n);
  const account = await getOrCreateAccount(input.companyId, SERVICES.sms);
  let hold;
  try {
    hold = await reserve(account, total, {
      idempotencyKey: batchHoldKey(batchKey),
      description: `Mass SMS to ${plan.recipients.length} numbers (${parts} SMS each)`,
      wording: { code: "massSms", params: { recipients: plan.recipients.length, parts } },
      reference: `sms-batch:${batchKey}`,
      createdById: input.userId,
      ttlSeconds: BATCH_HOLD_TTL_SECONDS,
    });
  } catch (error) {
    if (error instanceof InsufficientCreditsError) return { status: "insufficient", error };
    throw error;
  }
  const summary = {
    batchKey,
    messages: plan.recipients.length,
    duplicates: plan.duplicates.length,
    skipped: plan.skipped.length,
    held: hold.amount,
    heldText: formatCredits(hold.amount, service.decimals),
  };
  if (hold.replayed) return { status: "queued", ...summary, replayed: true };

  const rows = [
    ...plan.recipients.map((r, i) => ({ r, credits: credits[i], state: "QUEUED", reason: null })),
    ...plan.duplicates.map((r) => ({ r, credits: 0n, state: "CANCELED", reason: "duplicate-number" })),
  ];
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO sms_message (company_id, contact_id, number, body, encoding, parts, credits, state, failure_reason, batch_key, created_by_id)
       SELECT $1, t.contact_id, t.number, $2, $3::"SmsEncoding", $4, t.credits, t.state::"SmsState", t.reason, $5, $6
         FROM unnest($7::int[], $8::text[], $9::bigint[], $10::text[], $11::text[]) AS t(contact_id, number, credits, state, reason)
       RETURNING id, state`,
      [
        input.companyId,
        input.body,
        encoding,
        parts,
        batchKey,
        input.userId,
        rows.map((x) => x.r.contactId),
        rows.map((x) => x.r.e164),
        rows.map((x) => x.credits.toString()),
        rows.map((x) => x.state),
        rows.map((x) => x.reason),
      ],
    );
    const queuedIds = inserted.rows.filter((row) => (row as { state?: string }).state === "QUEUED").map((row) => row.id).sort((a, b) => a - b);
    const size = input.chunkSize ?? massSmsChunkSize();
    for (let i = 0; i < queuedIds.length; i += size) {
      const chunk = queuedIds.slice(i, i + size);
      // Ids of other batches may fall inside the range; the chunk also filters by batch.
      await enqueueJob("sms.mass-chunk", { companyId: input.companyId, batchKey, fromId: chunk[0], toId: chunk.at(-1)! }, { db: client });
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
    await release(hold);
    throw error;
  }
  client.release();
  return { status: "queued", ...summary, replayed: false };
}
