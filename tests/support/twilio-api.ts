// A local server speaking the part of Twilio's Messages API the app uses
// (POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded) that keeps
// every form it accepted, so a test can read the StatusCallback and From the
// app asked for and then play Twilio's callbacks back, signed.
import { createHmac } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface TwilioApi {
  url: string;
  /** Each accepted message's form, with the SID it was given. */
  messages: { sid: string; form: URLSearchParams }[];
  close(): Promise<void>;
}

export async function startTwilioApi(): Promise<TwilioApi> {
  const messages: TwilioApi["messages"] = [];
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method !== "POST" || !/^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(req.url ?? "")) {
      res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ code: 20404, message: "Not found" }));
      return;
    }
    const form = new URLSearchParams(body);
    const sid = `SM${(messages.length + 1).toString(16).padStart(32, "0")}`;
    messages.push({ sid, form });
    res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ sid, status: "queued", to: form.get("To") }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/**
 * X-Twilio-Signature as Twilio documents it, written out here on purpose
 * (not the app's code): the URL, then each parameter sorted by name as
 * name + value, HMAC-SHA1 keyed by the auth token, base64.
 */
export function signLikeTwilio(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf-8")).digest("base64");
}

/** A form POST the way Twilio sends its webhooks. */
export function twilioPost(url: string, params: Record<string, string>, signature: string | null): Request {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "TwilioProxy/1.1" };
  if (signature !== null) headers["X-Twilio-Signature"] = signature;
  return new Request(url, { method: "POST", headers, body: new URLSearchParams(params).toString() });
}
