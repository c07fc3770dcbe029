import { parseRetryAfter, SmsGatewayError, type OutgoingSms, type SmsFailureCode, type SmsGateway } from "./gateway";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164 or a Messaging Service SID ("MG…"). */
  from: string;
  /** Default https://api.twilio.com; tests point it at a local server. */
  apiUrl?: string;
  timeoutMs?: number;
  /** Where Twilio posts delivery reports (APP_URL/api/sms/status); absent: no reports asked for. */
  statusCallbackUrl?: string;
}

// Twilio's error codes a user can act on, as our failure codes; any other
// refusal is "refused", with Twilio's code and message kept in the details.
const KNOWN_ERRORS: Record<number, SmsFailureCode> = {
  20003: "gateway-credentials",
  21211: "invalid-number",
  21408: "country-not-enabled",
  21610: "unsubscribed",
  21612: "unroutable",
  21614: "not-mobile",
  21606: "sender-invalid",
  30007: "carrier-filtered",
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
    // A Messaging Service picks its own number; an alphanumeric sender goes in From beside it.
    const service = this.config.from.startsWith("MG");
    if (service) form.set("MessagingServiceSid", this.config.from);
    const from = message.from ?? (service ? undefined : this.config.from);
    if (from) form.set("From", from);
    if (this.config.statusCallbackUrl) form.set("StatusCallback", this.config.statusCallbackUrl);
    const response = await this.request(this.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form }, true);
    const payload = (await response.json().catch(() => null)) as { sid?: string; status?: string; code?: number; message?: string; error_message?: string } | null;
    if (!response.ok) throw errorFor(response, payload);
    // Accepted without an id: it may have been sent.
    if (!payload?.sid) throw new SmsGatewayError("no-message-id");
    if (payload.status === "failed" || payload.status === "undelivered") {
      throw new SmsGatewayError("marked-failed", { status: payload.status, gatewayMessage: payload.error_message ?? null });
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
        throw new SmsGatewayError("timeout", { timeoutMs }, { cause: error, failure: creates ? "unknown-outcome" : "unavailable" });
      }
      // Refused or unresolvable: the request never left. Anything else (a reset
      // mid-request) may have reached the gateway.
      const code = (error as { cause?: { code?: string } })?.cause?.code;
      const neverSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
      throw new SmsGatewayError("unreachable", {}, { cause: error, failure: neverSent || !creates ? "unavailable" : "unknown-outcome" });
    }
  }
}

function errorFor(response: Response, payload: { code?: number; message?: string } | null): SmsGatewayError {
  const status = response.status;
  const details = { httpStatus: status, twilioCode: payload?.code ?? null, gatewayMessage: payload?.message ?? null };
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  if (payload?.code && KNOWN_ERRORS[payload.code]) return new SmsGatewayError(KNOWN_ERRORS[payload.code], details);
  if (status === 401) return new SmsGatewayError("gateway-credentials", details);
  if (status === 429) return new SmsGatewayError("rate-limited", details, { retryAfterMs });
  // A 502/504 comes from a proxy that may have passed the request on; a 500/503 took nothing.
  if (status === 502 || status === 504) return new SmsGatewayError("gateway-server-error", details, { failure: "unknown-outcome" });
  if (status >= 500) return new SmsGatewayError("gateway-server-error", details, { retryAfterMs });
  return new SmsGatewayError("refused", details);
}
