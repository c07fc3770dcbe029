// The words for why an SMS was not sent (lib/sms returns and stores codes).
// Plain, so the send action and the mass-SMS dialog share them.
import type { SmsSendFailure } from "@/lib/sms/send-sms";

const WORDS: Record<SmsSendFailure, string> = {
  "gateway-credentials": "the SMS gateway refused its credentials (check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)",
  "invalid-number": "the gateway says the number is not a valid phone number",
  "country-not-enabled": "sending to this country is not enabled on the SMS gateway account",
  unsubscribed: "the recipient has unsubscribed from SMS (replied STOP)",
  unroutable: "the gateway cannot route messages to this number",
  "not-mobile": "the number cannot receive SMS (not a mobile number)",
  "sender-invalid": "the sender number cannot send SMS (check TWILIO_FROM)",
  "carrier-filtered": "the carrier filtered the message",
  "rate-limited": "the SMS gateway is rate-limiting requests; try again in a minute",
  "gateway-server-error": "the SMS gateway had a server error; try again later",
  refused: "the SMS gateway refused the message",
  timeout: "the SMS gateway did not answer in time",
  unreachable: "the SMS gateway could not be reached",
  "no-message-id": "the SMS gateway answered without a message id",
  "marked-failed": "the SMS gateway marked the message failed",
  "empty-message": "the message is empty",
  "already-tried": "this message was already tried and not sent",
  "duplicate-number": "duplicate number: sent once in this batch",
  unexpected: "the SMS gateway failed unexpectedly",
};

/** Words for a failure code; a code this version does not know (an older row) is shown as it is. */
export function smsFailureText(code: string): string {
  return (WORDS as Record<string, string>)[code] ?? code;
}
