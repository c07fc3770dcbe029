import "server-only";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { smsGateway, SmsGatewayError, type SmsGateway } from "../gateways";
import { parsePhone } from "@/lib/contacts/phone";
import { smsService } from "../pricing";
import { senderFor } from "../sender";
import type { SmsSendFailure } from "../send-sms";
import { GatewayPacer, GatewayUnavailableError } from "./pacer";
import { recordOutcomes, settleBatch, sharedNumbers, type Outcome, type SendingRow } from "./record";

// Mass SMS, step 3: one chunk sent — the work of the "sms.mass-chunk" job.
//
// Each message is sent at most once per key (its row):
//   QUEUED → SENDING, committed before its request leaves (a few at a time,
//   just ahead of the senders) → SENT or ERROR, recorded in small batches.
// A row found SENDING when a chunk starts was in flight when an earlier
// attempt died. Once it is older than IN_DOUBT_AFTER_MS (longer than any
// request may take) the gateway is asked whether it got it (findSent): if
// so it is SENT with that id, otherwise it goes back to QUEUED. A gateway that
// cannot tell gets it again. The batch's hold is captured once, by whichever
// chunk finds nothing left to send (record.ts).
//
// The gateway's limits (pacer.ts): a 429 lowers the shared pace and its
// message is tried again after Retry-After, at no cost and without counting as
// a failure; server errors pause every sender with backoff, then the attempt
// stops and the job is retried later with the rest of the chunk.

/** A request in flight takes at most the gateway's timeout (10 s); this is well past it. */
export const IN_DOUBT_AFTER_MS = 30_000;
/** After an unknown outcome, how long to wait before asking the gateway what it got. */
const LOOKUP_DELAY_MS = 2_000;
const FLUSH_EVERY_MS = 250;

export interface ChunkTarget {
  companyId: number;
  batchKey: string;
  fromId: number;
  toId: number;
}

export interface ChunkOptions {
  gateway?: SmsGateway;
  pacer?: GatewayPacer;
  concurrency?: number;
  /** This attempt is the job's last: what is still unsent fails now instead of waiting for another attempt. */
  final?: boolean;
}

export interface ChunkResult {
  sent: number;
  failed: number;
  /** Messages found sent by an earlier attempt that died (asked of the gateway). */
  recovered: number;
  /** True when this chunk found the batch finished and charged it. */
  settled: boolean;
}

/** Messages still in flight from an attempt that may be alive: try again later. */
export class ChunkInFlightError extends Error {
  readonly name = "ChunkInFlightError";
}

// One pacer per process and gateway: chunks run one at a time across the
// cluster (their shared job queue), so this paces the whole app.
const pacers = new WeakMap<SmsGateway, GatewayPacer>();
function pacerFor(gateway: SmsGateway): GatewayPacer {
  let pacer = pacers.get(gateway);
  if (!pacer) pacers.set(gateway, (pacer = new GatewayPacer({ ratePerSecond: env().SMS_RATE_PER_SECOND })));
  return pacer;
}

export async function runMassSmsChunk(target: ChunkTarget, options: ChunkOptions = {}): Promise<ChunkResult> {
  const gateway = options.gateway ?? smsGateway();
  const pacer = options.pacer ?? pacerFor(gateway);
  const concurrency = options.concurrency ?? env().SMS_CONCURRENCY;
  // Independent reads at once: on a busy database each round trip is time the gateway sits idle between two chunks.
  const [{ decimals }, { rows: company }, sharing, inDoubt] = await Promise.all([
    smsService(),
    pool().query<{ sms_sender: string | null }>("SELECT sms_sender FROM company WHERE id = $1", [target.companyId]),
    sharedNumbers(target.companyId, target.batchKey),
    findInDoubt(target),
  ]);
  const senderName = company[0]?.sms_sender ?? null;
  const fromFor = (number: string) => {
    // No sender name set: the gateway's number whatever the country, without parsing every number.
    if (!senderName) return undefined;
    const sender = senderFor(senderName, parsePhone(number)?.country ?? null);
    return sender.kind === "name" ? sender.name : undefined;
  };
  const record: Recorder = { companyId: target.companyId, decimals, sharing, fromFor };
  const result: ChunkResult = { sent: 0, failed: 0, recovered: 0, settled: false };
  try {
    if (inDoubt.some((row) => !row.stale)) throw new ChunkInFlightError(`chunk ${target.fromId}–${target.toId} still has messages in flight`);
    result.recovered = await settleDoubts(target, gateway, inDoubt, record);
    await sendQueued(target, gateway, pacer, concurrency, record, result, 0);
  } catch (error) {
    if (!options.final) throw error;
    // The last attempt: what could not be sent fails for good (never charged).
    const reason: SmsSendFailure = error instanceof SmsGatewayError ? error.code : "unexpected";
    await pool().query(
      `UPDATE sms_message SET state = 'ERROR', failure_reason = $5, credits = 0
        WHERE company_id = $1 AND batch_key = $2 AND id BETWEEN $3 AND $4 AND state IN ('QUEUED', 'SENDING')`,
      [target.companyId, target.batchKey, target.fromId, target.toId, reason],
    );
    await settleBatch(target.companyId, target.batchKey);
    throw error;
  }
  result.settled = await settleBatch(target.companyId, target.batchKey);
  return result;
}

