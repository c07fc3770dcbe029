import { Pool } from "undici";
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
  private readonly path: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  // One keep-alive pool per gateway, no cap on connections (the senders are
  // the cap): a mass SMS keeps rate × latency requests in flight (200/s at
  // 50 ms: 10). undici's request rather than fetch: fetch's WHATWG streams,
  // Headers and an AbortSignal timer per message were the largest CPU cost of
  // a batch, and on a busy machine CPU is what holds the pace down.
  private readonly pool: Pool;

  constructor(private readonly config: TwilioConfig) {
    const base = new URL(config.apiUrl ?? "https://api.twilio.com");
    this.path = `${base.pathname.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
    this.timeoutMs = config.timeoutMs ?? 10_000;
    this.pool = new Pool(base.origin, { connectTimeout: this.timeoutMs, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs, keepAliveTimeout: 30_000 });
  }

  async send(message: OutgoingSms): Promise<{ id: string }> {
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    // A Messaging Service picks its own number; an alphanumeric sender goes in From beside it.
    const service = this.config.from.startsWith("MG");
    if (service) form.set("MessagingServiceSid", this.config.from);
    const from = message.from ?? (service ? undefined : this.config.from);
    if (from) form.set("From", from);
    if (this.config.statusCallbackUrl) form.set("StatusCallback", this.config.statusCallbackUrl);
    const response = await this.request({ method: "POST", path: this.path, contentType: "application/x-www-form-urlencoded", body: form.toString() }, true);
    const payload = response.payload as { sid?: string; status?: string; code?: number; message?: string; error_message?: string } | null;
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
    const response = await this.request({ method: "GET", path: `${this.path}?${query}` }, false);
    const payload = response.payload as { messages?: { sid: string; body: string; date_created: string; status: string }[] } | null;
    if (!response.ok || !Array.isArray(payload?.messages)) throw errorFor(response, null);
    const after = since.getTime() - 60_000;
    const found = payload.messages.find(
      (m) => m.body === message.body && Date.parse(m.date_created) >= after && m.status !== "failed" && m.status !== "undelivered",
    );
    return found ? { id: found.sid } : null;
  }

  /** One request, its JSON answer read whole (null when it is not JSON); network failures as SmsGatewayError. */
  private async request(init: { method: "GET" | "POST"; path: string; contentType?: string; body?: string }, creates: boolean): Promise<GatewayResponse> {
    try {
      const { statusCode, headers, body } = await this.pool.request({
        method: init.method,
        path: init.path,
        headers: { Authorization: this.authorization, Accept: "application/json", ...(init.contentType ? { "Content-Type": init.contentType } : {}) },
        body: init.body,
      });
      const text = await body.text();
      let payload: unknown = null;
      try {
        payload = JSON.parse(text);
      } catch {
        // An HTML error page from a proxy: the status says enough.
      }
      const retryAfter = headers["retry-after"];
      return { status: statusCode, ok: statusCode >= 200 && statusCode < 300, retryAfter: (Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) ?? null, payload };
    } catch (error) {
      const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
      // Waiting for a connection: the request never left.
      if (code === "UND_ERR_CONNECT_TIMEOUT") throw new SmsGatewayError("timeout", { timeoutMs: this.timeoutMs }, { cause: error, failure: "unavailable" });
      if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
        throw new SmsGatewayError("timeout", { timeoutMs: this.timeoutMs }, { cause: error, failure: creates ? "unknown-outcome" : "unavailable" });
      }
      // Refused or unresolvable: the request never left. Anything else (a reset
      // mid-request) may have reached the gateway.
      const neverSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
      throw new SmsGatewayError("unreachable", {}, { cause: error, failure: neverSent || !creates ? "unavailable" : "unknown-outcome" });
    }
  }
}

interface GatewayResponse {
  status: number;
  ok: boolean;
  retryAfter: string | null;
  payload: unknown;
}

function errorFor(response: GatewayResponse, payload: { code?: number; message?: string } | null): SmsGatewayError {
  const status = response.status;
  const details = { httpStatus: status, twilioCode: payload?.code ?? null, gatewayMessage: payload?.message ?? null };
  const retryAfterMs = parseRetryAfter(response.retryAfter);
  if (payload?.code && KNOWN_ERRORS[payload.code]) return new SmsGatewayError(KNOWN_ERRORS[payload.code], details);
  if (status === 401) return new SmsGatewayError("gateway-credentials", details);
  if (status === 429) return new SmsGatewayError("rate-limited", details, { retryAfterMs });
  // A 502/504 comes from a proxy that may have passed the request on; a 500/503 took nothing.
  if (status === 502 || status === 504) return new SmsGatewayError("gateway-server-error", details, { failure: "unknown-outcome" });
  if (status >= 500) return new SmsGatewayError("gateway-server-error", details, { retryAfterMs });
  return new SmsGatewayError("refused", details);
}
