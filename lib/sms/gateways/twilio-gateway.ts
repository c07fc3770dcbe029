import { SmsGatewayError, type OutgoingSms, type SmsGateway } from "./gateway";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164 or a Messaging Service SID ("MG…"). */
  from: string;
  /** Default https://api.twilio.com; tests point it at a local server. */
  apiUrl?: string;
  timeoutMs?: number;
}

// Twilio's error codes a user can act on; anything else shows Twilio's own message.
const KNOWN_ERRORS: Record<number, string> = {
  20003: "the SMS gateway refused its credentials (check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)",
  21211: "the gateway says the number is not a valid phone number",
  21408: "sending to this country is not enabled on the SMS gateway account",
  21610: "the recipient has unsubscribed from SMS (replied STOP)",
  21612: "the gateway cannot route messages to this number",
  21614: "the number cannot receive SMS (not a mobile number)",
  21606: "the sender number cannot send SMS (check TWILIO_FROM)",
  30007: "the carrier filtered the message",
};

/** Twilio's Messages API over HTTPS: POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded, basic auth. */
export class TwilioSmsGateway implements SmsGateway {
  readonly name = "Twilio";
  readonly testMode = false;
  private readonly url: string;
  private readonly authorization: string;

  constructor(private readonly config: TwilioConfig) {
    const base = (config.apiUrl ?? "https://api.twilio.com").replace(/\/$/, "");
    this.url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  }

  async send(message: OutgoingSms): Promise<{ id: string }> {
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    form.set(this.config.from.startsWith("MG") ? "MessagingServiceSid" : "From", this.config.from);
    const timeoutMs = this.config.timeoutMs ?? 10_000;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: { Authorization: this.authorization, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError") {
        const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
        throw new SmsGatewayError(`the SMS gateway did not answer within ${limit}`, { cause: error });
      }
      throw new SmsGatewayError("the SMS gateway could not be reached", { cause: error });
    }
    const payload = (await response.json().catch(() => null)) as { sid?: string; status?: string; code?: number; message?: string; error_message?: string } | null;
    if (!response.ok) throw new SmsGatewayError(reasonFor(response.status, payload));
    if (!payload?.sid) throw new SmsGatewayError("the SMS gateway answered without a message id");
    if (payload.status === "failed" || payload.status === "undelivered") {
      throw new SmsGatewayError(payload.error_message ?? `the SMS gateway marked the message ${payload.status}`);
    }
    return { id: payload.sid };
  }
}

function reasonFor(status: number, payload: { code?: number; message?: string } | null): string {
  if (payload?.code && KNOWN_ERRORS[payload.code]) return `${KNOWN_ERRORS[payload.code]} (Twilio ${payload.code})`;
  if (status === 401) return KNOWN_ERRORS[20003];
  if (status === 429) return "the SMS gateway is rate-limiting requests; try again in a minute";
  if (status >= 500) return `the SMS gateway had a server error (HTTP ${status})`;
  if (payload?.message) return `the SMS gateway refused the message: ${payload.message}${payload.code ? ` (Twilio ${payload.code})` : ""}`;
  return `the SMS gateway refused the message (HTTP ${status})`;
}
