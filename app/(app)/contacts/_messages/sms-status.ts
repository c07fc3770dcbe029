// The words and tone of an SMS's delivery state, for the chatter's status
// line and the mass SMS summary (lib returns states and codes).
import type { Tone } from "@/components/status-badge";
import type { ChatterSms } from "@/lib/contacts/chatter";
import type { SmsDeliveryFailure } from "@/lib/sms/delivery/failure-policy";
import { smsFailureText } from "./sms-failures";

const DELIVERY_FAILURES: Record<SmsDeliveryFailure, string> = {
  "queue-overflow": "the gateway's queue overflowed",
  "account-suspended": "the SMS account was suspended",
  unreachable: "unreachable",
  blocked: "blocked by the recipient or their carrier",
  "unknown-number": "unknown number",
  landline: "landline or unreachable carrier",
  "carrier-filtered": "filtered by the carrier",
  "carrier-error": "carrier error",
  "missing-segment": "part of the message was lost",
  "price-exceeded": "price above the account's limit",
  "carrier-congestion": "carrier network congestion",
  "sender-not-registered": "the sender is not registered for this country",
  expired: "expired before it could be delivered",
  unsubscribed: "the recipient unsubscribed",
  "not-mobile": "not a mobile number",
  "invalid-number": "invalid number",
};

export function deliveryFailureText(code: string | null): string {
  return (code && (DELIVERY_FAILURES as Record<string, string>)[code]) || code || "no reason given";
}

/** Still moving: the chatter keeps asking until every SMS it shows has a final state. */
export function isPending(sms: ChatterSms): boolean {
  return sms.state === "QUEUED" || sms.state === "SENDING" || sms.state === "SENT";
}

export function smsStatus(sms: ChatterSms): { tone: Tone; label: string; detail?: string } {
  switch (sms.state) {
    case "QUEUED":
    case "SENDING":
      return { tone: "info", label: "Queued" };
    case "SENT":
      return { tone: "info", label: "Sent", detail: "Waiting for the carrier's delivery report." };
    case "DELIVERED":
      return { tone: "success", label: "Delivered" };
    case "FAILED":
      return {
        tone: "danger",
        label: `Failed — ${deliveryFailureText(sms.reason)}`,
        detail: sms.refunded
          ? "Credits refunded: the failure was not the recipient's number."
          : "Credits not refunded: the message reached the carrier and failed on the recipient's number.",
      };
    case "ERROR":
      return { tone: "danger", label: "Not sent", detail: `${smsFailureText(sms.reason ?? "unexpected")}. No credits were used.` };
    case "CANCELED":
      return { tone: "neutral", label: "Not sent separately", detail: smsFailureText(sms.reason ?? "duplicate-number") };
  }
}
