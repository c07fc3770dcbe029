// Outgoing webhooks end to end: events raised by the real code paths
// (purchase paid, low-credit warning, hold expiry) reach a local receiver
// once each, signed — verified here with node:crypto, not the app's helper —
// sent by the built app's own job runners ("webhooks.deliver"), retried until
// the receiver accepts, and every body matches the OpenAPI document's
// `webhooks` schemas. A database of this file's own: the app server's runners
// work every job in it, and must not take other test files' jobs.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { dereference } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueLowCreditWarnings } from "@/lib/alerts/low-credits";
import { createApiKey } from "@/lib/api/keys";
import { listPacks } from "@/lib/billing/packs";
import { createPurchase } from "@/lib/billing/purchases";
import { fulfilPurchase } from "@/lib/billing/settle-purchase";
import { pool } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { expireHolds } from "@/lib/iap/hold-expiry";
import { grant } from "@/lib/iap/ledger";
import { updateWarningSettings } from "@/lib/iap/warning-settings";
import { createEndpoint, resendDelivery } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/events";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { createCompany } from "@/tests/support/fixtures";
import { useOwnDatabase } from "@/tests/support/own-database";
import { startReceiver, type Received } from "./receiver";

const databaseUrl = useOwnDatabase("webhooks");
let server: AppServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let webhookSchemas: Record<string, object>;

function verifySignature(received: Received, secret: string): { ok: boolean; timestamp: number } {
  const header = String(received.headers["x-iap-signature"] ?? "");
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${received.body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return { ok: given.length === expected.length && timingSafeEqual(given, expected), timestamp: Number(parts.t) };
}

async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  // This process creates the endpoints; like the app server, it must allow loopback receivers.
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "1";
  reloadEnv();
  receiver = await startReceiver((path, count) => (path === "/flaky" && count <= 3 ? 500 : 200));
  server = await startAppServer({
    databaseUrl: databaseUrl(),
    env: { WEBHOOK_ALLOW_PRIVATE_URLS: "1", JOBS_CONCURRENCY: "2", WEBHOOK_RETRY_SCHEDULE: "1,1,1,1,1" },
  });
  const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const resolved = (await dereference(document)) as unknown as { webhooks: Record<string, { post: { requestBody: { content: { "application/json": { schema: object } } } } }> };
  webhookSchemas = Object.fromEntries(Object.entries(resolved.webhooks).map(([type, item]) => [type, item.post.requestBody.content["application/json"].schema]));
});

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

