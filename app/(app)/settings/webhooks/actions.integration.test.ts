// Settings → Webhooks as a direct POST of each server action would run it:
// only the session lookup is replaced; the role check, validation, the URL
// guard (private addresses refused) and the company scope of every row are real.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { emitWebhookEvent } from "@/lib/events/emit";
import { fieldErrorsOf, formOf, redirectOf, withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createEndpointAction, deleteEndpointAction, resendDeliveryAction, setEndpointEnabledAction } = await import("./actions");

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: undefined });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

// A public address literal: the guard needs no DNS for it.
const ENDPOINT = { url: "https://93.184.216.34/hooks/iap", description: "Shop", events: ["balance.low", "purchase.completed"] };

const endpointsOf = (companyId: number) =>
  prisma().webhookEndpoint.findMany({ where: { companyId }, select: { id: true, url: true, description: true, events: true, enabled: true, secret: true }, orderBy: { id: "asc" } });

const NOT_OURS = { ok: false, code: "refused", message: "This endpoint does not exist in your company." };

describe("createEndpointAction", () => {
  it("an admin adds an endpoint: its signing secret, the one its deliveries are signed with, comes back to that admin", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    const state = await createEndpointAction(null, formOf(ENDPOINT));
    const [endpoint] = await endpointsOf(company.id);
    expect(state).toEqual({ ok: true, message: "Endpoint added", data: { signingKey: endpoint.secret, endpointId: endpoint.id } });
    expect(endpoint).toMatchObject({ url: ENDPOINT.url, description: "Shop", events: ["balance.low", "purchase.completed"], enabled: true });
  });

  it("signed out or as a USER: refused, no endpoint", async () => {
    const { company, user } = await createCompany();
    expect(await createEndpointAction(null, formOf(ENDPOINT))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await createEndpointAction(null, formOf(ENDPOINT))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await endpointsOf(company.id)).toEqual([]);
  });

  it("a private address, no event or an unknown one: the field's error, no endpoint", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    expect(await createEndpointAction(null, formOf({ ...ENDPOINT, url: "https://169.254.169.254/latest/meta-data" }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "Nothing was added: correct the URL.",
      fieldErrors: { url: ["This address is on a private or local network, which webhooks may not reach. Use a public https:// URL."] },
    });
    expect(await createEndpointAction(null, formOf({ ...ENDPOINT, events: [] }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { events: ["Choose at least one event."] } });
    const unknown = await createEndpointAction(null, formOf({ ...ENDPOINT, events: ["balance.low", "user.deleted"] }));
    expect(unknown).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(fieldErrorsOf(unknown))).toEqual(["events"]);
    expect(await endpointsOf(company.id)).toEqual([]);
  });
});

describe("one endpoint's buttons", () => {
  async function withEndpoint() {
    const ours = await createCompany();
    session.userId = ours.admin.id;
    await createEndpointAction(null, formOf(ENDPOINT));
    const [endpoint] = await endpointsOf(ours.company.id);
    await emitWebhookEvent(ours.company.id, "balance.low", { account: {} as never });
    const delivery = await prisma().webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    // Failed for good: what Re-send is for.
    await pool().query("UPDATE webhook_delivery SET state = 'FAILED', next_attempt_at = now() + interval '1 day' WHERE id = $1", [delivery.id]);
    session.userId = null;
    const deliveryState = async () => (await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).state;
    return { ...ours, endpoint, delivery, deliveryState };
  }

  it("an admin pauses and resumes it, re-sends a failed delivery, then deletes it with its deliveries", async () => {
    const { admin, company, endpoint, delivery, deliveryState } = await withEndpoint();
    session.userId = admin.id;
    expect(await setEndpointEnabledAction(null, formOf({ id: endpoint.id, enabled: "false" }))).toEqual({ ok: true, message: "Paused" });
    expect((await endpointsOf(company.id))[0].enabled).toBe(false);
    expect(await setEndpointEnabledAction(null, formOf({ id: endpoint.id, enabled: "true" }))).toEqual({ ok: true, message: "Resumed" });
    expect((await endpointsOf(company.id))[0].enabled).toBe(true);

    expect(await resendDeliveryAction(null, formOf({ deliveryId: String(delivery.id) }))).toEqual({ ok: true, message: "Queued: it is sent within seconds." });
    expect(await deliveryState()).toBe("PENDING");

    expect(await redirectOf(() => deleteEndpointAction(null, formOf({ id: endpoint.id })))).toBe("/settings/webhooks");
    expect(await endpointsOf(company.id)).toEqual([]);
    expect(await prisma().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });

  it("an admin of another company, with this company's ids: refused, the endpoint and its delivery unchanged", async () => {
    const { company, endpoint, delivery, deliveryState } = await withEndpoint();
    const before = await endpointsOf(company.id);
    session.userId = (await createCompany()).admin.id;
    expect(await setEndpointEnabledAction(null, formOf({ id: endpoint.id, enabled: "false" }))).toMatchObject(NOT_OURS);
    expect(await resendDeliveryAction(null, formOf({ deliveryId: String(delivery.id) }))).toMatchObject({ ok: false, code: "refused", message: "This delivery does not exist in your company." });
    expect(await deleteEndpointAction(null, formOf({ id: endpoint.id }))).toMatchObject(NOT_OURS);
    expect(await endpointsOf(company.id)).toEqual(before);
    expect(await deliveryState()).toBe("FAILED");
  });

  it("a USER, or ids that are no ids: refused before anything changes", async () => {
    const { admin, user, company, endpoint, delivery, deliveryState } = await withEndpoint();
    const before = await endpointsOf(company.id);
    session.userId = user.id;
    for (const state of [
      await setEndpointEnabledAction(null, formOf({ id: endpoint.id, enabled: "false" })),
      await resendDeliveryAction(null, formOf({ deliveryId: String(delivery.id) })),
      await deleteEndpointAction(null, formOf({ id: endpoint.id })),
    ]) {
      expect(state).toMatchObject({ ok: false, code: "forbidden" });
    }
    session.userId = admin.id;
    expect(await setEndpointEnabledAction(null, formOf({ id: endpoint.id, enabled: "maybe" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { enabled: [expect.any(String)] } });
    expect(await deleteEndpointAction(null, formOf({ id: "-1" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { id: ["This endpoint does not exist in your company."] } });
    expect(await resendDeliveryAction(null, formOf({ deliveryId: "1e3" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { deliveryId: ["This delivery does not exist in your company."] } });
    expect(await endpointsOf(company.id)).toEqual(before);
    expect(await deliveryState()).toBe("FAILED");
  });
});
