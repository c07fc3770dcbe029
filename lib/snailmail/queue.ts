import "server-only";
import { randomUUID } from "node:crypto";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { charge } from "@/lib/iap/charge";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { findHoldById } from "@/lib/iap/hold-views";
import { release } from "@/lib/iap/holds";
import { formatCredits } from "@/lib/iap/units";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { validateAddress, type PostalAddress } from "./address";
import { zoneFor } from "./price";
import { queueLetterRun } from "./queue-run";
import { postalProvider } from "./providers";
import { ProviderRefusedError, ProviderUnavailableError, type Acceptance, type PostalProvider, type ProviderProblem } from "./providers/provider";
import { SERVICES } from "@/lib/iap/catalogue";
import { encodeLetterError } from "./letter-error";
import { finish, markError, markSent, markWaitingForCredits, type LetterOutcome } from "./letter-outcomes";

// The queue job. For each due letter: hold its price → hand the PDF to the
// provider → capture on acceptance, release on refusal (lib/iap/charge does the
// hold/capture/release). The provider call happens outside any transaction,
// between a recorded intent (the letter's lease, request key and hold id) and
// a recorded outcome (Sent, Error, or a retry time).
//
// Credits: the first "not enough credits" stops the run for that company — its
// other queued letters are not tried (no hold attempts, no provider calls) and
// show "not enough credits" until the next run after a purchase. Provider
// outages are retried with backoff; refusals go to Error at once.
//
// Who runs it: the "letters.run" job, one per company (lib/jobs/list.ts), queued
// with the letter and again when a retry falls due; the job system never runs
// one company's queue twice at once, on any number of instances. Each letter is
// still claimed with a short lease while it is being posted, which is what
// keeps Re-send and Cancel (run by a user, outside the job) off a letter that a
// job is posting, and a crashed run's letter untouched until its hold expired.
//
// A letter is posted once: its request key is kept from the first attempt
// until an outcome is recorded (Sent, or a refusal). An attempt that ended
// without an answer — a timeout, a 5xx, a 409 "still being processed", a crash
// — may have created the letter at the provider anyway, so the next attempt
// with that key first asks the provider (find) and, if it did, records that
// letter and charges it, instead of posting a second one.

/** Provider outages: wait 1, 5, 15, 60 minutes between tries, then give up with an Error. */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;
/** A run owns a letter this long; longer than the hold's life, so a crashed run's hold has expired before anyone retries. */
const LEASE_MINUTES = 15;
const HOLD_TTL_SECONDS = 10 * 60;


export interface QueueRunResult {
  sent: number;
  errors: number;
  retrying: number;
  /** Companies whose run stopped at a "not enough credits". */
  outOfCredits: number[];
}

/**
 * Sends every due queued letter once. Safe to run on several instances at once:
 * each letter is claimed with a conditional UPDATE (a lease), so two runs never
 * post the same letter. The "letters.run" job calls this with its companyId; so
 * do the admin's "Process queue now" and the tests.
 */
export async function runLetterQueueOnce(options: { provider?: PostalProvider; companyId?: number; limit?: number } = {}): Promise<QueueRunResult> {
  // (Without companyId: every company's due letters, in one go — tests and scripts.)
  const provider = options.provider ?? postalProvider();
  const due = await prisma().letter.findMany({
    where: {
      state: "QUEUED",
      nextAttemptAt: { lte: new Date() },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }],
      ...(options.companyId ? { companyId: options.companyId } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 100,
    select: { id: true, companyId: true },
  });
  const result: QueueRunResult = { sent: 0, errors: 0, retrying: 0, outOfCredits: [] };
  for (const letter of due) {
    if (result.outOfCredits.includes(letter.companyId)) continue;
    const outcome = await processLetter(letter.id, provider);
    if (outcome === "sent") result.sent++;
    else if (outcome === "error") result.errors++;
    else if (outcome === "retry") result.retrying++;
    else if (outcome === "no-credit") {
      result.outOfCredits.push(letter.companyId);
      await markWaitingForCredits(letter.companyId, letter.id);
    }
  }
  return result;
}

/**
 * The "letters.run" job: one company's due letters, then its next run queued
 * for when the earliest provider retry falls due (letters waiting for credits
 * wait for the sweep after a purchase instead).
 */
export async function runCompanyLetters(companyId: number, provider?: PostalProvider): Promise<QueueRunResult> {
  const result = await runLetterQueueOnce({ companyId, provider });
  const { rows } = await pool().query<{ next: Date | null }>(
    `SELECT min(next_attempt_at) AS next FROM letter
      WHERE company_id = $1 AND state = 'QUEUED' AND error_code IS DISTINCT FROM 'NO_CREDIT'`,
    [companyId],
  );
  const next = rows[0]?.next;
  if (next) {
    // A run already waiting sooner (a letter queued meanwhile) covers it; don't push that one back.
    const waiting = await pool().query<{ run_at: Date }>("SELECT run_at FROM graphile_worker.jobs WHERE key = $1 AND locked_at IS NULL", [`letters.run:${companyId}`]);
    if (!waiting.rows[0] || waiting.rows[0].run_at > next) await queueLetterRun(companyId, { runAt: next });
  }
  return result;
}

/**
 * The "letters.sweep" job: every company with a letter due whose run is not
 * queued yet gets one (a retry time reached, credits bought, a lease run out).
 */
