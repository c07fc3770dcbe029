// The demo checkout's Pay and Cancel as direct POSTs would run them.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { balanceAndPurchaseEntries, formOf, pendingPurchase, purchaseRow, redirectOf, withEnv } from "@/tests/support/billing";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { cancelDemoPurchaseAction, payDemoPurchaseAction } = await import("./actions");

// The demo checkout exists in demo mode only.
let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ DEMO: "1" });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

describe("demo checkout actions", () => {
  it("Pay credits the pack once, however often it is pressed, and shows the receipt", async () => {
    const { admin, purchase, pack } = await pendingPurchase("DEMO");
    session.userId = admin.id;
    const pay = () => redirectOf(() => payDemoPurchaseAction(null, formOf({ purchaseId: purchase.id })));
    const targets = await Promise.all([pay(), pay(), pay()]);
    expect(targets).toEqual(Array(3).fill(`/iap/checkout/success?purchase=${purchase.id}`));
    const after = await balanceAndPurchaseEntries(purchase.accountId);
    expect(after.balance).toBe(pack.credits);
    expect(after.entries).toHaveLength(1);
    expect((await purchaseRow(purchase.id)).status).toBe("PAID");
  });

  it("Cancel goes back to the Buy page with the message; Pay afterwards credits nothing", async () => {
    const { admin, purchase } = await pendingPurchase("DEMO");
    session.userId = admin.id;
    expect(await redirectOf(() => cancelDemoPurchaseAction(null, formOf({ purchaseId: purchase.id })))).toBe("/iap/buy/sms?cancelled=1");
    expect((await purchaseRow(purchase.id)).status).toBe("CANCELED");
    const state = await payDemoPurchaseAction(null, formOf({ purchaseId: purchase.id }));
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/cancelled/) });
    expect((await balanceAndPurchaseEntries(purchase.accountId)).balance).toBe(0n);
  });

  it("Cancel after Pay leaves the purchase paid", async () => {
    const { admin, purchase, pack } = await pendingPurchase("DEMO");
    session.userId = admin.id;
    await redirectOf(() => payDemoPurchaseAction(null, formOf({ purchaseId: purchase.id })));
    await redirectOf(() => cancelDemoPurchaseAction(null, formOf({ purchaseId: purchase.id })));
    expect((await purchaseRow(purchase.id)).status).toBe("PAID");
    expect((await balanceAndPurchaseEntries(purchase.accountId)).balance).toBe(pack.credits);
  });

  it("a USER, another company's admin, or a Stripe purchase: refused, nothing credited", async () => {
    const { user, purchase } = await pendingPurchase("DEMO");
    const stranger = await pendingPurchase("DEMO");
    const stripe = await pendingPurchase("STRIPE");

    session.userId = user.id;
    expect(await payDemoPurchaseAction(null, formOf({ purchaseId: purchase.id }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await cancelDemoPurchaseAction(null, formOf({ purchaseId: purchase.id }))).toMatchObject({ ok: false, code: "forbidden" });

    session.userId = stranger.admin.id;
    expect(await payDemoPurchaseAction(null, formOf({ purchaseId: purchase.id }))).toMatchObject({ ok: false, code: "refused", message: "This purchase does not exist." });

    session.userId = stripe.admin.id;
    expect(await payDemoPurchaseAction(null, formOf({ purchaseId: stripe.purchase.id }))).toMatchObject({ ok: false, code: "refused", message: "This purchase does not exist." });

    for (const p of [purchase, stripe.purchase]) {
      expect((await purchaseRow(p.id)).status).toBe("PENDING");
      expect((await balanceAndPurchaseEntries(p.accountId)).balance).toBe(0n);
    }
  });

  it("outside demo mode a pending demo purchase can no longer be paid: refused with its message, nothing credited", async () => {
    const { admin, purchase } = await pendingPurchase("DEMO");
    session.userId = admin.id;
    const restore = withEnv({ DEMO: "0" });
    try {
      expect(await payDemoPurchaseAction(null, formOf({ purchaseId: purchase.id }))).toEqual({
        ok: false,
        code: "refused",
        message: expect.stringMatching(/^The demo checkout is off: this server is not in demo mode/),
        values: { purchaseId: String(purchase.id) },
      });
    } finally {
      restore();
    }
    expect((await purchaseRow(purchase.id)).status).toBe("PENDING");
    expect(await balanceAndPurchaseEntries(purchase.accountId)).toMatchObject({ balance: 0n, entries: [] });
  });
});
