import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdResource, toHoldResource } from "@/lib/events/resources";
import { pool } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { findCompanyHold } from "@/lib/iap/hold-views";
import { expireHolds } from "@/lib/iap/hold-expiry";
import { reserve } from "@/lib/iap/holds";
import { grant } from "@/lib/iap/ledger";
import { JOBS } from "@/lib/jobs/list";
import { createCompany } from "@/tests/support/fixtures";
import { startReceiver } from "@/tests/http/receiver";
import { deliverWebhook, type DeliveryOutcome } from "./delivery";
import { emitWebhookEvent } from "@/lib/events/emit";
import { createEndpoint, listDeliveries, setEndpointEnabled } from "./endpoints";
import { checkEndpointUrl } from "./url-guard";

let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});

/** What the "webhooks.deliver" jobs do for the company's due deliveries: one attempt each. */
async function deliverDue(companyId: number): Promise<DeliveryOutcome[]> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT d.id::text FROM webhook_delivery d JOIN webhook_endpoint p ON p.id = d.endpoint_id
      WHERE p.company_id = $1 AND d.state = 'PENDING' ORDER BY d.id`,
    [companyId],
  );
  const outcomes = await Promise.all(rows.map((row) => deliverWebhook(BigInt(row.id))));
  return outcomes.filter((outcome) => outcome !== null);
}

/** An endpoint written as a row, past the creation check (as if the check had been lifted when it was saved). */
async function endpointRow(companyId: number, url: string, events: string[], enabled = true): Promise<number> {
  const { rows } = await pool().query(
    "INSERT INTO webhook_endpoint (company_id, url, events, secret, enabled) VALUES ($1, $2, $3, 'whsec_test', $4) RETURNING id",
    [companyId, url, events, enabled],
  );
  return rows[0].id;
}

describe("webhook endpoint URLs (SSRF)", () => {
  it("refuses loopback, private, link-local and local names unless allowed", async () => {
    for (const url of [
      "https://127.0.0.1/hook",
      "https://10.1.2.3/hook",
      "https://192.168.1.10/hook",
      "https://172.16.0.1/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hook",
      "https://[::ffff:10.0.0.1]/hook",
      "https://[fd00::1]/hook",
      "https://0.0.0.0/hook",
      "https://localhost/hook",
      "https://printer.local/hook",
      "https://intranet/hook",
    ]) {
      expect(await checkEndpointUrl(url, false), url).toBe("private_address");
    }
    expect(await checkEndpointUrl("http://93.184.216.34/hook", false)).toBe("scheme");
    expect(await checkEndpointUrl("ftp://93.184.216.34/hook", false)).toBe("scheme");
    expect(await checkEndpointUrl("https://user:secret@93.184.216.34/hook", false)).toBe("credentials");
    expect(await checkEndpointUrl("not a url", false)).toBe("invalid");
    expect(await checkEndpointUrl("https://93.184.216.34/hook", false)).toBeNull();
    expect(await checkEndpointUrl("http://127.0.0.1:9/hook", true)).toBeNull();
  });

  it("creating an endpoint on a loopback address is refused when private URLs are not allowed", async () => {
    const { company } = await createCompany();
    const result = await createEndpoint({ companyId: company.id, url: `${receiver.url}/hook`, description: null, events: ["balance.low"] });
    expect(result).toEqual({ ok: false, problem: "scheme" });
    const https = await createEndpoint({ companyId: company.id, url: "https://127.0.0.1/hook", description: null, events: ["balance.low"] });
    expect(https).toEqual({ ok: false, problem: "private_address" });
  });

  it("a delivery to a loopback address is refused at connect time: nothing reaches it", async () => {
    const { company } = await createCompany();
    const endpointId = await endpointRow(company.id, `${receiver.url}/ssrf`, ["balance.low"]);
    expect(await emitWebhookEvent(company.id, "balance.low", { account: {} as never })).not.toBeNull();
    const outcomes = await deliverDue(company.id);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ state: "PENDING", status: null, attempt: 1 });
    const [delivery] = await listDeliveries(company.id, endpointId);
    expect(delivery.attemptsList[0]).toMatchObject({ statusCode: null, error: "address_not_allowed" });
    expect(receiver.received.filter((r) => r.path === "/ssrf")).toHaveLength(0);
  });
});

describe("webhook events", () => {
  it("writes nothing for a company without a subscribed endpoint", async () => {
    const { company } = await createCompany();
    await endpointRow(company.id, "https://93.184.216.34/hook", ["purchase.completed"]);
    expect(await emitWebhookEvent(company.id, "balance.low", { account: {} as never })).toBeNull();
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM webhook_event WHERE company_id = $1", [company.id]);
    expect(rows[0].n).toBe(0);
  });

  it("a paused endpoint gets no new events, and its due deliveries wait until it is resumed", async () => {
    const { company } = await createCompany();
    const endpointId = await endpointRow(company.id, "https://93.184.216.34/hook", ["balance.low"]);
    expect(await emitWebhookEvent(company.id, "balance.low", { account: {} as never })).not.toBeNull();
    const [delivery] = await listDeliveries(company.id, endpointId);
    const jobOf = async () =>
      (await pool().query("SELECT task_identifier, max_attempts, flags, run_at <= now() AS due FROM graphile_worker.jobs WHERE key = $1", [`webhooks.deliver:${delivery.id}`])).rows;
    // Its attempt's job, queued by the trigger in the event's transaction, as lib/jobs/enqueue.ts would queue it.
    expect(await jobOf()).toEqual([{ task_identifier: "webhooks.deliver", max_attempts: JOBS["webhooks.deliver"].retry.maxAttempts, flags: { [`company:${company.id}`]: true }, due: true }]);

    expect(await setEndpointEnabled(company.id, endpointId, false)).toBe(true);
    expect(await emitWebhookEvent(company.id, "balance.low", { account: {} as never })).toBeNull();
    // The job runs while the endpoint is paused: nothing is sent, and the job is done (graphile-worker deletes it).
    expect(await deliverDue(company.id)).toEqual([]);
    await pool().query("SELECT graphile_worker.remove_job($1)", [`webhooks.deliver:${delivery.id}`]);
    expect((await listDeliveries(company.id, endpointId)).map((d) => d.state)).toEqual(["PENDING"]);

    // Resumed: the waiting delivery has its job again, due now.
    expect(await setEndpointEnabled(company.id, endpointId, true)).toBe(true);
    expect(await jobOf()).toMatchObject([{ task_identifier: "webhooks.deliver", due: true }]);
    expect(await setEndpointEnabled(company.id + 100_000, endpointId, false)).toBe(false);
  });

  it("hold.expired, written by the database trigger, carries the API's Hold resource exactly", async () => {
    const { company } = await createCompany();
    await endpointRow(company.id, "https://93.184.216.34/hook", ["hold.expired"]);
    const account = await getOrCreateAccount(company.id, "sms");
    await grant(account, 1000n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
    const hold = await reserve(account, 125n, { description: "forgotten", reference: "ref-1", idempotencyKey: "h1", ttlSeconds: 0 });
    expect(await expireHolds(10, { accountIds: [account.id] })).toBe(1);
    const { rows } = await pool().query("SELECT type, data FROM webhook_event WHERE company_id = $1", [company.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe("hold.expired");
    const api = toHoldResource({ ...(await findCompanyHold(company.id, hold.id))!, service: account.service });
    expect(holdResource.parse(rows[0].data.hold)).toEqual(api);
    expect(rows[0].data.hold).toEqual(api);
  });
});
