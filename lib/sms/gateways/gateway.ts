// The one interface every SMS gateway implements. sendSms and mass SMS talk
// to this, never to a provider directly, so tests and the benchmark run the real
// send path with the test gateway, and Twilio is selected by configuration.

export interface OutgoingSms {
  /** E.164, e.g. "+33612345678". */
  to: string;
  body: string;
}

export interface SmsGateway {
  /** Shown in the UI ("Test mode: messages are not delivered"). */
  readonly name: string;
  readonly testMode: boolean;
  /** Hands one message over; resolves with the gateway's id, throws SmsGatewayError when refused. */
  send(message: OutgoingSms): Promise<{ id: string }>;
  /**
   * When a send's outcome is unknown (the app died mid-request, the answer
   * never came): the message this gateway accepted for `to` with this body at
   * or after `since`, if any. Gateways that cannot tell leave this out; the
   * message is then sent again.
   */
  findSent?(message: OutgoingSms, since: Date): Promise<{ id: string } | null>;
}

/**
 * Why a message did not go:
 *  - "refused": the gateway said no (bad number, unsubscribed…): not retried;
 *  - "rate-limited": too many requests; try again after `retryAfterMs`;
 *  - "unavailable": the gateway is down or had a server error and took nothing: retry later;
 *  - "unknown-outcome": the request may have reached it (timeout, dropped
 *    connection, 502/504): ask findSent before sending again.
 */
export type SmsFailureKind = "refused" | "rate-limited" | "unavailable" | "unknown-outcome";

/** The gateway refused the message or could not be reached; `reason` is shown to the user as is. */
export class SmsGatewayError extends Error {
  readonly name = "SmsGatewayError";
  readonly kind: SmsFailureKind;
  /** From the gateway's Retry-After, when it sent one. */
  readonly retryAfterMs: number | null;
  constructor(readonly reason: string, options: { cause?: unknown; kind?: SmsFailureKind; retryAfterMs?: number | null } = {}) {
    super(reason, { cause: options.cause });
    this.kind = options.kind ?? "refused";
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export const E164 = /^\+[1-9]\d{6,14}$/;

/** Retry-After as seconds ("1") or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
