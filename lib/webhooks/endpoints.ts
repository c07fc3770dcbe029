import "server-only";
import { pool } from "@/lib/db/client";
import type { WebhookEventType } from "@/lib/events/events";
import { newSigningSecret } from "./signature";
import { checkEndpointUrl, type UrlProblem } from "./url-guard";

// Settings → Webhooks: a company's endpoints, their deliveries and attempts.
// Every query is scoped by the company that asks.

export interface EndpointView {
  id: number;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: Date;
  pending: number;
  failed: number;
}

export interface DeliveryView {
  id: bigint;
  eventId: string;
  eventType: WebhookEventType;
  state: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatus: number | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface AttemptView {
  deliveryId: bigint;
  number: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
}

export type CreateEndpointResult = { ok: true; endpoint: EndpointView; secret: string } | { ok: false; problem: UrlProblem };

export async function createEndpoint(input: {
  companyId: number;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  createdById?: number | null;
}): Promise<CreateEndpointResult> {
  const problem = await checkEndpointUrl(input.url);
  if (problem) return { ok: false, problem };
  const secret = newSigningSecret();
  const { rows } = await pool().query(
    `INSERT INTO webhook_endpoint (company_id, url, description, events, secret, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.companyId, new URL(input.url).href, input.description, [...new Set(input.events)], secret, input.createdById ?? null],
  );
  return { ok: true, endpoint: (await findEndpoint(input.companyId, rows[0].id))!, secret };
}

const ENDPOINT_SQL = `
  SELECT p.id, p.url, p.description, p.events, p.enabled, p.created_at,
         (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = p.id AND d.state = 'PENDING')::int AS pending,
         (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = p.id AND d.state = 'FAILED')::int AS failed
    FROM webhook_endpoint p`;

function toEndpoint(row: Record<string, unknown>): EndpointView {
  return {
    id: row.id as number,
    url: row.url as string,
    description: (row.description as string | null) ?? null,
    events: row.events as WebhookEventType[],
    enabled: row.enabled as boolean,
    createdAt: row.created_at as Date,
    pending: row.pending as number,
    failed: row.failed as number,
  };
}

export async function listEndpoints(companyId: number): Promise<EndpointView[]> {
  const { rows } = await pool().query(`${ENDPOINT_SQL} WHERE p.company_id = $1 ORDER BY p.created_at DESC, p.id DESC`, [companyId]);
  return rows.map(toEndpoint);
}

export async function findEndpoint(companyId: number, endpointId: number): Promise<EndpointView | null> {
  const { rows } = await pool().query(`${ENDPOINT_SQL} WHERE p.company_id = $1 AND p.id = $2`, [companyId, endpointId]);
  return rows[0] ? toEndpoint(rows[0]) : null;
}

/** Pauses or resumes an endpoint: while paused it gets no new events, and deliveries already due wait for it. */
export async function setEndpointEnabled(companyId: number, endpointId: number, enabled: boolean): Promise<boolean> {
  const { rowCount } = await pool().query("UPDATE webhook_endpoint SET enabled = $3 WHERE id = $2 AND company_id = $1", [companyId, endpointId, enabled]);
  return rowCount === 1;
}

/** Deletes an endpoint with its deliveries and their attempts. */
export async function deleteEndpoint(companyId: number, endpointId: number): Promise<boolean> {
  const { rowCount } = await pool().query("DELETE FROM webhook_endpoint WHERE id = $2 AND company_id = $1", [companyId, endpointId]);
  return rowCount === 1;
}

/** The endpoint's deliveries, newest first, each with its attempts. */
export async function listDeliveries(companyId: number, endpointId: number, limit = 50): Promise<(DeliveryView & { attemptsList: AttemptView[] })[]> {
  const { rows } = await pool().query(
    `SELECT d.id, d.event_id, e.type, d.state, d.attempts, d.last_status, d.next_attempt_at, d.delivered_at, d.created_at
       FROM webhook_delivery d JOIN webhook_endpoint p ON p.id = d.endpoint_id JOIN webhook_event e ON e.id = d.event_id
      WHERE p.company_id = $1 AND p.id = $2
      ORDER BY d.created_at DESC, d.id DESC
      LIMIT $3`,
    [companyId, endpointId, limit],
  );
  const ids = rows.map((row) => row.id);
  const attempts = ids.length
    ? await pool().query(
        `SELECT delivery_id, number, started_at, duration_ms, status_code, response_body, error
           FROM webhook_attempt WHERE delivery_id = ANY($1::bigint[]) ORDER BY delivery_id, number`,
        [ids],
      )
    : { rows: [] };
  return rows.map((row) => ({
    id: BigInt(row.id),
    eventId: row.event_id,
    eventType: row.type,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    attemptsList: attempts.rows
      .filter((attempt) => attempt.delivery_id === row.id)
      .map((attempt) => ({
        deliveryId: BigInt(attempt.delivery_id),
        number: attempt.number,
        startedAt: attempt.started_at,
        durationMs: attempt.duration_ms,
        statusCode: attempt.status_code,
        responseBody: attempt.response_body,
        error: attempt.error,
      })),
  }));
}

/**
 * Sends a delivery again now (one more attempt; its event id does not change,
 * so a receiver that already has it can tell). False when it is not this company's.
 */
export async function resendDelivery(companyId: number, deliveryId: bigint): Promise<boolean> {
  const { rowCount } = await pool().query(
    `UPDATE webhook_delivery d SET state = 'PENDING', next_attempt_at = now(), locked_until = NULL
       FROM webhook_endpoint p
      WHERE d.id = $2 AND p.id = d.endpoint_id AND p.company_id = $1`,
    [companyId, deliveryId],
  );
  return rowCount === 1;
}