/** What recording an outcome needs, read once per attempt. */
interface Recorder {
  companyId: number;
  decimals: number;
  sharing: Map<string, number[]>;
  /** The company's alphanumeric sender for a number, where its country allows one (lib/sms/sender.ts). */
  fromFor: (number: string) => string | undefined;
}

function chunkWhere(alias = "") {
  return `${alias}company_id = $1 AND ${alias}batch_key = $2 AND ${alias}id BETWEEN $3 AND $4`;
}

const chunkParams = (t: ChunkTarget) => [t.companyId, t.batchKey, t.fromId, t.toId];

/** Rows an earlier attempt left SENDING; settleDoubts finds them sent (per the gateway) or puts them back to QUEUED. */
async function findInDoubt(target: ChunkTarget) {
  const { rows } = await pool().query<SendingRow & { sending_at: Date; stale: boolean }>(
    `SELECT id, contact_id, number, body, parts, credits, created_by_id, sending_at,
            sending_at < now() - make_interval(secs => $5) AS stale
       FROM sms_message WHERE ${chunkWhere()} AND state = 'SENDING' ORDER BY id`,
    [...chunkParams(target), IN_DOUBT_AFTER_MS / 1000],
  );
  return rows;
}

async function settleDoubts(target: ChunkTarget, gateway: SmsGateway, rows: (SendingRow & { sending_at: Date })[], record: Recorder): Promise<number> {
  const found: Outcome[] = [];
  const requeue: number[] = [];
  for (const row of rows) {
    const sent = gateway.findSent ? await gateway.findSent({ to: row.number, body: row.body }, row.sending_at) : null;
    if (sent) found.push({ row, gatewayId: sent.id });
    else requeue.push(row.id);
  }
  await recordOutcomes(record.companyId, found, record.decimals, record.sharing);
  if (requeue.length) {
    await pool().query(`UPDATE sms_message SET state = 'QUEUED', sending_at = NULL WHERE ${chunkWhere()} AND id = ANY($5::int[]) AND state = 'SENDING'`, [
      ...chunkParams(target),
      requeue,
    ]);
  }
  return found.length;
}

/** Claims the next few QUEUED rows of the chunk as SENDING (committed before any is sent). */
async function claim(target: ChunkTarget, limit: number): Promise<SendingRow[]> {
  const { rows } = await pool().query<SendingRow>(
    `UPDATE sms_message m SET state = 'SENDING', sending_at = now()
      WHERE m.id IN (SELECT id FROM sms_message WHERE ${chunkWhere()} AND state = 'QUEUED' ORDER BY id LIMIT $5)
        AND m.state = 'QUEUED'
      RETURNING m.id, m.contact_id, m.number, m.body, m.parts, m.credits, m.created_by_id`,
    [...chunkParams(target), limit],
  );
  return rows.sort((a, b) => a.id - b.id);
}

/** Rounds of "unknown outcome, asked, sent again" before the attempt gives up (the gateway keeps timing out). */
const MAX_DOUBT_ROUNDS = 3;

/** Rows claimed at a time: a fast gateway gets bigger claims (fewer statements), up to this many in doubt at a crash. */
const MAX_CLAIM = 100;

