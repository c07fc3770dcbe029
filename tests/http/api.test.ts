// /api/v1 over HTTP against the built app: every endpoint's success and
// refusal paths, idempotency, scopes, company isolation, and every response
// checked against the OpenAPI document the app serves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { createPurchase } from "@/lib/billing/purchases";
import { fulfilPurchase } from "@/lib/billing/settle-purchase";
import { listPacks } from "@/lib/billing/packs";
import { pool } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { balanceOf, grant } from "@/lib/iap/ledger";
import { verifyLedger } from "@/lib/iap/verify";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { createCompany } from "@/tests/support/fixtures";
import { apiClient, openApiValidator, type ApiClient, type Recorded } from "./support";

let server: AppServer;
let api: ApiClient;
let readOnly: ApiClient;
let chargeOnly: ApiClient;
let otherCompany: ApiClient;
let companyId: number;
let adminId: number;
let otherCompanyId: number;
let smsAccountId: number;
let keys: { full: string; read: string; charge: string; other: string };
let validator: Awaited<ReturnType<typeof openApiValidator>>;

const body = <T = Record<string, unknown>>(response: Recorded) => response.body as T;

async function entriesWithKey(accountId: number, key: string): Promise<number> {
  const { rows } = await pool().query("SELECT count(*)::int AS n FROM ledger_entry WHERE account_id = $1 AND idempotency_key = $2", [accountId, `api:${key}`]);
  return rows[0].n;
}

beforeAll(async () => {
  const [a, b] = await Promise.all([createCompany(), createCompany()]);
  companyId = a.company.id;
  adminId = a.admin.id;
  otherCompanyId = b.company.id;
  const sms = await getOrCreateAccount(companyId, "sms");
  smsAccountId = sms.id;
  await grant(sms, 10_000n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" }); // 100.00 credits
  const ocr = await getOrCreateAccount(companyId, "invoice_ocr");
  await grant(ocr, 3n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  const otherSms = await getOrCreateAccount(otherCompanyId, "sms");
  await grant(otherSms, 500n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  keys = {
    full: (await createApiKey({ companyId, name: "Web shop", scopes: ["read", "charge"] })).key,
    read: (await createApiKey({ companyId, name: "Dashboard", scopes: ["read"] })).key,
    charge: (await createApiKey({ companyId, name: "Worker", scopes: ["charge"] })).key,
    other: (await createApiKey({ companyId: otherCompanyId, name: "Other", scopes: ["read", "charge"] })).key,
  };
  server = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, env: { API_RATE_LIMIT: "100000" } });
  api = apiClient(server.url, keys.full);
  readOnly = apiClient(server.url, keys.read);
  chargeOnly = apiClient(server.url, keys.charge);
  otherCompany = apiClient(server.url, keys.other);
  const document = await fetch(`${server.url}/api/v1/openapi.json`);
  expect(document.status).toBe(200);
  validator = await openApiValidator(await document.json());
});

afterAll(async () => {
  // Every response any test received matches the document; every operation was seen succeeding.
  const all = [api, readOnly, chargeOnly, otherCompany].flatMap((client) => client?.responses ?? []);
  for (const recorded of all) validator.check(recorded);
  for (const [template, methods] of Object.entries(validator.operations)) {
    for (const method of Object.keys(methods)) {
      const succeeded = [...validator.checked].some((seen) => seen.startsWith(`${method.toUpperCase()} ${template} 2`));
      expect(succeeded, `no successful ${method.toUpperCase()} ${template} was checked`).toBe(true);
    }
  }
  await server?.stop();
});

describe("authentication", () => {
  it("answers a valid key with its name and scopes", async () => {
    const response = await api.get("/ping");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, key: { name: "Web shop", scopes: ["read", "charge"] } });
    expect(response.headers.get("ratelimit-limit")).toBe("100000");
  });

  it("refuses a missing, malformed, unknown or revoked key with 401 problem+json", async () => {
    const missing = await api.get("/accounts", null);
    expect(missing.status).toBe(401);
    expect(missing.contentType).toMatch(/^application\/problem\+json/);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(body(missing)).toMatchObject({ status: 401, code: "unauthenticated" });

    expect((await api.get("/accounts", "not-a-key")).status).toBe(401);
    const forged = keys.full.slice(0, -4) + (keys.full.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(body(await api.get("/accounts", forged))).toMatchObject({ code: "unauthenticated", detail: expect.stringMatching(/does not exist/) });

    const { key, view } = await createApiKey({ companyId, name: "Soon revoked", scopes: ["read"] });
    expect((await api.get("/ping", key)).status).toBe(200);
    expect(await revokeApiKey(companyId, view.id)).toBe(true);
    const revoked = await api.get("/ping", key);
    expect(revoked.status).toBe(401);
    expect(body(revoked).detail).toMatch(/revoked/);
  });

  it("records when a key was last used", async () => {
    const { key, view } = await createApiKey({ companyId, name: "Usage", scopes: ["read"] });
    expect(view.lastUsedAt).toBeNull();
    await api.get("/ping", key);
    // The write is fire-and-forget after the answer: give it a moment.
    await expect.poll(async () => (await pool().query("SELECT last_used_at FROM api_key WHERE id = $1", [view.id])).rows[0].last_used_at, { timeout: 5000 }).not.toBeNull();
  });
});

