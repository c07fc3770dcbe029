import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import type { WebhookEventData, WebhookEventType } from "./events";

/**
 * Records an event for the company's endpoints that subscribe to it: one event
 * row and one pending delivery per endpoint, in one statement
 * (emit_webhook_event, in the migration: the credits engine's hold-expiry
 * trigger uses the same function). Pass `db` to write it in the caller's
 * transaction, so the event exists exactly when what it reports committed.
 * Returns the event's id, or null when no endpoint wants it.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(
  companyId: number,
  type: T,
  data: WebhookEventData<T>,
  options: { db?: pg.ClientBase } = {},
): Promise<string | null> {
  const { rows } = await (options.db ?? pool()).query("SELECT emit_webhook_event($1, $2, $3::jsonb) AS id", [companyId, type, JSON.stringify(data)]);
  return rows[0]?.id ?? null;
}

export interface PendingEvent<T extends WebhookEventType = WebhookEventType> {
  companyId: number;
  type: T;
  data: WebhookEventData<T>;
}

/** Many events in one statement (a job's batch); companies without a subscribed endpoint cost one index probe each. */
export async function emitWebhookEvents(events: PendingEvent[], options: { db?: pg.ClientBase } = {}): Promise<number> {
  if (events.length === 0) return 0;
  const { rows } = await (options.db ?? pool()).query(
    `SELECT count(emit_webhook_event(e.company_id, e.type, e.data))::int AS emitted
       FROM jsonb_to_recordset($1::jsonb) AS e(company_id int, type text, data jsonb)
      WHERE EXISTS (SELECT 1 FROM webhook_endpoint p WHERE p.company_id = e.company_id AND p.enabled AND e.type = ANY(p.events))`,
    [JSON.stringify(events.map((event) => ({ company_id: event.companyId, type: event.type, data: event.data })))],
  );
  return rows[0].emitted;
}
