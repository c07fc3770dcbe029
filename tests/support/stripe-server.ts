// A local HTTP server standing in for api.stripe.com, for the real Stripe SDK
// (STRIPE_API_URL → host/port/protocol). It records every request (method,
// path, headers, form body) and answers the calls billing makes with objects
// shaped like Stripe's; a test changes `behaviour` to decline cards, ask for
// authentication, slow down or fail.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

export interface FakeStripe {
  url: string;
  seen: SeenRequest[];
  /** Requests to one method + path (path without query). */
  requests(method: string, path: string | RegExp): SeenRequest[];
  behaviour: {
    /** How POST /v1/payment_intents answers. */
    paymentIntent: "succeeded" | "processing" | "declined" | "requires_action" | "authentication_required" | "down";
    /** Milliseconds before answering POST /v1/payment_intents (a payment in flight for that long). */
    paymentIntentDelayMs: number;
  };
  /** Invoices GET /v1/invoices/:id returns. */
  invoices: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

function id(prefix: string) {
  return `${prefix}_test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const seen: SeenRequest[] = [];
  const behaviour: FakeStripe["behaviour"] = { paymentIntent: "succeeded", paymentIntentDelayMs: 0 };
  const invoices = new Map<string, Record<string, unknown>>();
  // Stripe's idempotency: the same key returns the first answer.
  const byKey = new Map<string, { status: number; body: unknown }>();
  const sessions = new Map<string, Record<string, unknown>>();

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", async () => {
      const path = (req.url ?? "").split("?")[0];
      const form = new URLSearchParams(raw);
      seen.push({ method: req.method ?? "", path, headers: req.headers, form });
      const reply = (status: number, body: unknown) => {
        res.statusCode = status;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(body));
      };
      const key = req.headers["idempotency-key"];
      const remembered = typeof key === "string" ? byKey.get(`${path}:${key}`) : undefined;
      if (req.method === "POST" && remembered) return reply(remembered.status, remembered.body);
      const answer = (status: number, body: unknown) => {
        if (typeof key === "string" && status < 500) byKey.set(`${path}:${key}`, { status, body });
        reply(status, body);
      };

      if (req.method === "POST" && path === "/v1/customers") return answer(200, { id: id("cus"), object: "customer", name: form.get("name") });
      if (req.method === "POST" && path === "/v1/checkout/sessions") {
        const sessionId = id("cs");
        const mode = form.get("mode");
        const body = {
          id: sessionId,
          object: "checkout.session",
          mode,
          url: `https://checkout.stripe.test/c/${mode}/${sessionId}`,
          amount_total: mode === "setup" ? null : Number(form.get("line_items[0][price_data][unit_amount]")),
          currency: form.get("currency") ?? form.get("line_items[0][price_data][currency]"),
          client_reference_id: form.get("client_reference_id"),
          metadata: Object.fromEntries([...form].filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v])),
          customer: form.get("customer"),
          payment_status: mode === "setup" ? "no_payment_required" : "unpaid",
          setup_intent: mode === "setup" ? id("seti") : null,
        };
        sessions.set(sessionId, body);
        return answer(200, body);
      }
      const setupIntent = /^\/v1\/setup_intents\/([^/]+)$/.exec(path);
      if (req.method === "GET" && setupIntent) {
        return reply(200, {
          id: setupIntent[1],
          object: "setup_intent",
          status: "succeeded",
          payment_method: { id: id("pm"), object: "payment_method", type: "card", card: { brand: "visa", last4: "4242" } },
        });
      }
      const invoice = /^\/v1\/invoices\/([^/]+)$/.exec(path);
      if (req.method === "GET" && invoice) {
        const found = invoices.get(invoice[1]);
        return found ? reply(200, found) : reply(404, { error: { type: "invalid_request_error", message: `No such invoice: ${invoice[1]}` } });
      }
      if (req.method === "POST" && path === "/v1/payment_intents") {
        if (behaviour.paymentIntentDelayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.paymentIntentDelayMs));
        const intent = {
          id: id("pi"),
          object: "payment_intent",
          amount: Number(form.get("amount")),
          currency: form.get("currency"),
          customer: form.get("customer"),
          payment_method: form.get("payment_method"),
          metadata: { purchaseId: form.get("metadata[purchaseId]") },
          status: "succeeded",
          last_payment_error: null as null | Record<string, string>,
        };
        switch (behaviour.paymentIntent) {
          case "down":
            return reply(500, { error: { type: "api_error", message: "Stripe is down" } });
          case "declined":
          case "authentication_required": {
            const code = behaviour.paymentIntent === "declined" ? "card_declined" : "authentication_required";
            const message = code === "card_declined" ? "Your card has insufficient funds." : "Your card was declined. This transaction requires authentication.";
            const error = { code, decline_code: code === "card_declined" ? "insufficient_funds" : "authentication_required", message };
            return answer(402, { error: { type: "card_error", ...error, payment_intent: { ...intent, status: "requires_payment_method", last_payment_error: error } } });
          }
          case "requires_action":
            return answer(200, { ...intent, status: "requires_action" });
          case "processing":
            return answer(200, { ...intent, status: "processing" });
          default:
            return answer(200, intent);
        }
      }
      reply(404, { error: { type: "invalid_request_error", message: `No such route ${req.method} ${path}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    behaviour,
    invoices,
    requests: (method, path) => seen.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The JSON body Stripe would POST for an event about `object`. */
export function stripeEvent(type: string, object: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    type,
    data: { object },
  });
}
