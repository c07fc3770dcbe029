// The Checkout Session request and the success-page confirmation, made by the
// real Stripe SDK against a local HTTP server standing in for api.stripe.com
// (STRIPE_API_URL → host/port/protocol).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { balanceAndPurchaseEntries, packOf, sessionEvent, sign, WEBHOOK_SECRET, withEnv } from "@/tests/support/billing";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { findPurchase } from "../purchases";
import { confirmStripeCheckout } from "../receipts";
import { BuyRefusedError } from "../errors";
import { startCheckout } from "../start-checkout";

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

const APP_URL = "http://erp.test:4000";
let server: Server;
let seen: Seen[] = [];
/** Sessions the fake Stripe knows, by id; `paymentStatus` is what GET returns. */
const sessions = new Map<string, { body: Record<string, unknown>; paymentStatus: string }>();
let failCreate = false;
let failRetrieve = false;
let created = 0;
let restoreEnv: () => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      seen.push({ method: req.method ?? "", path, headers: req.headers, form: new URLSearchParams(raw) });
      res.setHeader("content-type", "application/json");
      if (req.method === "POST" && path === "/v1/checkout/sessions") {
        if (failCreate) {
          res.statusCode = 500;
          res.end(JSON.stringify({ error: { type: "api_error", message: "Stripe is down" } }));
          return;
        }
        const form = new URLSearchParams(raw);
        const id = `cs_test_local_${process.pid}_${++created}`;
        const body = {
          id,
          object: "checkout.session",
          mode: "payment",
          url: `https://checkout.stripe.test/c/pay/${id}`,
          amount_total: Number(form.get("line_items[0][price_data][unit_amount]")),
          currency: form.get("line_items[0][price_data][currency]"),
          client_reference_id: form.get("client_reference_id"),
          metadata: { purchaseId: form.get("metadata[purchaseId]") },
          payment_status: "unpaid",
        };
        sessions.set(id, { body, paymentStatus: "unpaid" });
        res.end(JSON.stringify(body));
        return;
      }
      const match = /^\/v1\/checkout\/sessions\/([^/?]+)/.exec(path);
      const known = match && sessions.get(decodeURIComponent(match[1]));
      if (req.method === "GET" && failRetrieve) {
        res.statusCode = 503;
        res.end(JSON.stringify({ error: { type: "api_error", message: "Stripe is unavailable" } }));
        return;
      }
      if (req.method === "GET" && known) {
        res.end(JSON.stringify({ ...known.body, payment_status: known.paymentStatus, status: "complete" }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `No such route ${req.method} ${path}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  restoreEnv = withEnv({
    STRIPE_SECRET_KEY: "sk_test_local_key",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: `http://127.0.0.1:${port}`,
    APP_URL,
  });
});

afterAll(async () => {
  restoreEnv();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  failCreate = false;
  failRetrieve = false;
});

async function buyStandardSms() {
  const { company, admin, user } = await createCompany();
  const { pack } = await packOf("sms", "standard");
  const started = await startCheckout({ ...admin, role: "ADMIN" }, { service: "sms", packId: pack.id });
  return { company, admin, user, pack, started };
}

