import "server-only";
import { pool } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import type { AccountRef } from "@/lib/iap/types";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { reserve, capture, release } from "@/lib/iap/holds";
import { formatCredits } from "@/lib/iap/units";
import { smsGateway, SmsGatewayError, type SmsGateway } from "./gateways";
import { formatE164, parsePhone } from "@/lib/contacts/phone";
import { creditsPerPart, type PriceTable } from "./price";
import { loadPriceTable, smsService } from "./pricing";
import { checkMessage } from "./message";
import { failedLogText, sentLogText, type SmsSendFailure } from "./send-sms";
import { SERVICES } from "@/lib/iap/catalogue";

// Mass SMS: one message to many contacts, charged as ONE hold for the batch.
//   queueMassSms  — plan recipients, hold the total, record every message as
//                   QUEUED (the intent) in one INSERT;
//   runMassSmsBatch — chunk by chunk: call the gateway (outside transactions),
//                   then record outcomes and chatter entries in one statement;
//                   finally capture what was sent and free the rest.
// Numbers are deduplicated: a number shared by several contacts gets the
// message once; the other contacts' rows are CANCELED as duplicates and their
// chatters get the same log line.

export interface PlannedRecipient {
  contactId: number;
  name: string;
  e164: string;
  international: string;
  country: string | null;
}

export interface SkippedRecipient {
  contactId: number;
  name: string;
  number: string | null;
  reason: "missing" | "invalid";
}

export interface MassSmsPlan {
  /** Contacts selected (that exist in the company). */
  total: number;
  /** One per distinct number. */
  recipients: PlannedRecipient[];
  /** Contacts whose number is already in `recipients`. */
  duplicates: PlannedRecipient[];
  skipped: SkippedRecipient[];
}

export const MASS_SMS_CHUNK = 500;
const GATEWAY_CONCURRENCY = 16;

/** Mobile first, then phone: the first one that is a valid number. */
export async function planMassSms(companyId: number, contactIds: number[]): Promise<MassSmsPlan> {
  const { rows } = await pool().query(
    `SELECT c.id, c.name, c.mobile, c.phone, c.country, co.country AS company_country
       FROM contact c JOIN company co ON co.id = c.company_id
      WHERE c.company_id = $1 AND c.id = ANY($2::int[])
      ORDER BY c.name, c.id`,
    [companyId, contactIds],
  );
  const plan: MassSmsPlan = { total: rows.length, recipients: [], duplicates: [], skipped: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    const countries = { contact: row.country, company: row.company_country };
    const raw = [row.mobile, row.phone].filter((n: string | null) => n && n.trim()) as string[];
    const phone = raw.map((n) => parsePhone(n, countries)).find(Boolean) ?? null;
    if (!phone) {
      plan.skipped.push({ contactId: row.id, name: row.name, number: raw[0] ?? null, reason: raw.length ? "invalid" : "missing" });
      continue;
    }
    const recipient = { contactId: row.id, name: row.name, e164: phone.e164, international: phone.international, country: phone.country };
    if (seen.has(phone.e164)) plan.duplicates.push(recipient);
    else (seen.add(phone.e164), plan.recipients.push(recipient));
  }
  return plan;
}

/** Per-country price groups, so the dialog can compute the total live for any message length. */
export function priceGroups(plan: MassSmsPlan, prices: PriceTable): { creditsPerPart: string; count: number }[] {
  const groups = new Map<string, number>();
  for (const r of plan.recipients) {
    const key = creditsPerPart(prices, r.country).toString();
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([creditsPerPart, count]) => ({ creditsPerPart, count }));
}

export type QueueMassSmsResult =
  | { status: "queued"; batchKey: string; messages: number; duplicates: number; skipped: number; held: bigint; heldText: string; replayed: boolean }
  | { status: "invalid"; message: string }
  | { status: "insufficient"; error: InsufficientCreditsError };

function holdKey(batchKey: string) {
  return `sms-batch:${batchKey}`;
}

