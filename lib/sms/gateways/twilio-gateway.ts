import { parseRetryAfter, SmsGatewayError, type OutgoingSms, type SmsGateway } from "./gateway";

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
    const response = await this.request(this.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form }, true);
    const payload = (await response.json().catch(() => null)) as { sid?: string; status?: string; code?: number; message?: string; error_message?: string } | null;
    if (!response.ok) throw errorFor(response, payload);
    if (!payload?.sid) throw new SmsGatewayError("the SMS gateway answered without a message id", { kind: "unknown-outcome" });
    if (payload.status === "failed" || payload.status === "undelivered") {
      throw new SmsGatewayError(payload.error_message ?? `the SMS gateway marked the message ${payload.status}`);
    }
    return { id: payload.sid };
  }

  /**
   * Twilio takes no idempotency key on Messages, so after an unknown outcome we
   * look: the latest messages to that number (newest first), one with the same
   * body created since the attempt (a minute's leeway for clock drift).
   */
  async findSent(message: OutgoingSms, since: Date): Promise<{ id: string } | null> {
    const query = new URLSearchParams({ To: message.to, PageSize: "50" });
    const response = await this.request(`${this.url}?${query}`, { method: "GET" }, false);
    const payload = (await response.json().catch(() => null)) as { messages?: { sid: string; body: string; date_created: string; status: string }[] } | null;
    if (!response.ok || !Array.isArray(payload?.messages)) throw errorFor(response, null);
    const after = since.getTime() - 60_000;
    const found = payload.messages.find(
      (m) => m.body === message.body && Date.parse(m.date_created) >= after && m.status !== "failed" && m.status !== "undelivered",
    );
    return found ? { id: found.sid } : null;
  }

  private async request(url: string, init: { method: string; headers?: Record<string, string>; body?: URLSearchParams }, creates: boolean): Promise<Response> {
    const timeoutMs = this.config.timeoutMs ?? 10_000;
    try {
      return await fetch(url, {
        ...init,
        headers: { ...init.headers, Authorization: this.authorization, Accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError") {
        const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
        throw new SmsGatewayError(`the SMS gateway did not answer within ${limit}`, { cause: error, kind: creates ? "unknown-outcome" : "unavailable" });
      }
      // Refused or unresolvable: the request never left. Anything else (a reset
      // mid-request) may have reached the gateway.
      const code = (error as { cause?: { code?: string } })?.cause?.code;
      const neverSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
      throw new SmsGatewayError("the SMS gateway could not be reached", { cause: error, kind: neverSent || !creates ? "unavailable" : "unknown-outcome" });
    }
  }
}

function errorFor(response: Response, payload: { code?: number; message?: string } | null): SmsGatewayError {
  const reason = reasonFor(response.status, payload);
  if (response.status === 429) return new SmsGatewayError(reason, { kind: "rate-limited", retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) });
  // A 502/504 comes from a proxy that may have passed the request on; a 500/503 took nothing.
  if (response.status === 502 || response.status === 504) return new SmsGatewayError(reason, { kind: "unknown-outcome" });
  if (response.status >= 500) return new SmsGatewayError(reason, { kind: "unavailable", retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) });
  return new SmsGatewayError(reason);
}

function reasonFor(status: number, payload: { code?: number; message?: string } | null): string {
  if (payload?.code && KNOWN_ERRORS[payload.code]) return `${KNOWN_ERRORS[payload.code]} (Twilio ${payload.code})`;
  if (status === 401) return KNOWN_ERRORS[20003];
  if (status === 429) return "the SMS gateway is rate-limiting requests; try again in a minute";
  if (status >= 500) return `the SMS gateway had a server error (HTTP ${status})`;
  if (payload?.message) return `the SMS gateway refused the message: ${payload.message}${payload.code ? ` (Twilio ${payload.code})` : ""}`;
  return `the SMS gateway refused the message (HTTP ${status})`;
}
