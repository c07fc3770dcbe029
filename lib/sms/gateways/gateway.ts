// The one interface every SMS gateway implements. sendSms and sendMassSms talk
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
}

/** The gateway refused the message or could not be reached; `reason` is shown to the user as is. */
export class SmsGatewayError extends Error {
  readonly name = "SmsGatewayError";
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(reason, options);
  }
}

export const E164 = /^\+[1-9]\d{6,14}$/;
