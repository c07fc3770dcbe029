import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidTwilioSignature, twilioSignature } from "./twilio-signature";

// Twilio's published test vector (its SDKs' RequestValidator tests): this token, URL and
// parameters sign to this value.
const token = "12345";
const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
const params: [string, string][] = [
  ["CallSid", "CA1234567890ABCDE"],
  ["Caller", "+14158675309"],
  ["Digits", "1234"],
  ["From", "+14158675309"],
  ["To", "+18005551212"],
];

describe("Twilio request signature", () => {
  it("matches Twilio's documented example", () => {
    expect(twilioSignature(token, url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("sorts parameters by name whatever order they came in", () => {
    const manual = createHmac("sha1", token).update(url + params.map(([n, v]) => n + v).join("")).digest("base64");
    expect(twilioSignature(token, url, [...params].reverse())).toBe(manual);
  });

  it("refuses a missing header, another URL, a changed value or another token", () => {
    const good = twilioSignature(token, url, params);
    expect(isValidTwilioSignature(token, url, params, good)).toBe(true);
    expect(isValidTwilioSignature(token, url, params, null)).toBe(false);
    expect(isValidTwilioSignature(token, "https://mycompany.com/myapp.php?foo=1&bar=3", params, good)).toBe(false);
    expect(isValidTwilioSignature(token, url, [...params.slice(1), ["CallSid", "CA0"]], good)).toBe(false);
    expect(isValidTwilioSignature("54321", url, params, good)).toBe(false);
    expect(isValidTwilioSignature(token, url, params, good.slice(0, -1))).toBe(false);
  });

  it("accepts the URL signed with or without its port, as Twilio sends both, and no other port", () => {
    const withPort = twilioSignature(token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params);
    expect(withPort).not.toBe(twilioSignature(token, url, params));
    expect(isValidTwilioSignature(token, url, params, withPort)).toBe(true);
    expect(isValidTwilioSignature(token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params, twilioSignature(token, url, params))).toBe(true);
    expect(isValidTwilioSignature(token, "http://erp.local:8080/hook", params, twilioSignature(token, "http://erp.local/hook", params))).toBe(true);
    expect(isValidTwilioSignature(token, url, params, twilioSignature(token, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", params))).toBe(false);
    expect(isValidTwilioSignature(token, url, params, twilioSignature(token, "http://mycompany.com/myapp.php?foo=1&bar=2", params))).toBe(false);
  });

  it("a name sent more than once: each distinct value once, values sorted (as Twilio's own validator signs them)", () => {
    const repeated: [string, string][] = [["To", "+32470000002"], ["Body", "Hi"], ["To", "+32470000001"], ["To", "+32470000002"]];
    const manual = createHmac("sha1", token).update(`${url}BodyHiTo+32470000001To+32470000002`).digest("base64");
    expect(twilioSignature(token, url, repeated)).toBe(manual);
    expect(isValidTwilioSignature(token, url, [...repeated].reverse(), manual)).toBe(true);
  });
});