describe("outgoing webhooks", () => {
  it("documents every event type in the OpenAPI document", () => {
    expect(Object.keys(webhookSchemas).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  it("delivers purchase.completed, balance.low and hold.expired once each, signed, matching the document", async () => {
    const { company, admin } = await createCompany();
    const created = await createEndpoint({ companyId: company.id, url: `${receiver.url}/ok/${company.id}`, description: "all", events: [...WEBHOOK_EVENT_TYPES] });
    if (!created.ok) throw new Error(created.problem);
    const sms = await getOrCreateAccount(company.id, "sms");
    await grant(sms, 6_000n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });

    // purchase.completed: paid twice (webhook + success page), credited and announced once.
    const pack = (await listPacks(sms.service))[0];
    const purchase = await createPurchase({ companyId: company.id, technicalName: "sms", pack, provider: "DEMO", createdById: admin.id });
    await Promise.all([fulfilPurchase(purchase.id, "demo"), fulfilPurchase(purchase.id, "demo")]);

    // balance.low: Warn Me at 50.00, a charge through the API takes the balance below it, the job runs twice.
    expect(await updateWarningSettings(company.id, sms.id, { warnEnabled: true, threshold: 1_000_000n, email: "ops@test.example" })).toBe(true);
    const { key } = await createApiKey({ companyId: company.id, name: "Shop", scopes: ["read", "charge"] });
    const charge = await fetch(`${server.url}/api/v1/accounts/sms/charges`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "Idempotency-Key": "low-1" },
      body: JSON.stringify({ amount: "1.00", description: "SMS" }),
    });
    expect(charge.status).toBe(201);
    await queueLowCreditWarnings({ companyId: company.id });
    await queueLowCreditWarnings({ companyId: company.id });

    // hold.expired: a hold through the API that nobody captures, swept twice.
    const hold = await fetch(`${server.url}/api/v1/holds`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "Idempotency-Key": "hold-1" },
      body: JSON.stringify({ service: "sms", amount: "2.50", description: "forgotten", reference: "job-7", expires_in: 1 }),
    });
    expect(hold.status).toBe(201);
    const holdId = ((await hold.json()) as { id: number }).id;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await Promise.all([expireHolds(100, { accountIds: [sms.id] }), expireHolds(100, { accountIds: [sms.id] })]);

    const path = `/ok/${company.id}`;
    const mine = () => receiver.received.filter((r) => r.path === path);
    await waitFor("three deliveries", () => mine().length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // nothing more arrives
    const deliveries = mine();
    expect(deliveries.map((d) => JSON.parse(d.body).type).sort()).toEqual(["balance.low", "hold.expired", "purchase.completed"]);

    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const delivery of deliveries) {
      const event = JSON.parse(delivery.body);
      const signature = verifySignature(delivery, created.secret);
      expect(signature.ok, `signature of ${event.type}`).toBe(true);
      expect(Math.abs(signature.timestamp - Date.now() / 1000)).toBeLessThan(120);
      expect(delivery.headers["x-iap-event-id"]).toBe(event.id);
      expect(delivery.headers["content-type"]).toBe("application/json");
      expect(ajv.validate(webhookSchemas[event.type], event), `${event.type}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
    }
    const byType = Object.fromEntries(deliveries.map((d) => [JSON.parse(d.body).type, JSON.parse(d.body).data]));
    expect(byType["purchase.completed"].purchase).toMatchObject({ id: purchase.id, status: "paid", service: "sms" });
    expect(byType["balance.low"].account).toMatchObject({ id: sms.id, low_credit_threshold: "10000.00" });
    expect(byType["hold.expired"].hold).toMatchObject({ id: holdId, status: "expired", amount: "2.50", reference: "job-7", service: "sms" });
    // A signature made with another secret does not verify.
    expect(verifySignature(deliveries[0], "whsec_wrong").ok).toBe(false);
  });

  it("retries a failing receiver with backoff: it gets the event on the 4th attempt, and a re-send sends it again", async () => {
    const { company, admin } = await createCompany();
    const created = await createEndpoint({ companyId: company.id, url: `${receiver.url}/flaky`, description: null, events: ["purchase.completed"] });
    if (!created.ok) throw new Error(created.problem);
    const sms = await getOrCreateAccount(company.id, "sms");
    const purchase = await createPurchase({ companyId: company.id, technicalName: "sms", pack: (await listPacks(sms.service))[0], provider: "DEMO", createdById: admin.id });
    await fulfilPurchase(purchase.id, "demo");

    const flaky = () => receiver.received.filter((r) => r.path === "/flaky");
    await waitFor("the 4th attempt", () => flaky().length >= 4);
    const attempts = flaky();
    expect(attempts.map((a) => a.answeredWith)).toEqual([500, 500, 500, 200]);
    expect(new Set(attempts.map((a) => JSON.parse(a.body).id)).size).toBe(1);
    for (const attempt of attempts) expect(verifySignature(attempt, created.secret).ok).toBe(true);

    const recorded = await waitFor("the delivery marked delivered", async () => {
      const { rows } = await pool().query(
        `SELECT d.id, d.state, d.attempts, array_agg(a.status_code ORDER BY a.number) AS statuses
           FROM webhook_delivery d JOIN webhook_attempt a ON a.delivery_id = d.id
          WHERE d.endpoint_id = $1 GROUP BY d.id`,
        [created.endpoint.id],
      );
      return rows[0]?.state === "DELIVERED" ? rows[0] : null;
    });
    expect(recorded).toMatchObject({ attempts: 4, statuses: [500, 500, 500, 200] });
    const { rows: gaps } = await pool().query(
      "SELECT extract(epoch FROM started_at - lag(started_at) OVER (ORDER BY number)) AS gap FROM webhook_attempt WHERE delivery_id = $1 ORDER BY number",
      [recorded.id],
    );
    // WEBHOOK_RETRY_SCHEDULE=1,…: each retry waited at least its second.
    for (const { gap } of gaps.slice(1)) expect(Number(gap)).toBeGreaterThanOrEqual(0.9);

    expect(await resendDelivery(company.id, BigInt(recorded.id))).toBe(true);
    await waitFor("the re-sent delivery", () => flaky().length >= 5);
    expect(JSON.parse(flaky()[4].body).id).toBe(JSON.parse(attempts[0].body).id);
    // Another company cannot re-send it.
    const { company: other } = await createCompany();
    expect(await resendDelivery(other.id, BigInt(recorded.id))).toBe(false);
  });
});
