import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { BODY_LIMIT_SMALL, BodyTooLargeError, readBodyWithin } from "@/lib/http/body-limit";
import { recordDeliveryReport } from "./delivery/record-report";
import { recordInboundReply } from "./opt-out";
import { isValidTwilioSignature } from "./twilio-signature";

// Twilio's two webhooks: status callbacks (POST /api/sms/status) and inbound
// messages (POST /api/sms/inbound). Both are form posts signed with the auth
// token over the URL Twilio called; that URL is APP_URL + the path + the query
// (the address Twilio was given), not what a proxy in front rewrote it to.
// Anything not correctly signed is refused with 403 and changes nothing.

/** Twilio's posts are a few hundred bytes; this is generous and keeps a flood out of memory. */
export const TWILIO_BODY_LIMIT = BODY_LIMIT_SMALL;

export interface WebhookAnswer {
  status: number;
  body: string;
  contentType: string;
}

const statusSchema = z.object({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().regex(/^\d{1,9}$/).optional(),
});

const inboundSchema = z.object({
  From: z.string().min(1).max(64),
  Body: z.string().max(2000).default(""),
  /** Set by Twilio's Advanced Opt-Out when the reply matched one of the account's own keywords. */
  OptOutType: z.enum(["STOP", "START", "HELP"]).optional(),
});

const json = (status: number, body: unknown): WebhookAnswer => ({ status, body: JSON.stringify(body), contentType: "application/json" });

export async function handleTwilioWebhook(request: Request, kind: "status" | "inbound"): Promise<WebhookAnswer> {
  const config = env();
  // Without Twilio nothing can sign a request: there is nothing to accept.
  if (!config.TWILIO_AUTH_TOKEN) return json(403, { error: "twilio-not-configured" });
  let raw: Uint8Array;
  try {
    raw = await readBodyWithin(request, TWILIO_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: "body-too-large", limitBytes: TWILIO_BODY_LIMIT });
    throw error;
  }
  const params = new URLSearchParams(new TextDecoder().decode(raw));
  const { pathname, search } = new URL(request.url);
  const signedUrl = `${config.APP_URL}${pathname}${search}`;
  if (!isValidTwilioSignature(config.TWILIO_AUTH_TOKEN, signedUrl, params, request.headers.get("x-twilio-signature"))) {
    return json(403, { error: "bad-signature" });
  }
  const fields = Object.fromEntries(params);
  if (kind === "status") {
    const parsed = statusSchema.safeParse(fields);
    if (!parsed.success) return json(400, { error: "invalid-report", issues: z.flattenError(parsed.error).fieldErrors });
    const outcome = await recordDeliveryReport({
      gatewayId: parsed.data.MessageSid,
      status: parsed.data.MessageStatus,
      errorCode: parsed.data.ErrorCode ? Number(parsed.data.ErrorCode) : null,
    });
    return json(200, { outcome: outcome.status });
  }
  const parsed = inboundSchema.safeParse(fields);
  if (!parsed.success) return json(400, { error: "invalid-message", issues: z.flattenError(parsed.error).fieldErrors });
  await recordInboundReply({ from: parsed.data.From, body: parsed.data.Body, optOutType: parsed.data.OptOutType });
  // An empty TwiML answer: Twilio sends its own STOP/START confirmations.
  return { status: 200, body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", contentType: "text/xml" };
}
