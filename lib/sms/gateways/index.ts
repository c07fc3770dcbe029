import "server-only";
import { env } from "@/lib/env";
import type { SmsGateway } from "./gateway";
import { TestSmsGateway } from "./test-gateway";
import { TwilioSmsGateway } from "./twilio-gateway";

export { SmsGatewayError, type OutgoingSms, type SmsFailureCode, type SmsGateway } from "./gateway";
export { TestSmsGateway } from "./test-gateway";
export { TwilioSmsGateway } from "./twilio-gateway";

let cached: SmsGateway | undefined;

/** Twilio when its three variables are set (lib/env checks they come together), else the test gateway. */
export function smsGateway(): SmsGateway {
  if (cached) return cached;
  const config = env();
  cached =
    config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM
      ? new TwilioSmsGateway({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          from: config.TWILIO_FROM,
          apiUrl: config.TWILIO_API_URL,
        })
      : new TestSmsGateway();
  return cached;
}
