// Twilio's request signature (X-Twilio-Signature), from its documented
// algorithm (twilio.com/docs/usage/webhooks/webhooks-security): take the full
// URL Twilio called, append each POST parameter sorted by name as name then
// value (no separators), HMAC-SHA1 the result with the account's auth token,
// base64. Written here rather than taken from the `twilio` package: that SDK
// is ~10 MB for these fifteen lines, and the app talks to Twilio's REST API
// with fetch already.
import { createHmac, timingSafeEqual } from "node:crypto";

export function twilioSignature(authToken: string, url: string, params: Iterable<[string, string]>): string {
  // Sorted by name (byte order, as Twilio does); a repeated name keeps its values in the order sent.
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let data = url;
  for (const [name, value] of sorted) data += name + value;
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Constant-time comparison of the header against the signature we compute; a missing header is never valid. */
export function isValidTwilioSignature(authToken: string, url: string, params: Iterable<[string, string]>, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
