// The webhook route itself, fed raw bodies signed by the real Stripe SDK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { balanceAndPurchaseEntries, pendingPurchase, purchaseRow, sessionEvent, sign, WEBHOOK_SECRET, withEnv } from "@/tests/support/billing";
import { POST } from "./route";

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_SECRET_KEY: undefined, STRIPE_API_URL: undefined });
});
afterAll(() => restoreEnv());

async function deliver(payload: string, signature?: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature) headers["stripe-signature"] = signature;
  const response = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const signed = (payload: string) => deliver(payload, sign(payload));

describe("POST /api/stripe/webhook", () => {
  it("the same checkout.session.completed delivered 10 times, 5 of them concurrently, credits once", async () => {
    const { purchase, pack } = await pendingPurchase();
    const before = await balanceAndPurchaseEntries(purchase.accountId);
    const payload = sessionEvent("checkout.session.completed", purchase);

    const concurrent = await Promise.all(Array.from({ length: 5 }, () => signed(payload)));
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await signed(payload));
    const all = [...concurrent, ...sequential];

    expect(all.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(all.filter((r) => r.body.result === "credited")).toHaveLength(1);
    expect(all.filter((r) => r.body.result === "already paid")).toHaveLength(9);
    const after = await balanceAndPurchaseEntries(purchase.accountId);
    expect(after.balance - before.balance).toBe(pack.credits);
    expect(after.entries).toHaveLength(1);
    expect(after.entries[0]).toMatchObject({ amount: pack.credits, idempotencyKey: `purchase:${purchase.id}`, kind: "PURCHASE" });
    const row = await purchaseRow(purchase.id);
    expect(row.status).toBe("PAID");
    expect(row.paidAt).toBeInstanceOf(Date);
  });

  it("async_payment_succeeded before completed credits once", async () => {
    const { purchase, pack } = await pendingPurchase();
    const first = await signed(sessionEvent("checkout.session.async_payment_succeeded", purchase));
    const second = await signed(sessionEvent("checkout.session.completed", purchase));
    expect([first.body.result, second.body.result]).toEqual(["credited", "already paid"]);
    const after = await balanceAndPurchaseEntries(purchase.accountId);
    expect(after.entries).toHaveLength(1);
    expect(after.balance).toBe(pack.credits);
    expect((await purchaseRow(purchase.id)).status).toBe("PAID");
  });

  it("unpaid completed, then async_payment_succeeded (twice): credited once, on the payment", async () => {
    const { purchase, pack } = await pendingPurchase();
    const completed = await signed(sessionEvent("checkout.session.completed", purchase, { payment_status: "unpaid" }));
    expect(completed).toMatchObject({ status: 200, body: { result: "awaiting payment" } });
    expect((await purchaseRow(purchase.id)).status).toBe("PENDING");
    expect((await balanceAndPurchaseEntries(purchase.accountId)).balance).toBe(0n);

    const paid = sessionEvent("checkout.session.async_payment_succeeded", purchase);
    expect((await signed(paid)).body.result).toBe("credited");
    expect((await signed(paid)).body.result).toBe("already paid");
    const after = await balanceAndPurchaseEntries(purchase.accountId);
    expect(after.balance).toBe(pack.credits);
    expect(after.entries).toHaveLength(1);
  });

  it("unsigned, wrongly signed, stale and malformed deliveries get 400 and change nothing", async () => {
    const { purchase } = await pendingPurchase();
    const payload = sessionEvent("checkout.session.completed", purchase);
    const notASession = JSON.stringify({ id: "evt_1", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_x" } } });
    const attempts = [
      await deliver(payload, null),
      await deliver(payload, ""),
      await deliver(payload, sign(payload, { secret: "whsec_someone_else" })),
      await deliver(payload, sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 })),
      // Signed for one body, delivered with another (tampered amount).
      await deliver(payload.replace(`"amount_total":${purchase.amount}`, '"amount_total":1'), sign(payload)),
      await deliver("{not json", sign("{not json")),
      await deliver(notASession, sign(notASession)),
      await deliver(payload, "t=abc,v1=def"),
    ];
    expect(attempts.map((a) => a.status)).toEqual(Array(attempts.length).fill(400));
    for (const a of attempts) expect(a.body.error).toEqual(expect.any(String));
    const row = await purchaseRow(purchase.id);
    expect(row.status).toBe("PENDING");
    expect(row.paidAt).toBeNull();
    const after = await balanceAndPurchaseEntries(purchase.accountId);
    expect(after.balance).toBe(0n);
    expect(after.entries).toHaveLength(0);
  });

  it("async_payment_failed and expired close a pending purchase but never undo a paid one", async () => {
    const failing = await pendingPurchase();
    expect((await signed(sessionEvent("checkout.session.async_payment_failed", failing.purchase))).body.result).toBe("marked failed");
    expect((await purchaseRow(failing.purchase.id)).status).toBe("FAILED");

    const abandoned = await pendingPurchase();
    expect((await signed(sessionEvent("checkout.session.expired", abandoned.purchase, { payment_status: "unpaid" }))).body.result).toBe("marked expired");
    expect((await purchaseRow(abandoned.purchase.id)).status).toBe("EXPIRED");

    const paid = await pendingPurchase();
    await signed(sessionEvent("checkout.session.completed", paid.purchase));
    await signed(sessionEvent("checkout.session.async_payment_failed", paid.purchase));
    await signed(sessionEvent("checkout.session.expired", paid.purchase));
    expect((await purchaseRow(paid.purchase.id)).status).toBe("PAID");
    expect((await balanceAndPurchaseEntries(paid.purchase.accountId)).balance).toBe(paid.pack.credits);
  });

  it("a payment Stripe confirms after a failed attempt still credits, once", async () => {
    const { purchase, pack } = await pendingPurchase();
    await signed(sessionEvent("checkout.session.async_payment_failed", purchase));
    expect((await signed(sessionEvent("checkout.session.async_payment_succeeded", purchase))).body.result).toBe("credited");
    expect((await balanceAndPurchaseEntries(purchase.accountId)).balance).toBe(pack.credits);
  });

  it("other event types get 200 and are ignored", async () => {
    const payload = JSON.stringify({ id: "evt_other", object: "event", type: "customer.created", data: { object: { id: "cus_1", object: "customer" } } });
    const response = await signed(payload);
    expect(response.status).toBe(200);
    expect(response.body.ignored).toMatch(/customer\.created/);
  });

  it("a session that is not the purchase's, or for another amount, credits nothing", async () => {
    const { purchase } = await pendingPurchase();
    const otherSession = await signed(sessionEvent("checkout.session.completed", purchase, { id: "cs_test_not_this_one" }));
    const cheaper = await signed(sessionEvent("checkout.session.completed", purchase, { amount_total: 1 }));
    const demo = await pendingPurchase("DEMO");
    const demoPaidThroughStripe = await signed(sessionEvent("checkout.session.completed", { ...demo.purchase, providerRef: "cs_test_demo" }));
    for (const r of [otherSession, cheaper, demoPaidThroughStripe]) {
      expect(r.status).toBe(200);
      expect(r.body.ignored).toEqual(expect.any(String));
    }
    expect((await purchaseRow(purchase.id)).status).toBe("PENDING");
    expect((await purchaseRow(demo.purchase.id)).status).toBe("PENDING");
    expect((await balanceAndPurchaseEntries(purchase.accountId)).balance).toBe(0n);
  });

  it("a purchase re-arms the low-credit warning when it lifts the balance to the threshold", async () => {
    const { purchase } = await pendingPurchase();
    await prisma().iapAccount.update({
      where: { id: purchase.accountId },
      data: { warnEnabled: true, warningThreshold: 5000n, warnedAt: new Date(), warningEmail: "ops@test.example" },
    });
    await signed(sessionEvent("checkout.session.completed", purchase));
    const account = await prisma().iapAccount.findUniqueOrThrow({ where: { id: purchase.accountId } });
    expect(account.balance).toBe(10000n);
    expect(account.warnedAt).toBeNull();
  });

  it("without STRIPE_WEBHOOK_SECRET (Stripe not in use) it answers 404 with a configuration message, and changes nothing", async () => {
    const { purchase } = await pendingPurchase();
    const payload = sessionEvent("checkout.session.completed", purchase);
    const restore = withEnv({ STRIPE_WEBHOOK_SECRET: undefined });
    try {
      const response = await deliver(payload, sign(payload));
      expect(response.status).toBe(404);
      expect(response.body.error).toMatch(/STRIPE_WEBHOOK_SECRET/);
    } finally {
      restore();
    }
    expect((await purchaseRow(purchase.id)).status).toBe("PENDING");
  });
});