export async function sweepLetters(): Promise<number> {
  const { rows } = await pool().query<{ company_id: number }>(
    `SELECT DISTINCT l.company_id FROM letter l
      WHERE l.state = 'QUEUED' AND l.next_attempt_at <= now() AND (l.locked_until IS NULL OR l.locked_until < now())
        AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'letters.run:' || l.company_id AND j.locked_at IS NULL)`,
  );
  for (const row of rows) await enqueueJob("letters.run", { companyId: row.company_id }, { dedupe: true });
  return rows.length;
}

interface ClaimedLetter {
  id: number;
  company_id: number;
  address: PostalAddress;
  country: string;
  credits: string;
  color: boolean;
  duplex: boolean;
  pages: number;
  attempts: number;
  request_key: string;
  /** The request key was already set: an earlier attempt with it may have reached the provider. */
  key_used_before: boolean;
  hold_id: number | null;
  created_by_id: number | null;
  pdf: Buffer;
}

async function claim(letterId: number): Promise<ClaimedLetter | null> {
  const { rows } = await pool().query(
    `UPDATE letter SET locked_until = now() + make_interval(mins => $3), request_key = COALESCE(request_key, $2), updated_at = now()
      WHERE id = $1 AND state = 'QUEUED' AND (locked_until IS NULL OR locked_until < now())
      RETURNING id, company_id, address, country, credits, color, duplex, pages, attempts, request_key, request_key <> $2 AS key_used_before, hold_id, created_by_id, pdf`,
    [letterId, `letter-${letterId}-${randomUUID()}`, LEASE_MINUTES],
  );
  return rows[0] ?? null;
}

/** Works on one letter (the queue, or "Re-send" on that letter alone). */
export async function processLetter(letterId: number, provider: PostalProvider = postalProvider()): Promise<LetterOutcome> {
  const letter = await claim(letterId);
  if (!letter) return "skipped";
  const account = await getOrCreateAccount(letter.company_id, SERVICES.snailmail);

  // A run that crashed mid-attempt left its hold id: a captured hold means the
  // provider accepted (its answer is on the hold); otherwise free the credits and try again.
  if (letter.hold_id !== null) {
    const previous = await findHoldById(account, letter.hold_id);
    if (previous?.status === "CAPTURED" && previous.result) return markSent(letter.id, provider, previous.result as Acceptance);
    if (previous?.status === "PENDING") await release(previous);
  }

  const check = validateAddress(letter.address);
  if (!check.ok) {
    return markError(letter.id, check.missing.length ? "MISSING_FIELDS" : "FORMAT_ERROR", { kind: "address-check", missing: check.missing, invalid: check.invalid });
  }
  const company = await prisma().company.findUniqueOrThrow({ where: { id: letter.company_id }, select: { country: true } });
  if (!zoneFor(company.country, letter.country)) return markError(letter.id, "NO_PRICE", { kind: "no-price", country: letter.country });

  try {
    const { result } = await charge(
      {
        companyId: letter.company_id,
        service: SERVICES.snailmail,
        amount: BigInt(letter.credits),
        idempotencyKey: `letter:${letter.id}:${randomUUID()}`,
        description: `Letter #${letter.id} to ${check.address.name} (${check.address.country})`,
        wording: { code: "letter", params: { letterId: letter.id, recipient: check.address.name, country: check.address.country } },
        reference: `letter:${letter.id}`,
        createdById: letter.created_by_id,
        ttlSeconds: HOLD_TTL_SECONDS,
      },
      async (hold) => {
        await prisma().letter.update({ where: { id: letter.id }, data: { holdId: hold.id } });
        if (letter.key_used_before) {
          const earlier = await provider.find(letter.request_key);
          if (earlier) return earlier;
        }
        return provider.send({
          id: letter.id,
          pdf: new Uint8Array(letter.pdf),
          color: letter.color,
          duplex: letter.duplex,
          pages: letter.pages,
          address: check.address,
          idempotencyKey: letter.request_key,
        });
      },
    );
    return markSent(letter.id, provider, result);
  } catch (error) {
    if (error instanceof InsufficientCreditsError) {
      const detail = { kind: "no-credit", needed: formatCredits(error.needed, error.service.decimals), available: formatCredits(error.available, error.service.decimals) } as const;
      // Nothing reached the provider this time: a key that was never used before goes again.
      await finish(letter.id, { errorCode: "NO_CREDIT", errorMessage: encodeLetterError(detail), ...(letter.key_used_before ? {} : { requestKey: null }) });
      return "no-credit";
    }
    if (error instanceof ProviderRefusedError) {
      return markError(letter.id, error.code, { kind: "refused", providerMessage: error.message, ...(error.problem && { problem: error.problem }) });
    }
    if (!(error instanceof ProviderUnavailableError)) console.error(`[snailmail] letter ${letter.id}: the provider failed unexpectedly`, error);
    // No answer, or not a clear one: the letter may exist at the provider. The
    // request key stays, so the next attempt (or a Re-send) asks about it first.
    const providerMessage = (error as Error).message;
    const problem: ProviderProblem | undefined = error instanceof ProviderUnavailableError ? error.problem : { code: "unexpected" };
    const attempts = letter.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      return markError(letter.id, "PROVIDER_ERROR", { kind: "gave-up", providerMessage, ...(problem && { problem }), attempts }, { attempts, keepRequestKey: true });
    }
    const delay = RETRY_DELAYS_MINUTES[attempts - 1];
    await finish(letter.id, {
      errorCode: "PROVIDER_ERROR",
      errorMessage: encodeLetterError({ kind: "retrying", providerMessage, ...(problem && { problem }), attempt: attempts, maxAttempts: MAX_ATTEMPTS, inMinutes: delay }),
      attempts,
      nextAttemptAt: new Date(Date.now() + delay * 60_000),
    });
    return "retry";
  }
}
