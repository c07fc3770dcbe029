import "server-only";
import { createHash } from "node:crypto";
import { pool } from "@/lib/db/client";

// Idempotency-Key for every POST, per company (as Stripe scopes keys per
// account). The first request claims the key (INSERT … ON CONFLICT DO
// NOTHING: of concurrent requests exactly one wins), does the work, and stores
// its response; a repeat of the same request gets that response again, byte
// for byte; the same key with another request is refused. Only successes are
// kept: a refused request changed nothing, so its key stays usable (retry the
// same key once the cause is fixed, e.g. after buying credits).
//
// The work behind every POST is idempotent at the ledger too (the key becomes
// the ledger's key `api:<key>`), so a claim whose request crashed can be taken
// over once its lease runs out without any risk of a second effect.

export const IDEMPOTENCY_LEASE_SECONDS = 30;
/** Keys are kept this long; the scheduled jobs delete older ones. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
const WAIT_STEP_MS = 25;

export interface StoredResponse {
  status: number;
  body: string;
}

export type Claim =
  | { kind: "claimed"; id: bigint; resumed: boolean }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

/** A stable JSON text: keys sorted at every level, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest("hex");
}

/**
 * Claims `key` for this request, or says what to do instead. A concurrent
 * repeat waits (up to `waitMs`) for the first request to finish and replays
 * its response; a claim past its lease is taken over.
 */
export async function claimIdempotencyKey(companyId: number, key: string, hash: string, { waitMs = 10_000 } = {}): Promise<Claim> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { rows } = await pool().query({
      name: "api_idempotency_claim",
      text: `WITH claimed AS (
               INSERT INTO api_idempotency_key (company_id, key, request_hash, locked_until)
               VALUES ($1, $2, $3, now() + make_interval(secs => $4))
               ON CONFLICT (company_id, key) DO NOTHING
               RETURNING id
             )
             SELECT id, true AS claimed, NULL::text AS request_hash, NULL::"ApiIdempotencyState" AS state, NULL::int AS response_status,
                    NULL::text AS response_body, false AS lapsed
               FROM claimed
             UNION ALL
             SELECT id, false, request_hash, state, response_status, response_body, locked_until < now()
               FROM api_idempotency_key WHERE company_id = $1 AND key = $2
             LIMIT 1`,
      values: [companyId, key, hash, IDEMPOTENCY_LEASE_SECONDS],
    });
    const row = rows[0];
    if (row?.claimed) return { kind: "claimed", id: BigInt(row.id), resumed: false };
    if (row) {
      if (row.request_hash !== hash) return { kind: "mismatch" };
      if (row.state === "DONE") return { kind: "replay", response: { status: row.response_status, body: row.response_body } };
      if (row.lapsed) {
        const taken = await pool().query(
          `UPDATE api_idempotency_key SET locked_until = now() + make_interval(secs => $2)
            WHERE id = $1 AND state = 'PROCESSING' AND locked_until < now() RETURNING id`,
          [row.id, IDEMPOTENCY_LEASE_SECONDS],
        );
        if (taken.rows[0]) return { kind: "claimed", id: BigInt(row.id), resumed: true };
      }
    }
    // Either the first request is still working, or the row we conflicted
    // with was released (a failure) after our INSERT and before our SELECT's
    // snapshot: look again shortly.
    if (Date.now() >= deadline) return { kind: "in_progress" };
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** The work succeeded: keep its response for every repeat. */
export async function completeIdempotencyKey(id: bigint, response: StoredResponse): Promise<void> {
  await pool().query({
    name: "api_idempotency_complete",
    text: "UPDATE api_idempotency_key SET state = 'DONE', response_status = $2, response_body = $3 WHERE id = $1 AND state = 'PROCESSING'",
    values: [id, response.status, response.body],
  });
}

/** The work was refused or failed: forget the claim, so the same key can be sent again. */
export async function releaseIdempotencyKey(id: bigint): Promise<void> {
  await pool().query("DELETE FROM api_idempotency_key WHERE id = $1 AND state = 'PROCESSING'", [id]);
}

/** Deletes keys older than the retention (the scheduled jobs call this). Returns how many. */
export async function pruneIdempotencyKeys(hours = IDEMPOTENCY_RETENTION_HOURS): Promise<number> {
  const { rowCount } = await pool().query(
    `DELETE FROM api_idempotency_key WHERE id IN (
       SELECT id FROM api_idempotency_key WHERE created_at < now() - make_interval(hours => $1) LIMIT 10000
     )`,
    [hours],
  );
  return rowCount ?? 0;
}