describe("Stripe Checkout", () => {
  it("creates a payment-mode Checkout Session with what the pack says, and an idempotency key per purchase", async () => {
    const { pack, started } = await buyStandardSms();

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.headers.authorization).toBe("Bearer sk_test_local_key");
    expect(request.headers["idempotency-key"]).toBe(`checkout-session:purchase:${started.purchaseId}`);
    const form = Object.fromEntries(request.form);
    expect(form).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": String(pack.price),
      "line_items[0][price_data][product_data][name]": "SMS — Standard Pack (100 credits)",
      "metadata[purchaseId]": String(started.purchaseId),
      client_reference_id: String(started.purchaseId),
      success_url: `${APP_URL}/iap/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${APP_URL}/iap/buy/sms?cancelled=1`,
    });
    expect(pack.price).toBe(1200);

    const purchase = await prisma().purchase.findUniqueOrThrow({ where: { id: started.purchaseId } });
    expect(purchase).toMatchObject({ provider: "STRIPE", status: "PENDING", amount: 1200, currency: "EUR", credits: 10000n });
    expect(purchase.providerRef).toMatch(/^cs_test_local_/);
    expect(started.url).toBe(`https://checkout.stripe.test/c/pay/${purchase.providerRef}`);
  });

  it("a Stripe error leaves a FAILED purchase, no credits, and a message for the buyer", async () => {
    failCreate = true;
    const { company, admin } = await createCompany();
    const { pack } = await packOf("sms", "starter");
    await expect(startCheckout({ ...admin, role: "ADMIN" }, { service: "sms", packId: pack.id })).rejects.toThrow(BuyRefusedError);
    expect(seen).toHaveLength(1);
    const purchases = await prisma().purchase.findMany({ where: { account: { companyId: company.id } } });
    expect(purchases.map((p) => p.status)).toEqual(["FAILED"]);
    expect((await balanceAndPurchaseEntries(purchases[0].accountId)).balance).toBe(0n);
  });

  it("refuses a USER before anything is recorded or sent to Stripe", async () => {
    const { company, user } = await createCompany();
    const { pack } = await packOf("sms", "standard");
    await expect(startCheckout({ ...user, role: "USER" }, { service: "sms", packId: pack.id })).rejects.toMatchObject({ name: "BuyRefusedError", code: "admins-only" });
    expect(seen).toHaveLength(0);
    expect(await prisma().purchase.count({ where: { account: { companyId: company.id } } })).toBe(0);
  });

  it("refuses a pack of another service", async () => {
    const { admin } = await createCompany();
    const { pack } = await packOf("snailmail", "standard");
    await expect(startCheckout({ ...admin, role: "ADMIN" }, { service: "sms", packId: pack.id })).rejects.toThrow(BuyRefusedError);
    expect(seen).toHaveLength(0);
  });

  it("the success page retrieves the session: unpaid shows processing, paid credits once alongside 5 concurrent webhooks", async () => {
    const { company, pack, started } = await buyStandardSms();
    const sessionId = (await findPurchase(started.purchaseId))!.providerRef!;

    const processing = await confirmStripeCheckout(company.id, sessionId);
    expect(processing?.purchase.status).toBe("PENDING");
    expect(seen.at(-1)).toMatchObject({ method: "GET", path: `/v1/checkout/sessions/${sessionId}` });

    sessions.get(sessionId)!.paymentStatus = "paid";
    const purchase = (await findPurchase(started.purchaseId))!;
    const payload = sessionEvent("checkout.session.completed", purchase);
    const deliveries = Array.from({ length: 5 }, () =>
      webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers: { "stripe-signature": sign(payload) } })),
    );
    const [receipts, responses] = await Promise.all([
      Promise.all([confirmStripeCheckout(company.id, sessionId), confirmStripeCheckout(company.id, sessionId)]),
      Promise.all(deliveries),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const receipt of receipts) expect(receipt?.purchase.status).toBe("PAID");
    const after = await balanceAndPurchaseEntries(purchase.accountId);
    expect(after.entries).toHaveLength(1);
    expect(after.balance).toBe(pack.credits);
    expect(receipts[0]!.balance).toBe(pack.credits);
  });

  it("a session id of another company's purchase shows nothing and credits nothing", async () => {
    const { started } = await buyStandardSms();
    const sessionId = (await findPurchase(started.purchaseId))!.providerRef!;
    sessions.get(sessionId)!.paymentStatus = "paid";
    const stranger = await createCompany();
    expect(await confirmStripeCheckout(stranger.company.id, sessionId)).toBeNull();
    expect(await confirmStripeCheckout(stranger.company.id, "not-a-session-id")).toBeNull();
    // Stripe is not even asked about a session that isn't one of the company's purchases.
    expect(seen.filter((r) => r.method === "GET")).toHaveLength(0);
    const purchase = await prisma().purchase.findUniqueOrThrow({ where: { id: started.purchaseId } });
    expect(purchase.status).toBe("PENDING");
  });

  it("when Stripe can't be reached, the success page shows the purchase as processing and credits nothing", async () => {
    const { company, started } = await buyStandardSms();
    const sessionId = (await findPurchase(started.purchaseId))!.providerRef!;
    sessions.get(sessionId)!.paymentStatus = "paid";
    failRetrieve = true;
    const receipt = await confirmStripeCheckout(company.id, sessionId);
    expect(receipt?.purchase.status).toBe("PENDING");
    expect(receipt?.balance).toBe(0n);
  });
});
