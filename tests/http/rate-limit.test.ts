// Per-key rate limits over HTTP: past API_RATE_LIMIT requests a minute a key
// gets 429 with Retry-After, and changes nothing; other keys are not affected.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/keys";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { balanceOf, grant } from "@/lib/iap/ledger";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { createCompany } from "@/tests/support/fixtures";
import { apiClient, openApiValidator } from "./support";

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, env: { API_RATE_LIMIT: "5" } });
});
afterAll(async () => {
  await server?.stop();
});

it("answers 429 with Retry-After past the key's limit, charges nothing, and leaves other keys alone", async () => {
  const { company } = await createCompany();
  const account = await getOrCreateAccount(company.id, "invoice_ocr");
  await grant(account, 100n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  const busy = apiClient(server.url, (await createApiKey({ companyId: company.id, name: "Busy", scopes: ["read", "charge"] })).key);
  const calm = apiClient(server.url, (await createApiKey({ companyId: company.id, name: "Calm", scopes: ["read"] })).key);

  const allowed = await Promise.all(Array.from({ length: 5 }, () => busy.get("/ping")));
  expect(allowed.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  expect(allowed.map((r) => Number(r.headers.get("ratelimit-remaining"))).sort()).toEqual([0, 1, 2, 3, 4]);

  const limited = await busy.post("/accounts/invoice_ocr/charges", { amount: "1", description: "one too many" });
  expect(limited.status).toBe(429);
  expect(limited.contentType).toMatch(/^application\/problem\+json/);
  const retryAfter = Number(limited.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(limited.body).toMatchObject({ code: "rate_limited", status: 429, retry_after: retryAfter });
  expect(await balanceOf(account.id)).toBe(100n);

  expect((await calm.get("/accounts/invoice_ocr")).status).toBe(200);

  const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const validator = await openApiValidator(document);
  for (const recorded of [...busy.responses, ...calm.responses]) validator.check(recorded);
});
