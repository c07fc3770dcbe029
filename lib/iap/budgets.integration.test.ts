// Budgets on the real PostgreSQL: a hard budget is never overrun, even by 32
// concurrent sends of one user; a soft one only counts; held-but-unused
// credits come back to the budget; months begin in the company's time zone.
import { describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import { listBudgetNotices, listBudgets, setDefaultBudget, setUserBudget } from "./budgets";
import { charge } from "./charge";
import { BudgetExceededError, InsufficientCreditsError } from "./errors";
import { balanceOf, debit, grant } from "./ledger";
import { capture, release, reserve } from "./holds";
import { verifyLedger } from "./verify";

async function setUp(units = 1000n) {
  const { company, admin, user } = await createCompany();
  const account = await getOrCreateAccount(company.id, "sms");
  await grant(account, units, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  return { company, admin, user, account };
}

async function usedThisMonth(accountId: number, userId: number): Promise<bigint> {
  const { rows } = await pool().query(
    "SELECT used FROM budget_usage bu JOIN iap_account a ON a.id = bu.account_id WHERE bu.account_id = $1 AND bu.user_id = $2 AND bu.month = month_start_in((SELECT time_zone FROM company WHERE id = a.company_id), now())",
    [accountId, userId],
  );
  return BigInt(rows[0]?.used ?? 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("hard budget", () => {
  it("32 concurrent sends by one user on a hard budget of 10: exactly 10 go through, the rest are refused, nothing overruns", async () => {
    const { company, user, account } = await setUp();
    expect(await setUserBudget(company.id, account.id, user.id, { limit: 10n, hard: true })).toBe(true);
    let ran = 0;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) =>
        charge(
          { companyId: company.id, service: "sms", amount: 1n, idempotencyKey: `send-${i}`, description: "SMS", reference: "contact:1", createdById: user.id },
          async () => {
            ran++;
            await sleep(5); // the holds overlap
            return i;
          },
        ),
      ),
    );
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    expect(refused).toHaveLength(22);
    for (const r of refused) {
      const error = (r as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(BudgetExceededError);
      expect(error.limit).toBe(10n);
      expect(error.month).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(ran).toBe(10);
    expect(await usedThisMonth(account.id, user.id)).toBe(10n);
    expect(await balanceOf(account.id)).toBe(990n);
    expect((await verifyLedger({ accountIds: [account.id] })).problems).toEqual([]);
  });

  it("a budget counts units, not sends: 32 concurrent 3-unit sends on 20 fit 6 (18 units), never 21", async () => {
    const { company, user, account } = await setUp();
    await setUserBudget(company.id, account.id, user.id, { limit: 20n, hard: true });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) => reserve(account, 3n, { description: "SMS", idempotencyKey: `h-${i}`, createdById: user.id })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(6);
    expect(await usedThisMonth(account.id, user.id)).toBe(18n);
  });

  it("the refusal changes nothing, a raise takes effect at once, and a retried key replays rather than refuses", async () => {
    const { company, user, account } = await setUp();
    await setUserBudget(company.id, account.id, user.id, { limit: 2n, hard: true });
    const first = await debit(account, 2n, { description: "SMS", idempotencyKey: "d1", createdById: user.id });
    await expect(debit(account, 1n, { description: "SMS", idempotencyKey: "d2", createdById: user.id })).rejects.toBeInstanceOf(BudgetExceededError);
    expect(await balanceOf(account.id)).toBe(998n);
    expect(await usedThisMonth(account.id, user.id)).toBe(2n);
    // The first request again: the same answer, not a budget refusal.
    expect(await debit(account, 2n, { description: "SMS", idempotencyKey: "d1", createdById: user.id })).toMatchObject({ entryId: first.entryId, replayed: true });
    await setUserBudget(company.id, account.id, user.id, { limit: 3n, hard: true });
    await debit(account, 1n, { description: "SMS", idempotencyKey: "d2", createdById: user.id });
    expect(await usedThisMonth(account.id, user.id)).toBe(3n);
  });

  it("not enough credits under a budget rolls the budget count back", async () => {
    const { company, user, account } = await setUp(5n);
    await setUserBudget(company.id, account.id, user.id, { limit: 100n, hard: true });
    await expect(reserve(account, 6n, { description: "SMS", idempotencyKey: "big", createdById: user.id })).rejects.toBeInstanceOf(InsufficientCreditsError);
    expect(await usedThisMonth(account.id, user.id)).toBe(0n);
  });

  it("credits held but not used come back to the budget: partial capture, release, expiry", async () => {
    const { company, user, account } = await setUp();
    await setUserBudget(company.id, account.id, user.id, { limit: 100n, hard: true });
    const a = await reserve(account, 10n, { description: "a", idempotencyKey: "a", createdById: user.id });
    const b = await reserve(account, 20n, { description: "b", idempotencyKey: "b", createdById: user.id });
    const c = await reserve(account, 30n, { description: "c", idempotencyKey: "c", createdById: user.id, ttlSeconds: 0 });
    expect(await usedThisMonth(account.id, user.id)).toBe(60n);
    await capture(a, 4n);
    expect(await usedThisMonth(account.id, user.id)).toBe(54n);
    await release(b);
    expect(await usedThisMonth(account.id, user.id)).toBe(34n);
    const { expireHolds } = await import("./hold-expiry");
    await expireHolds(1000, { accountIds: [account.id] });
    expect(await usedThisMonth(account.id, user.id)).toBe(4n);
    expect(c.amount).toBe(30n);
  });

  it("the default budget applies to users without their own; an own budget overrides it; other users and no-user work are not limited", async () => {
    const { company, admin, user, account } = await setUp();
    await setDefaultBudget(company.id, account.id, { limit: 1n, hard: true });
    await setUserBudget(company.id, account.id, admin.id, { limit: 5n, hard: true });
    await debit(account, 1n, { description: "x", idempotencyKey: "u1", createdById: user.id });
    await expect(debit(account, 1n, { description: "x", idempotencyKey: "u2", createdById: user.id })).rejects.toBeInstanceOf(BudgetExceededError);
    await debit(account, 5n, { description: "x", idempotencyKey: "a1", createdById: admin.id });
    await debit(account, 50n, { description: "x", idempotencyKey: "api", createdById: null });
    const budgets = await listBudgets(company.id, account.id);
    expect(budgets?.defaultBudget).toEqual({ limit: 1n, hard: true });
    expect(budgets?.users.find((u) => u.userId === user.id)).toMatchObject({ own: null, effective: { limit: 1n, hard: true }, used: 1n });
    expect(budgets?.users.find((u) => u.userId === admin.id)).toMatchObject({ own: { limit: 5n, hard: true }, used: 5n });
  });

  it("another company's account or user cannot be given a budget", async () => {
    const one = await setUp();
    const other = await createCompany();
    expect(await setUserBudget(one.company.id, one.account.id, other.user.id, { limit: 1n, hard: true })).toBe(false);
    expect(await setUserBudget(other.company.id, one.account.id, other.user.id, { limit: 1n, hard: true })).toBe(false);
    expect(await setDefaultBudget(other.company.id, one.account.id, { limit: 1n, hard: true })).toBe(false);
    expect(await listBudgets(other.company.id, one.account.id)).toBeNull();
  });
});

describe("soft budget", () => {
  it("only counts: every send goes through, and the 80 % notice lists the user", async () => {
    const { company, user, account } = await setUp();
    await setUserBudget(company.id, account.id, user.id, { limit: 10n, hard: false });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) => debit(account, 1n, { description: "SMS", idempotencyKey: `s-${i}`, createdById: user.id })),
    );
    expect(outcomes.every((o) => o.status === "fulfilled")).toBe(true);
    expect(await usedThisMonth(account.id, user.id)).toBe(32n);
    const notices = await listBudgetNotices(company.id, user.id);
    expect(notices).toEqual([expect.objectContaining({ accountId: account.id, userId: user.id, limit: 10n, used: 32n, hard: false })]);
  });

  it("the notice starts at 80 %: 7 of 10 is not listed, 8 of 10 is", async () => {
    const { company, user, account } = await setUp();
    await setUserBudget(company.id, account.id, user.id, { limit: 10n, hard: true });
    await debit(account, 7n, { description: "SMS", idempotencyKey: "7", createdById: user.id });
    expect(await listBudgetNotices(company.id)).toEqual([]);
    await debit(account, 1n, { description: "SMS", idempotencyKey: "8", createdById: user.id });
    expect(await listBudgetNotices(company.id)).toHaveLength(1);
  });
});

