// What the composer checks before enabling "Send": the same rules sendSms applies.
// Refusals are codes (+ params) of messages/<locale>/sms.json "refusal";
// app/(app)/contacts/_messages/sms-refusals.ts words them.
import { countSegments, MAX_SMS_PARTS, type SegmentInfo } from "./segments";

export type MessageProblem = { code: "empty" } | { code: "tooLong"; params: { parts: number; max: number } };

/** Why sendSms or queueMassSms refused before holding anything: the message's problem, or the recipients'. */
export type SmsRefusal = MessageProblem | { code: "contactGone" } | { code: "invalidNumber" } | { code: "noValidNumber" };

export function checkMessage(body: string): { ok: true; segments: SegmentInfo } | { ok: false; problem: MessageProblem } {
  if (!body.trim()) return { ok: false, problem: { code: "empty" } };
  const segments = countSegments(body);
  if (segments.parts > MAX_SMS_PARTS) return { ok: false, problem: { code: "tooLong", params: { parts: segments.parts, max: MAX_SMS_PARTS } } };
  return { ok: true, segments };
}
