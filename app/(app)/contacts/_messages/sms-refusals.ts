// The words for why sendSms / queueMassSms refused before anything was held
// (lib/sms returns a code + params; messages/<locale>/sms.json "refusal" words them).
import type { SmsRefusal } from "@/lib/sms/message";
import type { SmsWords } from "./sms-failures";

/** Words for a refusal, with the sms namespace's translator. */
export function smsRefusalText(t: SmsWords, refusal: SmsRefusal): string {
  return "params" in refusal ? t(`refusal.${refusal.code}`, refusal.params) : t(`refusal.${refusal.code}`);
}