describe("services and accounts", () => {
  it("lists the catalogue with each service's decimals", async () => {
    const response = await api.get("/services");
    expect(response.status).toBe(200);
    const sms = body<{ data: { technical_name: string; decimals: number }[] }>(response).data.find((s) => s.technical_name === "sms");
    expect(sms).toMatchObject({ decimals: 2, unit_name: "credits" });
  });

  it("lists the company's accounts with balance, held and available as decimal strings", async () => {
    const response = await api.get("/accounts");
    expect(response.status).toBe(200);
    const services = body<{ data: { service: string }[] }>(response).data.map((a) => a.service);
    expect(services.sort()).toEqual(["invoice_ocr", "sms"]);
    const ocr = await api.get("/accounts/invoice_ocr");
    expect(ocr.status).toBe(200);
    expect(ocr.body).toMatchObject({ service: "invoice_ocr", balance: "3", held: "0", available: "3", decimals: 0, low_credit_threshold: null });
  });

  it("answers 404 for an unknown service or one never used, and 400 for a malformed name", async () => {
    const unknown = await api.get("/accounts/teleportation");
    expect(unknown.status).toBe(404);
    expect(body(unknown).detail).toMatch(/no service "teleportation"/);
    const unused = await api.get("/accounts/snailmail");
    expect(unused.status).toBe(404);
    expect(body(unused).detail).toMatch(/opens with the first charge/);
    const bad = await api.get("/accounts/SMS!");
    expect(bad.status).toBe(400);
    expect(body(bad)).toMatchObject({ code: "invalid_request", errors: [{ path: "service" }] });
  });

  it("pages through the ledger newest first with a cursor until next_cursor is null", async () => {
    const { company } = await createCompany();
    const account = await getOrCreateAccount(company.id, "partner_autocomplete");
    await grant(account, 50n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
    const { key } = await createApiKey({ companyId: company.id, name: "Pager", scopes: ["read", "charge"] });
    const client = apiClient(server.url, key);
    for (let i = 0; i < 4; i++) expect((await client.post("/accounts/partner_autocomplete/charges", { amount: "1", description: `use ${i}` })).status).toBe(201);
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Recorded = await client.get(`/accounts/partner_autocomplete/entries?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      const data = body<{ data: { id: string }[]; next_cursor: string | null }>(page);
      ids.push(...data.data.map((entry) => entry.id));
      cursor = data.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(5);
    expect([...ids].sort((x, y) => Number(BigInt(y) - BigInt(x)))).toEqual(ids);
    const first = body<{ data: { kind: string; amount: string; balance_after: string; description: string }[] }>(
      await client.get("/accounts/partner_autocomplete/entries?limit=1"),
    ).data[0];
    expect(first).toMatchObject({ kind: "usage", amount: "-1", balance_after: "46", description: "use 3" });
    api.responses.push(...client.responses);
    expect((await api.get("/accounts/sms/entries?limit=0")).status).toBe(400);
    expect((await api.get("/accounts/sms/entries?cursor=abc")).status).toBe(400);
  });
});

describe("charges", () => {
  it("takes credits exactly and writes one ledger entry with the reference", async () => {
    const before = await balanceOf(smsAccountId);
    const response = await api.post("/accounts/sms/charges", { amount: "1.5", description: "Order #1042 SMS", reference: "order-1042" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ service: "sms", amount: "1.50", description: "Order #1042 SMS", reference: "order-1042" });
    expect(await balanceOf(smsAccountId)).toBe(before - 150n);
    expect(body(response).balance_after).toBe(((Number(before) - 150) / 100).toFixed(2));
    const entries = body<{ data: { id: string; amount: string; reference: string }[] }>(await api.get("/accounts/sms/entries?limit=1")).data;
    expect(entries[0]).toMatchObject({ id: body(response).entry_id, amount: "-1.50", reference: "order-1042" });
  });

  it("refuses bad input with the field named, and changes nothing", async () => {
    const before = await balanceOf(smsAccountId);
    const cases: [unknown, string][] = [
      [{ amount: "1.005", description: "x" }, "amount"],
      [{ amount: "-1", description: "x" }, "amount"],
      [{ amount: 1.5, description: "x" }, "amount"],
      [{ amount: "0", description: "x" }, "amount"],
      [{ amount: "1" }, "description"],
      [{ amount: "1", description: "x", surprise: true }, "body"],
    ];
    for (const [input, path] of cases) {
      const response = await api.post("/accounts/sms/charges", input);
      expect(response.status, JSON.stringify(input)).toBe(400);
      expect(body<{ errors: { path: string }[] }>(response).errors.map((e) => e.path), JSON.stringify(input)).toContain(path);
    }
    expect(body(await api.post("/accounts/sms/charges", null, { raw: "{not json" }))).toMatchObject({ status: 400, code: "invalid_request" });
    expect((await api.post("/accounts/sms/charges", null, { raw: "amount=1", contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await api.post("/accounts/sms/charges", { amount: "1", description: "x".repeat(20_000) })).status).toBe(413);
    const noKey = await api.post("/accounts/sms/charges", { amount: "1", description: "x" }, { idempotencyKey: null });
    expect(body(noKey)).toMatchObject({ status: 400, code: "idempotency_key_missing" });
    expect((await api.post("/accounts/teleportation/charges", { amount: "1", description: "x" })).status).toBe(404);
    expect(await balanceOf(smsAccountId)).toBe(before);
  });

  it("answers 402 with the shortfall and the buy URL when the account cannot pay, and charges nothing", async () => {
    const before = await balanceOf(smsAccountId);
    const available = Number(before) / 100;
    const response = await api.post("/accounts/sms/charges", { amount: "100000", description: "too much" });
    expect(response.status).toBe(402);
    expect(response.body).toMatchObject({
      code: "insufficient_credits",
      needed: "100000.00",
      available: available.toFixed(2),
      shortfall: (100000 - available).toFixed(2),
      buy_url: `${server.url}/iap/buy/sms`,
    });
    expect(await balanceOf(smsAccountId)).toBe(before);
  });
});

describe("idempotency", () => {
  it("replays the same response for the same key and body, with one ledger entry", async () => {
    const key = crypto.randomUUID();
    const request = { amount: "2.00", description: "replayed", reference: "r-1" };
    const first = await api.post("/accounts/sms/charges", request, { idempotencyKey: key });
    // The same JSON with its keys in another order is the same request.
    const again = await api.post("/accounts/sms/charges", { reference: "r-1", description: "replayed", amount: "2.00" }, { idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await entriesWithKey(smsAccountId, key)).toBe(1);
  });

  it("refuses the same key with another body (409) and changes nothing", async () => {
    const key = crypto.randomUUID();
    expect((await api.post("/accounts/sms/charges", { amount: "1", description: "first" }, { idempotencyKey: key })).status).toBe(201);
    const before = await balanceOf(smsAccountId);
    const other = await api.post("/accounts/sms/charges", { amount: "5", description: "first" }, { idempotencyKey: key });
    expect(other.status).toBe(409);
    expect(body(other).code).toBe("idempotency_key_reused");
    const otherPath = await api.post("/holds", { service: "sms", amount: "1", description: "first" }, { idempotencyKey: key });
    expect(body(otherPath).code).toBe("idempotency_key_reused");
    expect(await balanceOf(smsAccountId)).toBe(before);
  });

  it("20 concurrent requests with one key make one charge and get the same answer", async () => {
    const key = crypto.randomUUID();
    const before = await balanceOf(smsAccountId);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.post("/accounts/sms/charges", { amount: "0.25", description: "burst" }, { idempotencyKey: key })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await entriesWithKey(smsAccountId, key)).toBe(1);
    expect(await balanceOf(smsAccountId)).toBe(before - 25n);
  });

  it("lets a refused request's key be used again once the cause is fixed", async () => {
    const { company } = await createCompany();
    const account = await getOrCreateAccount(company.id, "reveal");
    const { key } = await createApiKey({ companyId: company.id, name: "Retry", scopes: ["charge"] });
    const client = apiClient(server.url, key);
    const idempotencyKey = crypto.randomUUID();
    expect((await client.post("/accounts/reveal/charges", { amount: "2", description: "lead" }, { idempotencyKey })).status).toBe(402);
    await grant(account, 5n, { kind: "ADJUSTMENT", description: "top-up", idempotencyKey: "top-up" });
    const retried = await client.post("/accounts/reveal/charges", { amount: "2", description: "lead" }, { idempotencyKey });
    expect(retried.status).toBe(201);
    expect(await balanceOf(account.id)).toBe(3n);
    api.responses.push(...client.responses);
  });
});

describe("scopes and companies", () => {
  it("a read key cannot charge or hold, and a charge-only key cannot read", async () => {
    const before = await balanceOf(smsAccountId);
    const charge = await readOnly.post("/accounts/sms/charges", { amount: "1", description: "x" });
    expect(charge.status).toBe(403);
    expect(body(charge)).toMatchObject({ code: "insufficient_scope", detail: expect.stringMatching(/needs "charge"/) });
    expect((await readOnly.post("/holds", { service: "sms", amount: "1", description: "x" })).status).toBe(403);
    expect(await balanceOf(smsAccountId)).toBe(before);
    expect((await readOnly.get("/accounts/sms")).status).toBe(200);
    expect((await chargeOnly.get("/accounts/sms")).status).toBe(403);
    expect((await chargeOnly.post("/accounts/sms/charges", { amount: "0.01", description: "worker" })).status).toBe(201);
  });

  it("another company's key sees and touches nothing of this company", async () => {
    const hold = await api.post("/holds", { service: "sms", amount: "1", description: "mine" });
    expect(hold.status).toBe(201);
    const holdId = body<{ id: number }>(hold).id;
    const accounts = body<{ data: { id: number; balance: string }[] }>(await otherCompany.get("/accounts")).data;
    expect(accounts.map((a) => a.id)).not.toContain(smsAccountId);
    expect(accounts.find((a) => a.balance === "5.00")).toBeTruthy();
    expect((await otherCompany.get(`/holds/${holdId}`)).status).toBe(404);
    expect((await otherCompany.post(`/holds/${holdId}/capture`, {})).status).toBe(404);
    expect((await otherCompany.post(`/holds/${holdId}/release`, {})).status).toBe(404);
    const entries = body<{ data: { description: string }[] }>(await otherCompany.get("/accounts/sms/entries")).data;
    expect(entries.map((e) => e.description)).toEqual(["opening"]);
    expect((await api.get(`/holds/${holdId}`)).body).toMatchObject({ status: "pending" });
    expect((await api.post(`/holds/${holdId}/release`, {})).status).toBe(200);
  });
});

describe("holds", () => {
  it("authorize → capture part: the rest is freed and the ledger posts what was captured", async () => {
    const before = await balanceOf(smsAccountId);
    const created = await api.post("/holds", { service: "sms", amount: "5", description: "Bill digitization", reference: "bill-88", expires_in: 600 });
    expect(created.status).toBe(201);
    const hold = body<{ id: number; amount: string; status: string; expires_at: string }>(created);
    expect(hold).toMatchObject({ amount: "5.00", status: "pending", captured_amount: null, reference: "bill-88" });
    expect(new Date(hold.expires_at).getTime() - Date.now()).toBeGreaterThan(500_000);
    expect(body(await api.get("/accounts/sms"))).toMatchObject({ held: "5.00" });

    const over = await api.post(`/holds/${hold.id}/capture`, { amount: "5.01" });
    expect(over.status).toBe(422);
    expect(body(over)).toMatchObject({ code: "amount_exceeds_hold", held: "5.00" });

    const captured = await api.post(`/holds/${hold.id}/capture`, { amount: "3.25" });
    expect(captured.status).toBe(200);
    expect(captured.body).toMatchObject({ id: hold.id, status: "captured", captured_amount: "3.25" });
    expect(await balanceOf(smsAccountId)).toBe(before - 325n);
    expect(body(await api.get("/accounts/sms"))).toMatchObject({ held: "0.00" });

    const twice = await api.post(`/holds/${hold.id}/capture`, { amount: "1" });
    expect(twice.status).toBe(409);
    expect(body(twice)).toMatchObject({ code: "hold_not_pending", hold_status: "captured" });
    expect((await api.post(`/holds/${hold.id}/release`, {})).status).toBe(409);
    expect(await balanceOf(smsAccountId)).toBe(before - 325n);
  });

  it("release frees the whole hold, once", async () => {
    const before = await balanceOf(smsAccountId);
    const hold = body<{ id: number }>(await api.post("/holds", { service: "sms", amount: "2", description: "cancelled work" }));
    const released = await api.post(`/holds/${hold.id}/release`, null, { raw: "" });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: "released", captured_amount: null });
    expect(body(await api.post(`/holds/${hold.id}/release`, {}))).toMatchObject({ code: "hold_not_pending", hold_status: "released" });
    expect(await balanceOf(smsAccountId)).toBe(before);
  });

  it("capture without an amount takes the whole hold; an expired hold cannot be captured", async () => {
    const before = await balanceOf(smsAccountId);
    const whole = body<{ id: number }>(await api.post("/holds", { service: "sms", amount: "0.40", description: "whole" }));
    expect(body(await api.post(`/holds/${whole.id}/capture`, {}))).toMatchObject({ captured_amount: "0.40" });
    expect(await balanceOf(smsAccountId)).toBe(before - 40n);

    const short = body<{ id: number }>(await api.post("/holds", { service: "sms", amount: "1", description: "too slow", expires_in: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const late = await api.post(`/holds/${short.id}/capture`, {});
    expect(late.status).toBe(409);
    expect(body(late)).toMatchObject({ hold_status: "expired" });
    expect(body(await api.get(`/holds/${short.id}`))).toMatchObject({ status: "expired" });
    expect(await balanceOf(smsAccountId)).toBe(before - 40n);
  });

  it("refuses a hold the account cannot cover (402), and bad hold input (400)", async () => {
    const refused = await api.post("/holds", { service: "invoice_ocr", amount: "4", description: "too big" });
    expect(refused.status).toBe(402);
    expect(body(refused)).toMatchObject({ needed: "4", available: "3", shortfall: "1" });
    expect((await api.post("/holds", { service: "invoice_ocr", amount: "1", description: "x", expires_in: 0 })).status).toBe(400);
    expect((await api.post("/holds", { service: "teleportation", amount: "1", description: "x" })).status).toBe(404);
    expect((await api.get("/holds/999999999")).status).toBe(404);
    expect((await api.get("/holds/abc")).status).toBe(400);
  });
});

describe("purchases", () => {
  it("lists and reads the company's purchases; other companies see none of them", async () => {
    const packs = await listPacks((await getOrCreateAccount(companyId, "sms")).service);
    const purchase = await createPurchase({ companyId, technicalName: "sms", pack: packs[0], provider: "DEMO", createdById: adminId });
    await fulfilPurchase(purchase.id, "demo");
    const list = await api.get("/purchases?service=sms&limit=10");
    expect(list.status).toBe(200);
    const found = body<{ data: { id: number; status: string; credits: string; currency: string }[] }>(list).data.find((p) => p.id === purchase.id);
    expect(found).toMatchObject({ status: "paid", service: "sms", currency: "EUR" });
    const one = await api.get(`/purchases/${purchase.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: purchase.id, pack: packs[0].name, paid_at: expect.any(String) });
    expect((await otherCompany.get(`/purchases/${purchase.id}`)).status).toBe(404);
    expect(body<{ data: unknown[] }>(await otherCompany.get("/purchases")).data).toEqual([]);
  });
});

describe("the API surface", () => {
  it("answers unknown paths under /api/v1 with a problem+json 404", async () => {
    const response = await api.get("/nothing/here");
    expect(response.status).toBe(404);
    expect(response.contentType).toMatch(/problem\+json/);
    api.responses.pop(); // not an operation of the document
  });

  it("keeps the ledger conserved for every account it touched", async () => {
    for (const id of [companyId, otherCompanyId]) {
      const report = await verifyLedger({ companyId: id });
      expect(report.problems).toEqual([]);
    }
  });
});
