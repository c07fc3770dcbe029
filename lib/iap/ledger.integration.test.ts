import type { ServiceName } from "./catalogue";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import { charge } from "./charge";
import { InsufficientCreditsError } from "./errors";
import { balanceOf, debit, grant } from "./ledger";
import { reserve, capture, release } from "./holds";

async function accountWith(credits: bigint, service: ServiceName = "partner_autocomplete") {
  const { company } = await createCompany();
  const account = await getOrCreateAccount(company.id, service);
  if (credits > 0n) await grant(account, credits, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  return account;
}

describe("credits ledger", () => {
  it("64 concurrent 1-credit debits on 50 credits: 50 succeed, 14 are refused, balance 0", async () => {
    const account = await accountWith(50n);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) => debit(account, 1n, { description: "use", idempotencyKey: `use-${i}` })),
    );
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(50);
    expect(refused).toHaveLength(14);
    for (const o of refused) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(InsufficientCreditsError);
    expect(await balanceOf(account.id)).toBe(0n);
    const sum = await prisma().ledgerEntry.aggregate({ where: { accountId: account.id }, _sum: { amount: true } });
    expect(sum._sum.amount).toBe(0n);
  });

  it("the same idempotency key 20 times concurrently has one effect and returns the first result", async () => {
    const account = await accountWith(10n);
    const results = await Promise.all(Array.from({ length: 20 }, () => debit(account, 3n, { description: "once", idempotencyKey: "same" })));
    expect(new Set(results.map((r) => r.entryId))).toHaveProperty("size", 1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await balanceOf(account.id)).toBe(7n);
    expect(await prisma().ledgerEntry.count({ where: { accountId: account.id, kind: "USAGE" } })).toBe(1);
  });

  it("an exception inside charge releases the hold and leaves the balance unchanged", async () => {
    const account = await accountWith(5n);
    await expect(
      charge({ companyId: account.companyId, service: account.service.technicalName, amount: 2n, idempotencyKey: "boom", description: "fails" }, async () => {
        throw new Error("gateway down");
      }),
    ).rejects.toThrow("gateway down");
    expect(await balanceOf(account.id)).toBe(5n);
    const hold = await prisma().creditHold.findFirstOrThrow({ where: { accountId: account.id } });
    expect(hold.status).toBe("RELEASED");
    expect((await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).held).toBe(0n);
  });

  it("capture posts the actual amount, frees the rest, and resolves once", async () => {
    const account = await accountWith(10n);
    const hold = await reserve(account, 4n, { description: "reserve", idempotencyKey: "h1" });
    await expect(debit(account, 7n, { description: "too much", idempotencyKey: "d1" })).rejects.toBeInstanceOf(InsufficientCreditsError);
    const first = await capture(hold, 3n);
    expect(first.balanceAfter).toBe(7n);
    expect((await capture(hold, 3n)).replayed).toBe(true);
    expect(await release(hold)).toBe(false);
    expect(await balanceOf(account.id)).toBe(7n);
  });

  it("concurrent first uses of a service create one account", async () => {
    const { company } = await createCompany({ trialEligible: true });
    const { clearAccountCaches } = await import("./accounts");
    clearAccountCaches();
    const accounts = await Promise.all(Array.from({ length: 10 }, () => getOrCreateAccount(company.id, "sms")));
    expect(new Set(accounts.map((a) => a.id)).size).toBe(1);
    expect(await prisma().iapAccount.count({ where: { companyId: company.id } })).toBe(1);
    // SMS gives 10 trial credits with 2 decimals: granted once.
    expect(await balanceOf(accounts[0].id)).toBe(1000n);
  });
});
