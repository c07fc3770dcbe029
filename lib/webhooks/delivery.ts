import "server-only";
import http from "node:http";
import https from "node:https";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { deliveryAgent } from "./url-guard";

// Delivery of webhook events: one POST per attempt, signed, with a 10 s
// timeout. A 2xx answer marks the delivery done; anything else schedules the
// next attempt after WEBHOOK_RETRY_SCHEDULE's next delay, and after the last
// one marks it failed. Deliveries are claimed with a lease (FOR UPDATE SKIP
// LOCKED), so any number of workers — app instances, the job system, a test
// calling deliverDueWebhooks() — send each attempt once.

const TIMEOUT_MS = 10_000;
const LEASE_SECONDS = 60;
const RESPONSE_EXCERPT = 1000;
const PARALLEL = 4;

export type AttemptError = "timeout" | "connection_failed" | "address_not_allowed";

interface PostResult {
  status: number | null;
  body: string | null;
  error: AttemptError | null;
}

function post(url: URL, body: string, headers: Record<string, string>): Promise<PostResult> {
  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        agent: deliveryAgent(url.protocol as "http:" | "https:"),
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        timeout: TIMEOUT_MS,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < RESPONSE_EXCERPT) text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? null, body: text.slice(0, RESPONSE_EXCERPT), error: null }));
        response.on("error", () => resolve({ status: response.statusCode ?? null, body: text.slice(0, RESPONSE_EXCERPT), error: null }));
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT_IAP" })));
    request.on("error", (error: NodeJS.ErrnoException) => {
      const code: AttemptError =
        error.code === "ETIMEDOUT_IAP" ? "timeout" : /is not allowed/.test(error.message) ? "address_not_allowed" : "connection_failed";
      resolve({ status: null, body: null, error: code });
    });
    request.end(body);
  });
}

export interface DeliveryOutcome {
  deliveryId: bigint;
  state: "DELIVERED" | "PENDING" | "FAILED";
  attempt: number;
  status: number | null;
}

/** The body every attempt of an event sends (the same bytes for every endpoint). */
export function eventBody(event: { id: string; type: string; createdAt: Date; data: unknown }): string {
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt.toISOString(), data: event.data });
}

/** One attempt of one claimed delivery, and its outcome recorded. */
async function attempt(deliveryId: bigint): Promise<DeliveryOutcome | null> {
  const { rows } = await pool().query(
    `SELECT d.attempts, e.id AS event_id, e.type, e.data, e.created_at, p.url, p.secret
       FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id JOIN webhook_endpoint p ON p.id = d.endpoint_id
      WHERE d.id = $1`,
    [deliveryId],
  );
  const row = rows[0];
  if (!row) return null;
  const body = eventBody({ id: row.event_id, type: row.type, createdAt: row.created_at, data: row.data });
  const started = new Date();
  const timestamp = Math.floor(started.getTime() / 1000);
  const result = URL.canParse(row.url)
    ? await post(new URL(row.url), body, {
        "Content-Type": "application/json",
        "User-Agent": "IAP-Credits-Webhooks/1.0",
        "X-IAP-Event-Id": row.event_id,
        "X-IAP-Event-Type": row.type,
        [SIGNATURE_HEADER]: signatureHeader(row.secret, body, timestamp),
      })
    : { status: null, body: null, error: "connection_failed" as const };
  const durationMs = Date.now() - started.getTime();
  const number = row.attempts + 1;
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const schedule = env().WEBHOOK_RETRY_SCHEDULE;
  const retryAfter = schedule[number - 1];
  const state = ok ? "DELIVERED" : retryAfter === undefined ? "FAILED" : "PENDING";

  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO webhook_attempt (delivery_id, number, started_at, duration_ms, status_code, response_body, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [deliveryId, number, started, durationMs, result.status, result.body, result.error],
    );
    await client.query(
      `UPDATE webhook_delivery SET attempts = $2, state = $3::"WebhookDeliveryState", last_status = $4, locked_until = NULL,
              delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() ELSE delivered_at END,
              next_attempt_at = CASE WHEN $3 = 'PENDING' THEN now() + make_interval(secs => $5) ELSE next_attempt_at END
        WHERE id = $1`,
      [deliveryId, number, state, result.status, retryAfter ?? 0],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { deliveryId, state, attempt: number, status: result.status };
}

/**
 * Sends every due delivery (of one company, when given) once: claims up to
 * `limit` under a lease, POSTs them a few at a time, records each outcome.
 */
export async function deliverDueWebhooks(options: { limit?: number; companyId?: number } = {}): Promise<DeliveryOutcome[]> {
  const { rows } = await pool().query(
    `UPDATE webhook_delivery SET locked_until = now() + make_interval(secs => $3)
      WHERE id IN (
        SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint p ON p.id = d.endpoint_id
         WHERE d.state = 'PENDING' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until < now())
           AND p.enabled AND ($2::int IS NULL OR p.company_id = $2)
         ORDER BY d.next_attempt_at
         LIMIT $1
         FOR UPDATE OF d SKIP LOCKED
      )
      RETURNING id`,
    [options.limit ?? 50, options.companyId ?? null, LEASE_SECONDS],
  );
  const ids = rows.map((row) => BigInt(row.id));
  const outcomes: DeliveryOutcome[] = [];
  for (let i = 0; i < ids.length; i += PARALLEL) {
    const batch = await Promise.all(ids.slice(i, i + PARALLEL).map(attempt));
    outcomes.push(...batch.filter((outcome): outcome is DeliveryOutcome => outcome !== null));
  }
  return outcomes;
}
