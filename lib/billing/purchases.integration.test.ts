import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { balanceAndPurchaseEntries, pendingPurchase, purchaseRow } from "@/tests/support/billing";
import { fulfilPurchase, markPurchaseCanceled, markPurchaseExpired, markPurchaseFailed } from "./settle-purchase";

describe("fulfilPurchase", () => {
  it("20 concurrent calls credit once; exactly one reports crediting", async () => {
    const { purchase, pack } = await pendingPurchase("DEMO");
    const results = await Promise.all(Array.from({ length: 20 }, () => fulfilPurchase(purchase.id, "demo")));
    expect(results.filter((r) => r?.credited)).toHaveLength(1);
    for (const r of results) expect(r?.purchase.status).toBe("PAID");
    const after = await balanceAndPurchaseEntries(purchase.accountId);
    expect(after.balance).toBe(pack.credits);
    expect(after.entries).toHaveLength(1);
  });

  it("pays a purchase only through its own provider and only for its own company", async () => {
    const demo = await pendingPurchase("DEMO");
    const stripe = await pendingPurchase("STRIPE");
    expect((await fulfilPurchase(demo.purchase.id, "stripe"))?.credited).toBe(false);
    expect((await fulfilPurchase(stripe.purchase.id, "demo"))?.credited).toBe(false);
    expect(await fulfilPurchase(demo.purchase.id, "demo", { companyId: stripe.company.id })).toBeNull();
    for (const { purchase } of [demo, stripe]) {
      expect((await purchaseRow(purchase.id)).status).toBe("PENDING");
      expect((await balanceAndPurchaseEntries(purchase.accountId)).balance).toBe(0n);
    }
  });

  it("paid and credited commit together: if the grant fails, the purchase stays payable", async () => {
    const { purchase, pack } = await pendingPurchase("STRIPE");
    // A ledger row already holding the purchase's key makes the grant fail inside the transaction.
    await pool().query(
      `INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, idempotency_key)
       VALUES ($1, 'ADJUSTMENT', 1, 1, 'collides', $2)`,
      [purchase.accountId, `purchase:${purchase.id}`],
    );
    await pool().query("UPDATE iap_account SET balance = 1 WHERE id = $1", [purchase.accountId]);
    await expect(fulfilPurchase(purchase.id, "stripe")).rejects.toThrow(/duplicate key/);
    const row = await purchaseRow(purchase.id);
    expect(row.status).toBe("PENDING");
    expect(row.paidAt).toBeNull();
    expect((await balanceAndPurchaseEntries(purchase.accountId)).balance).toBe(1n);
    expect(pack.credits).toBeGreaterThan(0n);
  });

  it("a demo purchase cancelled first can't be paid; failed, expired and cancelled never undo a payment", async () => {
    const cancelled = await pendingPurchase("DEMO");
    expect(await markPurchaseCanceled(cancelled.purchase.id, cancelled.company.id)).toBe(true);
    expect((await fulfilPurchase(cancelled.purchase.id, "demo"))?.credited).toBe(false);
    expect((await purchaseRow(cancelled.purchase.id)).status).toBe("CANCELED");

    const paid = await pendingPurchase("STRIPE");
    await fulfilPurchase(paid.purchase.id, "stripe");
    expect(await markPurchaseFailed(paid.purchase.id)).toBe(false);
    expect(await markPurchaseExpired(paid.purchase.id)).toBe(false);
    expect(await markPurchaseCanceled(paid.purchase.id, paid.company.id)).toBe(false);
    expect((await purchaseRow(paid.purchase.id)).status).toBe("PAID");
  });
});
