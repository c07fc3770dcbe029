// The one interface every SMS gateway implements. sendSms and sendMassSms talk
// to this, never to a provider directly, so tests and the benchmark run the real
// send path with the test gateway, and Twilio is selected by configuration.
import { AppError, type ErrorDetails } from "@/lib/errors";

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
}

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

/** The gateway refused the message or could not be reached. `details` keep the provider's own code and text for the log. */
export class SmsGatewayError extends AppError<SmsFailureCode> {
  readonly name = "SmsGatewayError";
  constructor(code: SmsFailureCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(code, code === "rate-limited" || code === "gateway-server-error" || code === "timeout" || code === "unreachable" ? "unavailable" : "invalid", details, options);
  }
}

export const E164 = /^\+[1-9]\d{6,14}$/;
