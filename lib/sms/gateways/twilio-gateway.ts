import { SmsGatewayError, type OutgoingSms, type SmsFailureCode, type SmsGateway } from "./gateway";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164 or a Messaging Service SID ("MG…"). */
  from: string;
  /** Default https://api.twilio.com; tests point it at a local server. */
  apiUrl?: string;
  timeoutMs?: number;
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
        throw new SmsGatewayError("timeout", { timeoutMs }, { cause: error });
      }
      throw new SmsGatewayError("unreachable", {}, { cause: error });
    }
    const payload = (await response.json().catch(() => null)) as { sid?: string; status?: string; code?: number; message?: string; error_message?: string } | null;
    if (!response.ok) throw errorFor(response.status, payload);
    if (!payload?.sid) throw new SmsGatewayError("no-message-id");
    if (payload.status === "failed" || payload.status === "undelivered") {
      throw new SmsGatewayError("marked-failed", { status: payload.status, gatewayMessage: payload.error_message ?? null });
    }
    return { id: payload.sid };
  }
}

function errorFor(status: number, payload: { code?: number; message?: string } | null): SmsGatewayError {
  const details = { httpStatus: status, twilioCode: payload?.code ?? null, gatewayMessage: payload?.message ?? null };
  if (payload?.code && KNOWN_ERRORS[payload.code]) return new SmsGatewayError(KNOWN_ERRORS[payload.code], details);
  if (status === 401) return new SmsGatewayError("gateway-credentials", details);
  if (status === 429) return new SmsGatewayError("rate-limited", details);
  if (status >= 500) return new SmsGatewayError("gateway-server-error", details);
  return new SmsGatewayError("refused", details);
}