async function sendQueued(target: ChunkTarget, gateway: SmsGateway, pacer: GatewayPacer, concurrency: number, record: Recorder, result: ChunkResult, round: number) {
  const ready: SendingRow[] = [];
  const pending: Outcome[] = [];
  const unknown: (SendingRow & { sending_at: Date })[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  let flushing: Promise<void> = Promise.resolve();
  let lastFlush = Date.now();
  let stopped: unknown = null;
  let window = concurrency * 2;
  let starved = false;

  const refill = () => {
    const limit = window;
    return (claiming ??= claim(target, limit)
      .then((rows) => {
        // Fewer than asked: nothing is left to claim (rows a 429 held back wait in `ready`), so no empty claim is awaited at the end.
        if (rows.length < limit) exhausted = true;
        // Senders ran dry waiting for this claim: claim more at once next time.
        if (starved) window = Math.min(MAX_CLAIM, window * 2);
        starved = false;
        ready.push(...rows);
      })
      .finally(() => {
        claiming = null;
      }));
  };

  const flush = (force = false) => {
    if (pending.length === 0 || (!force && pending.length < window && Date.now() - lastFlush < FLUSH_EVERY_MS)) return flushing;
    const batch = pending.splice(0);
    lastFlush = Date.now();
    // A failed write stops the attempt; its rows stay SENDING and the next attempt settles them.
    flushing = flushing
      .then(() => recordOutcomes(record.companyId, batch, record.decimals, record.sharing))
      .catch((error) => {
        stopped ??= error;
      });
    return flushing;
  };

  const sender = async () => {
    while (!stopped) {
      if (ready.length < window && !exhausted) void refill();
      const row = ready.shift();
      if (!row) {
        if (exhausted && !claiming) return;
        starved = true;
        await (claiming ?? refill());
        continue;
      }
      const started = new Date();
      let letGoAt = 0;
      try {
        letGoAt = await pacer.take();
        const { id } = await gateway.send({ to: row.number, body: row.body, from: record.fromFor(row.number) });
        pacer.accepted();
        pending.push({ row, gatewayId: id });
        result.sent++;
      } catch (error) {
        if (!(error instanceof SmsGatewayError)) {
          unknown.push({ ...row, sending_at: started });
          stopped ??= error;
        } else if (error.failure === "rate-limited") {
          // This message waits out its Retry-After; the other senders carry on at the lowered pace.
          await pacer.rateLimited(error.retryAfterMs, letGoAt);
          ready.unshift(row);
        } else if (error.failure === "unavailable") {
          ready.unshift(row);
          try {
            pacer.serverError(error.retryAfterMs);
          } catch (gaveUp) {
            stopped ??= gaveUp;
          }
        } else if (error.failure === "unknown-outcome") {
          unknown.push({ ...row, sending_at: started });
        } else {
          pending.push({ row, reason: error.code });
          result.failed++;
        }
      }
      void flush();
    }
  };

  await Promise.all(Array.from({ length: concurrency }, sender));
  await claiming;
  await flush(true);
  if (stopped) {
    // Not sent: back to QUEUED for the next attempt (an unknown outcome stays SENDING: in doubt).
    const back = ready.map((row) => row.id);
    if (back.length) await pool().query(`UPDATE sms_message SET state = 'QUEUED', sending_at = NULL WHERE id = ANY($1::int[]) AND state = 'SENDING'`, [back]);
    throw stopped instanceof GatewayUnavailableError ? new SmsGatewayError("gateway-server-error", { stoppedBecause: stopped.message }, { failure: "unavailable" }) : stopped;
  }
  if (unknown.length) {
    if (round >= MAX_DOUBT_ROUNDS) throw new SmsGatewayError("timeout", { rounds: round + 1 }, { failure: "unavailable" });
    // Give the gateway a moment to finish what it got, then ask, and send again what it did not get.
    await new Promise((resolve) => setTimeout(resolve, LOOKUP_DELAY_MS));
    result.recovered += await settleDoubts(target, gateway, unknown, record);
    await sendQueued(target, gateway, pacer, concurrency, record, result, round + 1);
  }
}

/**
 * Queue and send a whole batch in this process, without the job queue:
 * scripts, the benchmark and tests. (Its chunk jobs, if a worker runs them
 * later, find nothing left to send.)
 */
export async function runMassSmsBatch(companyId: number, batchKey: string, options: Omit<ChunkOptions, "final"> = {}): Promise<ChunkResult> {
  return runMassSmsChunk({ companyId, batchKey, fromId: 1, toId: 2 ** 31 - 1 }, options);
}
