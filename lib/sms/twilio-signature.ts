// Twilio's request signature (X-Twilio-Signature), from its documented
// algorithm (twilio.com/docs/usage/webhooks/webhooks-security): take the full
// URL Twilio called, append each POST parameter sorted by name as name then
// value (no separators), HMAC-SHA1 the result with the account's auth token,
// base64. Where the documentation is silent we do what Twilio's own validator
// (twilio-node's webhooks.ts) does: a name sent more than once counts each
// distinct value once, values sorted; and the URL is tried with and without
// its port, because Twilio signs some requests with the standard port written
// out (":443") and some without. Written here rather than taken from the
// `twilio` package: that SDK is ~10 MB for these lines, and the app talks to
// Twilio's REST API with fetch already.
import { createHmac, timingSafeEqual } from "node:crypto";

export function twilioSignature(authToken: string, url: string, params: Iterable<[string, string]>): string {
  const valuesByName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const values = valuesByName.get(name) ?? new Set<string>();
    values.add(value);
    valuesByName.set(name, values);
  }
  // Default sort: UTF-16 code unit order, as Twilio's validators sort.
  let data = url;
  for (const name of [...valuesByName.keys()].sort()) for (const value of [...valuesByName.get(name)!].sort()) data += name + value;
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** The URL as given, without its port and with it (the scheme's standard one when it has none): the forms Twilio may have signed. */
function signedUrlForms(url: string): string[] {
  const parsed = new URL(url);
  const rest = `${parsed.pathname}${parsed.search}`;
  const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
  return [...new Set([url, `${parsed.protocol}//${parsed.hostname}${rest}`, `${parsed.protocol}//${parsed.hostname}:${port}${rest}`])];
}

/** Constant-time comparison of the header against the signature we compute for each form of the URL; a missing header is never valid. */
export function isValidTwilioSignature(authToken: string, url: string, params: Iterable<[string, string]>, header: string | null): boolean {
  if (!header) return false;
  const given = Buffer.from(header);
  const pairs = [...params];
  return signedUrlForms(url)
    .map((form) => Buffer.from(twilioSignature(authToken, form, pairs)))
    .some((expected) => expected.length === given.length && timingSafeEqual(expected, given));
}