/** Plans, holds the total and records the intent. Nothing is sent yet: runMassSmsBatch does that. */
export async function queueMassSms(input: {
  companyId: number;
  userId: number;
  contactIds: number[];
  body: string;
  /** One per "Send" in the dialog: a double-click queues one batch. */
  idempotencyKey: string;
}): Promise<QueueMassSmsResult> {
  const checked = checkMessage(input.body);
  if (!checked.ok) return { status: "invalid", message: checked.message };
  const { parts, encoding } = checked.segments;
  const batchKey = input.idempotencyKey;
  const [plan, prices, service] = await Promise.all([planMassSms(input.companyId, input.contactIds), loadPriceTable(), smsService()]);
  if (plan.recipients.length === 0) return { status: "invalid", message: "None of the selected contacts has a valid number." };

  const credits = plan.recipients.map((r) => creditsPerPart(prices, r.country) * BigInt(parts));
  const total = credits.reduce((sum, c) => sum + c, 0n);
  const account = await getOrCreateAccount(input.companyId, SERVICES.sms);
  let hold;
  try {
    hold = await reserve(account, total, {
      idempotencyKey: holdKey(batchKey),
      description: `Mass SMS to ${plan.recipients.length} numbers (${parts} SMS each)`,
      reference: `sms-batch:${batchKey}`,
      createdById: input.userId,
      // Long enough for a slow provider to work through the batch.
      ttlSeconds: 900 + Math.ceil(plan.recipients.length / 10),
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
  try {
    await pool().query(
      `INSERT INTO sms_message (company_id, contact_id, number, body, encoding, parts, credits, state, failure_reason, batch_key, created_by_id)
       SELECT $1, t.contact_id, t.number, $2, $3::"SmsEncoding", $4, t.credits, t.state::"SmsState", t.reason, $5, $6
         FROM unnest($7::int[], $8::text[], $9::bigint[], $10::text[], $11::text[]) AS t(contact_id, number, credits, state, reason)`,
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
  } catch (error) {
    await release(hold);
    throw error;
  }
  return { status: "queued", ...summary, replayed: false };
}

export interface MassSmsProgress {
  batchKey: string;
  /** Distinct numbers in the batch. */
  messages: number;
  queued: number;
  sent: number;
  failed: number;
  duplicates: number;
  /** Units captured, once done. */
  credits: bigint;
  creditsText: string;
  done: boolean;
  /** `reason`: an SmsSendFailure code, as stored on the message. */
  failures: { name: string; number: string; reason: string }[];
}

/**
 * Sends a queued batch. One runner per batch at a time (a session advisory lock
 * on a dedicated connection); a second call while one runs returns at once, and
 * a call after a crash resumes with the rows still QUEUED.
 */
export async function runMassSmsBatch(
  companyId: number,
  batchKey: string,
  options: { gateway?: SmsGateway; chunkSize?: number; onProgress?: (progress: { done: number }) => void } = {},
): Promise<MassSmsProgress> {
  const gateway = options.gateway ?? smsGateway();
  const chunkSize = options.chunkSize ?? MASS_SMS_CHUNK;
  const service = await smsService();
  const lock = await pool().connect();
  try {
    const { rows: locked } = await lock.query("SELECT pg_try_advisory_lock(hashtext('sms-batch'), hashtext($1)) AS ok", [`${companyId}:${batchKey}`]);
    if (!locked[0].ok) return massSmsProgress(companyId, batchKey);
    try {
      let processed = 0;
      for (;;) {
        const { rows } = await pool().query(
          `SELECT id, contact_id, number, body, parts, credits, created_by_id FROM sms_message
            WHERE company_id = $1 AND batch_key = $2 AND state = 'QUEUED' ORDER BY id LIMIT $3`,
          [companyId, batchKey, chunkSize],
        );
        if (rows.length === 0) break;
        const outcomes = await mapLimit(rows, GATEWAY_CONCURRENCY, async (row) => {
          try {
            return { id: (await gateway.send({ to: row.number, body: row.body })).id, reason: null as SmsSendFailure | null };
          } catch (error) {
            if (!(error instanceof SmsGatewayError)) console.error(`[sms] batch ${batchKey}: the gateway failed unexpectedly`, error);
            return { id: null, reason: (error instanceof SmsGatewayError ? error.code : "unexpected") as SmsSendFailure };
          }
        });
        await recordChunk(companyId, batchKey, rows, outcomes, service.decimals);
        processed += rows.length;
        options.onProgress?.({ done: processed });
      }
      await settleBatch(companyId, batchKey);
    } finally {
      await lock.query("SELECT pg_advisory_unlock(hashtext('sms-batch'), hashtext($1))", [`${companyId}:${batchKey}`]);
    }
  } finally {
    lock.release();
  }
  return massSmsProgress(companyId, batchKey);
}

interface QueuedRow {
  id: number;
  contact_id: number | null;
  number: string;
  body: string;
  parts: number;
  credits: string;
  created_by_id: number | null;
}

/** Outcomes and chatter entries of one chunk in ONE statement: all recorded, or none. */
async function recordChunk(companyId: number, batchKey: string, rows: QueuedRow[], outcomes: { id: string | null; reason: SmsSendFailure | null }[], decimals: number) {
  const numbers = rows.map((r) => r.number);
  const { rows: duplicates } = await pool().query(
    `SELECT contact_id, number FROM sms_message
      WHERE company_id = $1 AND batch_key = $2 AND state = 'CANCELED' AND number = ANY($3::text[]) AND contact_id IS NOT NULL`,
    [companyId, batchKey, numbers],
  );
  const sharing = new Map<string, number[]>();
  for (const d of duplicates) sharing.set(d.number, [...(sharing.get(d.number) ?? []), d.contact_id]);

  const chatterContacts: number[] = [];
  const chatterBodies: string[] = [];
  rows.forEach((row, i) => {
    const international = formatE164(row.number);
    const outcome = outcomes[i];
    const text = outcome.id
      ? sentLogText(international, row.parts, formatCredits(BigInt(row.credits), decimals), row.body)
      : failedLogText(international, outcome.reason ?? "unexpected", row.body);
    for (const contactId of [row.contact_id, ...(outcome.id ? (sharing.get(row.number) ?? []) : [])]) {
      if (contactId === null) continue;
      chatterContacts.push(contactId);
      chatterBodies.push(text);
    }
  });
  await pool().query(
    `WITH outcome AS (
       UPDATE sms_message m
          SET state = CASE WHEN u.gateway_id IS NULL THEN 'ERROR'::"SmsState" ELSE 'SENT'::"SmsState" END,
              gateway_id = u.gateway_id,
              failure_reason = u.reason,
              credits = CASE WHEN u.gateway_id IS NULL THEN 0 ELSE m.credits END,
              sent_at = CASE WHEN u.gateway_id IS NULL THEN NULL ELSE now() END
         FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, gateway_id, reason)
        WHERE m.id = u.id AND m.company_id = $4 AND m.state = 'QUEUED'
        RETURNING m.id
     )
     INSERT INTO chatter_message (contact_id, kind, body, author_id)
     SELECT c.contact_id, 'SMS', c.body, $7 FROM unnest($5::int[], $6::text[]) AS c(contact_id, body)
      WHERE EXISTS (SELECT 1 FROM outcome)`,
    [rows.map((r) => r.id), outcomes.map((o) => o.id), outcomes.map((o) => o.reason), companyId, chatterContacts, chatterBodies, rows[0]?.created_by_id ?? null],
  );
}

/** Captures what the sent messages cost; the rest of the hold goes back to the account. */
async function settleBatch(companyId: number, batchKey: string) {
  const account = await getOrCreateAccount(companyId, SERVICES.sms);
  const hold = await findBatchHold(account, batchKey);
  if (!hold || hold.status !== "PENDING") return;
  const { rows } = await pool().query(
    "SELECT COALESCE(sum(credits), 0) AS used FROM sms_message WHERE company_id = $1 AND batch_key = $2 AND state = 'SENT'",
    [companyId, batchKey],
  );
  await capture({ id: hold.id, account }, BigInt(rows[0].used));
}

async function findBatchHold(account: AccountRef, batchKey: string): Promise<{ id: number; status: string } | null> {
  const { rows } = await pool().query("SELECT id, status FROM credit_hold WHERE account_id = $1 AND idempotency_key = $2", [account.id, holdKey(batchKey)]);
  return rows[0] ?? null;
}

export async function massSmsProgress(companyId: number, batchKey: string): Promise<MassSmsProgress> {
  const [service, counts, failures, account] = await Promise.all([
    smsService(),
    pool().query(
      `SELECT state, count(*)::int AS n, COALESCE(sum(credits), 0) AS credits FROM sms_message
        WHERE company_id = $1 AND batch_key = $2 GROUP BY state`,
      [companyId, batchKey],
    ),
    pool().query(
      `SELECT c.name, m.number, m.failure_reason FROM sms_message m LEFT JOIN contact c ON c.id = m.contact_id
        WHERE m.company_id = $1 AND m.batch_key = $2 AND m.state = 'ERROR' ORDER BY m.id LIMIT 20`,
      [companyId, batchKey],
    ),
    getOrCreateAccount(companyId, SERVICES.sms),
  ]);
  const by = Object.fromEntries(counts.rows.map((r) => [r.state, r])) as Record<string, { n: number; credits: string }>;
  const hold = await findBatchHold(account, batchKey);
  const queued = by.QUEUED?.n ?? 0;
  const sent = by.SENT?.n ?? 0;
  const failed = by.ERROR?.n ?? 0;
  const credits = BigInt(by.SENT?.credits ?? 0);
  return {
    batchKey,
    messages: queued + sent + failed,
    queued,
    sent,
    failed,
    duplicates: by.CANCELED?.n ?? 0,
    credits,
    creditsText: formatCredits(credits, service.decimals),
    done: queued === 0 && hold !== null && hold.status !== "PENDING",
    failures: failures.rows.map((r) => ({ name: r.name ?? "", number: formatE164(r.number), reason: r.failure_reason ?? "" })),
  };
}

/** Queue and send in one go (scripts, the benchmark, tests). */
export async function sendMassSms(
  input: Parameters<typeof queueMassSms>[0],
  options: Parameters<typeof runMassSmsBatch>[2] = {},
): Promise<{ queued: QueueMassSmsResult; progress: MassSmsProgress | null }> {
  const queued = await queueMassSms(input);
  if (queued.status !== "queued") return { queued, progress: null };
  return { queued, progress: await runMassSmsBatch(input.companyId, queued.batchKey, options) };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}
