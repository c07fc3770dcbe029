// The one interface every SMS gateway implements. sendSms and mass SMS talk
// to this, never to a provider directly, so tests and the benchmark run the real
// send path with the test gateway, and Twilio is selected by configuration.
import { AppError, type ErrorDetails } from "@/lib/errors";

export interface OutgoingSms {
  /** E.164, e.g. "+33612345678". */
  to: string;
  body: string;
  /** An alphanumeric sender name (lib/sms/sender.ts decides when one may be used); absent: the gateway's number. */
  from?: string;
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
/**
 * Why a message did not go, as a code (the words are beside the pages:
 * app/(app)/contacts/_messages/sms-failures.ts). Gateways map their own
 * error tables onto these.
 */
export type SmsFailureCode =
  | "gateway-credentials"
  | "invalid-number"
  | "country-not-enabled"
  | "unsubscribed"
  | "unroutable"
  | "not-mobile"
  | "sender-invalid"
  | "carrier-filtered"
  | "rate-limited"
  | "gateway-server-error"
  | "refused"
  | "timeout"
  | "unreachable"
  | "no-message-id"
  | "marked-failed"
  | "empty-message"
  /** The gateway code itself failed (a bug, not a refusal). */
  | "unexpected";

/**
 * What a sender may do next after a failure:
 *  - "refused": the gateway said no (bad number, unsubscribed…): not retried;
 *  - "rate-limited": too many requests; try again after `retryAfterMs`;
 *  - "unavailable": the gateway is down or had a server error and took nothing: retry later;
 *  - "unknown-outcome": the request may have reached it (timeout, dropped
 *    connection, 502/504): ask findSent before sending again.
 */
export type SmsFailureKind = "refused" | "rate-limited" | "unavailable" | "unknown-outcome";

function failureOf(code: SmsFailureCode): SmsFailureKind {
  if (code === "rate-limited") return "rate-limited";
  if (code === "gateway-server-error" || code === "unreachable") return "unavailable";
  if (code === "timeout" || code === "no-message-id") return "unknown-outcome";
  return "refused";
}

/** The gateway refused the message or could not be reached. `details` keep the provider's own code and text for the log. */
export class SmsGatewayError extends AppError<SmsFailureCode> {
  readonly name = "SmsGatewayError";
  /** What a sender may do next (AppError's `kind` is the HTTP-facing one). */
  readonly failure: SmsFailureKind;
  /** From the gateway's Retry-After, when it sent one. */
  readonly retryAfterMs: number | null;
  constructor(
    code: SmsFailureCode,
    details: ErrorDetails = {},
    options: { cause?: unknown; failure?: SmsFailureKind; retryAfterMs?: number | null } = {},
  ) {
    super(code, code === "rate-limited" || code === "gateway-server-error" || code === "timeout" || code === "unreachable" ? "unavailable" : "invalid", details, { cause: options.cause });
    this.failure = options.failure ?? failureOf(code);
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
