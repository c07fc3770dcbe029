import { describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import { getAccountDetail, listAccounts, listLedgerEntries, listOpenHolds, listPurchases } from "./account-views";
import { debit, grant } from "./ledger";
import { reserve } from "./holds";

describe("IAP account views", () => {
  it("lists one row per account of the company only, with balance and warning settings", async () => {
    const { company } = await createCompany();
    const { company: other } = await createCompany();
    const sms = await getOrCreateAccount(company.id, "sms");
    await getOrCreateAccount(company.id, "snailmail");
    await getOrCreateAccount(other.id, "sms");
    await grant(sms, 1234n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });

    const accounts = await listAccounts(company.id);
    expect(accounts.map((a) => a.serviceName)).toEqual(["SMS", "Snailmail"]);
    expect(accounts[0]).toMatchObject({ id: sms.id, balance: 1234n, decimals: 2, unitName: "credits", warnEnabled: false, warningThreshold: null });
    expect(await listAccounts((await createCompany()).company.id)).toEqual([]);
  });

  it("never shows another company's account, history, holds or purchases", async () => {
    const { company } = await createCompany();
    const { company: intruder } = await createCompany();
    const account = await getOrCreateAccount(company.id, "partner_autocomplete");
    await grant(account, 10n, { kind: "PURCHASE", description: "bought", idempotencyKey: "p1" });
    await reserve(account, 2n, { description: "enrichment", idempotencyKey: "h1" });

    expect(await getAccountDetail(company.id, account.id)).toMatchObject({ serviceName: "Partner Autocomplete", balance: 10n, held: 2n });
    expect(await getAccountDetail(intruder.id, account.id)).toBeNull();
    expect((await listLedgerEntries(intruder.id, account.id)).entries).toEqual([]);
    expect(await listOpenHolds(intruder.id, account.id)).toEqual([]);
    expect(await listOpenHolds(company.id, account.id)).toMatchObject([{ amount: 2n, description: "enrichment" }]);
  });

  it("pages the credit history newest first by cursor, each entry once, with running balances", async () => {
    const { company } = await createCompany();
    const account = await getOrCreateAccount(company.id, "invoice_ocr");
    await grant(account, 1000n, { kind: "PURCHASE", description: "pack", idempotencyKey: "pack" });
    for (let i = 0; i < 119; i++) await debit(account, 1n, { description: `bill ${i}`, idempotencyKey: `bill-${i}` });

    const pages = [];
    let before: bigint | null = null;
    do {
      const page = await listLedgerEntries(company.id, account.id, { before, limit: 50 });
      pages.push(page.entries);
      before = page.olderCursor;
    } while (before !== null);

    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    const all = pages.flat();
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(120);
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    expect(all[0]).toMatchObject({ kind: "USAGE", amount: -1n, balanceAfter: 881n, description: "bill 118" });
    expect(all[119]).toMatchObject({ kind: "PURCHASE", amount: 1000n, balanceAfter: 1000n });
    // Running balance: each entry's balance_after = the next older one's + its amount.
    for (let i = 0; i < all.length - 1; i++) expect(all[i].balanceAfter).toBe(all[i + 1].balanceAfter + all[i].amount);
  });

  it("lists purchases newest first with their pack name and amount", async () => {
    const { company } = await createCompany();
    const { company: other } = await createCompany();
    const account = await getOrCreateAccount(company.id, "sms");
    const pack = await prisma().creditPack.findFirstOrThrow({ where: { service: { technicalName: "sms" }, code: "standard" } });
    await prisma().purchase.create({
      data: { accountId: account.id, packId: pack.id, credits: pack.credits, amount: pack.price, currency: "EUR", provider: "DEMO", status: "PAID", paidAt: new Date() },
    });
    const purchases = await listPurchases(company.id, account.id);
    expect(purchases).toMatchObject([{ packName: "Standard Pack", packCode: "standard", amount: 1200, currency: "EUR", status: "PAID", credits: 10000n }]);
    expect(await listPurchases(other.id, account.id)).toEqual([]);
  });

  it("reads a page of a large history from the index, not by scanning it", async () => {
    const { company } = await createCompany();
    const account = await getOrCreateAccount(company.id, "reveal");
    await grant(account, 1n, { kind: "ADJUSTMENT", description: "one", idempotencyKey: "one" });
    // A test database's ledger is small, so the planner may rightly prefer a
    // sequential scan; with scans discouraged, the plan shows whether the
    // index serves this query's filter and order (no Sort), as it must once
    // the history is large.
    const client = await pool().connect();
    let plan: string;
    try {
      await client.query("BEGIN");
      // Statistics as autovacuum keeps them in production: without them the
      // planner guesses, and for an account this new a backward walk of the
      // primary key looks as cheap as the account's own index.
      await client.query("ANALYZE ledger_entry, iap_account");
      await client.query("SET LOCAL enable_seqscan = off");
      await client.query("SET LOCAL enable_bitmapscan = off");
      const { rows } = await client.query(
        `EXPLAIN (FORMAT JSON) SELECT e.id FROM ledger_entry e JOIN iap_account a ON a.id = e.account_id
          WHERE e.account_id = $1 AND a.company_id = $2 AND e.id < $3 ORDER BY e.id DESC LIMIT 51`,
        [account.id, company.id, 9223372036854775807n],
      );
      plan = JSON.stringify(rows[0]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    expect(plan).toContain('"Index Name":"ledger_entry_account_id_id_idx"');
    expect(plan).not.toContain('"Node Type":"Sort"');
  });
});
