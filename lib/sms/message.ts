// What the composer checks before enabling "Send": the same rules sendSms applies.
import { countSegments, MAX_SMS_PARTS, type SegmentInfo } from "./segments";

export function checkMessage(body: string): { ok: true; segments: SegmentInfo } | { ok: false; message: string } {
  if (!body.trim()) return { ok: false, message: "Write a message before sending." };
  const segments = countSegments(body);
  if (segments.parts > MAX_SMS_PARTS) {
    return { ok: false, message: `This message needs ${segments.parts} SMS; shorten it to ${MAX_SMS_PARTS} SMS or fewer.` };
  }
  return { ok: true, segments };
}
