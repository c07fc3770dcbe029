// A local server speaking the part of Twilio's Messages API the app uses:
// POST /2010-04-01/Accounts/{sid}/Messages.json (form: To, From, Body) and
// GET …/Messages.json?To=… (newest first). It records every request and every
// message it accepted, and can be slow, rate-limited (429 + Retry-After),
// failing (5xx) or cut off mid-request, to test how the app copes.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface AcceptedMessage {
  sid: string;
  to: string;
  body: string;
  dateCreated: Date;
}

export interface TwilioServerOptions {
  /** Milliseconds before each answer. */
  latencyMs?: number;
  /** Accept at most this many messages a second (token bucket of `burst`); beyond it, 429 with Retry-After: 1. */
  ratePerSecond?: number;
  burst?: number;
}

export interface TwilioServer {
  url: string;
  accepted: AcceptedMessage[];
  /** POSTs received, accepted or not. */
  posts: number;
  /** 429s answered. */
  rateLimited: number;
  /** Per number and body: how many times it was accepted (should be 1). */
  acceptedCount(to: string, body: string): number;
  /** Every POST answers this for `ms` (e.g. 429 with Retry-After: 1, or 503). */
  failFor(ms: number, status: number, headers?: Record<string, string>): void;
  /** The next `n` accepted messages get no answer: the connection is destroyed after they are recorded. */
  dropAnswers(n: number): void;
  close(): Promise<void>;
}

export async function startTwilioServer(options: TwilioServerOptions = {}): Promise<TwilioServer> {
  const accepted: AcceptedMessage[] = [];
  const counts = new Map<string, number>();
  let posts = 0;
  let rateLimited = 0;
  let failing: { until: number; status: number; headers: Record<string, string> } | null = null;
  let drop = 0;
  const rate = options.ratePerSecond ?? 0;
  const burst = options.burst ?? Math.max(1, Math.ceil(rate / 10));
  let tokens = burst;
  let refilled = Date.now();
  let nextSid = 0;

  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/__stats") {
      // For a test or benchmark running this server in another process.
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ posts, rateLimited, accepted: accepted.map((m) => ({ to: m.to, body: m.body, at: m.dateCreated.getTime() })) }));
      return;
    }
    if (!/^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(url.pathname)) {
      res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ code: 20404, message: "Not found" }));
      return;
    }
    if (req.method === "GET") {
      const to = url.searchParams.get("To");
      const messages = accepted
        .filter((m) => !to || m.to === to)
        .slice(-Number(url.searchParams.get("PageSize") ?? 50))
        .reverse()
        .map((m) => ({ sid: m.sid, to: m.to, body: m.body, status: "queued", date_created: m.dateCreated.toUTCString() }));
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ messages, next_page_uri: null }));
      return;
    }
    posts++;
    if (failing && Date.now() < failing.until) {
      if (failing.status === 429) rateLimited++;
      res.writeHead(failing.status, { "Content-Type": "application/json", ...failing.headers }).end(JSON.stringify({ code: failing.status === 429 ? 20429 : 20500, message: "Try later" }));
      return;
    }
    if (rate > 0) {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - refilled) / 1000) * rate);
      refilled = now;
      if (tokens < 1) {
        rateLimited++;
        res.writeHead(429, { "Content-Type": "application/json", "Retry-After": "1" }).end(JSON.stringify({ code: 20429, message: "Too Many Requests" }));
        return;
      }
      tokens -= 1;
    }
    const form = new URLSearchParams(body);
    const message = { sid: `SM${(++nextSid).toString(16).padStart(32, "0")}`, to: form.get("To") ?? "", body: form.get("Body") ?? "", dateCreated: new Date() };
    accepted.push(message);
    const key = `${message.to}\n${message.body}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (drop > 0) {
      drop--;
      req.socket.destroy();
      return;
    }
    res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ sid: message.sid, status: "queued", to: message.to, body: message.body }));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    get posts() {
      return posts;
    },
    get rateLimited() {
      return rateLimited;
    },
    acceptedCount: (to, body) => counts.get(`${to}\n${body}`) ?? 0,
    failFor(ms, status, headers = {}) {
      failing = { until: Date.now() + ms, status, headers };
    },
    dropAnswers(n) {
      drop = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
