// The words and tone of an SMS's delivery state, for the chatter's status
// line and the mass SMS summary (lib returns states and codes).
import type { Tone } from "@/components/status-badge";
import type { ChatterSms } from "@/lib/contacts/chatter";
import { smsFailureText, type SmsWords } from "./sms-failures";

/** Why a delivered-to-carrier SMS failed (an SmsDeliveryFailure code), in the words of `t` (the "sms" namespace, in the reader's language). */
export function deliveryFailureText(code: string | null, t: SmsWords): string {
  if (!code) return t("delivery.none");
  return t.has(`delivery.${code}`) ? t(`delivery.${code}`) : code;
}

/** Still moving: the chatter keeps asking until every SMS it shows has a final state. */
export function isPending(sms: ChatterSms): boolean {
  return sms.state === "QUEUED" || sms.state === "SENDING" || sms.state === "SENT";
}

export function smsStatus(t: SmsWords, sms: ChatterSms): { tone: Tone; label: string; detail?: string } {
  switch (sms.state) {
    case "QUEUED":
    case "SENDING":
      return { tone: "info", label: t("status.queued") };
    case "SENT":
      return { tone: "info", label: t("status.sent"), detail: t("status.sentDetail") };
    case "DELIVERED":
      return { tone: "success", label: t("status.delivered") };
    case "FAILED":
      return {
        tone: "danger",
        label: t("status.failed", { reason: deliveryFailureText(sms.reason, t) }),
        detail: sms.refunded ? t("status.refunded") : t("status.notRefunded"),
      };
    case "ERROR":
      return { tone: "danger", label: t("status.notSent"), detail: t("status.notSentDetail", { reason: smsFailureText(t, sms.reason ?? "unexpected") }) };
    case "CANCELED":
      return { tone: "neutral", label: t("status.notSentSeparately"), detail: smsFailureText(t, sms.reason ?? "duplicate-number") };
  }
}
