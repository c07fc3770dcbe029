import "server-only";
import { env } from "@/lib/env";
import { scheduleSimulatedReports } from "../delivery/simulate";
import type { SmsGateway } from "./gateway";
import { TestSmsGateway } from "./test-gateway";
import { TwilioSmsGateway } from "./twilio-gateway";

export { SmsGatewayError, type OutgoingSms, type SmsFailureCode, type SmsGateway } from "./gateway";
export { TestSmsGateway } from "./test-gateway";
export { TwilioSmsGateway } from "./twilio-gateway";

/** The URL Twilio posts delivery reports to, and signs: the route checks the signature against this same URL. */
export function statusCallbackUrl(appUrl: string): string {
  return `${appUrl}/api/sms/status`;
}

let cached: { key: string; gateway: SmsGateway } | undefined;

/** Twilio when its three variables are set (lib/env checks they come together), else the test gateway. */
export function smsGateway(): SmsGateway {
  const config = env();
  // One per configuration: a mass SMS paces itself per gateway (lib/sms/mass-sms/pacer.ts).
  const key = [config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, config.TWILIO_FROM, config.TWILIO_API_URL, config.APP_URL, config.SMS_TEST_REPORT_DELAY_MS].join("|");
  if (cached?.key === key) return cached.gateway;
  const gateway =
    config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM
      ? new TwilioSmsGateway({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          from: config.TWILIO_FROM,
          apiUrl: config.TWILIO_API_URL,
          statusCallbackUrl: statusCallbackUrl(config.APP_URL),
        })
      : new TestSmsGateway({
          onAccepted: config.SMS_TEST_REPORT_DELAY_MS > 0 ? (id, message) => scheduleSimulatedReports(id, message.to, config.SMS_TEST_REPORT_DELAY_MS) : undefined,
        });
  cached = { key, gateway };
  return gateway;
}