describe("budget months in the company's time zone", () => {
  it("month_start_in turns at local midnight, not at UTC midnight", async () => {
    const cases: Array<[string, string, string]> = [
      ["UTC", "2026-11-30T23:59:59Z", "2026-11-01"],
      ["UTC", "2026-12-01T00:00:00Z", "2026-12-01"],
      ["America/New_York", "2026-12-01T04:59:59Z", "2026-11-01"],
      ["America/New_York", "2026-12-01T05:00:00Z", "2026-12-01"],
      ["Asia/Tokyo", "2026-11-30T14:59:59Z", "2026-11-01"],
      ["Asia/Tokyo", "2026-11-30T15:00:00Z", "2026-12-01"],
      ["Pacific/Auckland", "2026-12-31T10:59:59Z", "2026-12-01"],
      ["Pacific/Auckland", "2026-12-31T11:00:00Z", "2027-01-01"],
    ];
    for (const [tz, at, month] of cases) {
      const { rows } = await pool().query("SELECT to_char(month_start_in($1, $2::timestamptz), 'YYYY-MM-DD') AS month", [tz, at]);
      expect({ tz, at, month: rows[0].month }).toEqual({ tz, at, month });
    }
  });

  it("last month's use does not count this month (month taken in the company's zone)", async () => {
    const { company, user, account } = await setUp();
    await prisma().company.update({ where: { id: company.id }, data: { timeZone: "Pacific/Kiritimati" } });
    await setUserBudget(company.id, account.id, user.id, { limit: 2n, hard: true });
    // Last month (in Kiritimati, UTC+14) the user used the whole budget.
    await pool().query(
      `INSERT INTO budget_usage (account_id, user_id, month, used)
       VALUES ($1, $2, (month_start_in('Pacific/Kiritimati', now()) - interval '1 month')::date, 2)`,
      [account.id, user.id],
    );
    await debit(account, 2n, { description: "SMS", idempotencyKey: "new-month", createdById: user.id });
    const { rows } = await pool().query(
      "SELECT to_char(month, 'YYYY-MM-DD') AS month, used FROM budget_usage WHERE account_id = $1 AND user_id = $2 ORDER BY month",
      [account.id, user.id],
    );
    const expected = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati", year: "numeric", month: "2-digit" }).format(new Date());
    expect(rows.map((r) => [r.month.slice(0, 7), r.used])).toEqual([
      [rows[0].month.slice(0, 7), "2"],
      [expected, "2"],
    ]);
    await expect(debit(account, 1n, { description: "SMS", idempotencyKey: "over", createdById: user.id })).rejects.toMatchObject({ month: expected });
  });
});
