// The credit history's filters and its streamed CSV export on the real
// PostgreSQL, up to an account of 1,000,000 entries.
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tests/support/csv";
import { pool, prisma } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import { sayIssues } from "@/lib/i18n/issues";
import { historyFilterSchema } from "./history-filter";
import { HISTORY_CSV_HEADER, listHistory, streamHistoryCsv } from "./history";
import { debit, grant } from "./ledger";
import { fulfilPurchase } from "@/lib/billing/settle-purchase";
import { translatorFor } from "@/lib/i18n/catalogue";
import { pendingPurchase, withEnv } from "@/tests/support/billing";
import { ledgerDescription } from "@/app/(app)/settings/iap/_messages/ledger-words";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}


describe("history filters", () => {
  it("by kind, user, date range (company time zone) and text; another company sees nothing", async () => {
    const { company, admin, user } = await createCompany();
    await prisma().company.update({ where: { id: company.id }, data: { timeZone: "Asia/Tokyo" } });
    const account = await getOrCreateAccount(company.id, "sms");
    await grant(account, 100n, { kind: "PURCHASE", description: "Pack of 100", idempotencyKey: "p", reference: "purchase:1" });
    await debit(account, 2n, { description: "SMS to +32 470 00 00 01", idempotencyKey: "a", reference: "contact:7", createdById: user.id });
    await debit(account, 3n, { description: "SMS to +32 470 00 00 02 (100% off, \"quoted\")", idempotencyKey: "b", reference: "contact:8", createdById: admin.id });
    const filter = (input: Record<string, string>) => historyFilterSchema.parse(input);
    const ids = async (input: Record<string, string>) => (await listHistory(company.id, account.id, filter(input))).entries.map((e) => e.description);

    expect(await ids({})).toHaveLength(3);
    expect(await ids({ kind: "PURCHASE" })).toEqual(["Pack of 100"]);
    expect(await ids({ user: String(user.id) })).toEqual(["SMS to +32 470 00 00 01"]);
    expect(await ids({ user: "0" })).toEqual(["Pack of 100"]);
    expect(await ids({ q: "100%" })).toEqual(['SMS to +32 470 00 00 02 (100% off, "quoted")']);
    expect(await ids({ q: "contact:7" })).toEqual(["SMS to +32 470 00 00 01"]);
    const tokyoToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
    expect(await ids({ from: tokyoToday, to: tokyoToday })).toHaveLength(3);
    const tomorrow = new Date(Date.parse(tokyoToday) + 86_400_000).toISOString().slice(0, 10);
    expect(await ids({ from: tomorrow })).toEqual([]);
    const other = await createCompany();
    expect((await listHistory(other.company.id, account.id, filter({}))).entries).toEqual([]);
    expect(await streamHistoryCsv(other.company.id, account.id, filter({}))).toBeNull();

    const csv = parseCsv(await readAll((await streamHistoryCsv(company.id, account.id, filter({ kind: "USAGE" })))!));
    expect(csv[0]).toEqual(HISTORY_CSV_HEADER);
    expect(csv.slice(1).map((r) => [r[3], r[5], r[6], r[7]])).toEqual([
      ["-0.03", admin.email, 'SMS to +32 470 00 00 02 (100% off, "quoted")', "contact:8"],
      ["-0.02", user.email, "SMS to +32 470 00 00 01", "contact:7"],
    ]);
  });

  it("refuses a reversed date range and a malformed date with a message naming the field", () => {
    const reversed = historyFilterSchema.safeParse({ from: "2026-12-02", to: "2026-12-01" });
    expect(reversed.success).toBe(false);
    expect(sayIssues(reversed.error!, "en").issues[0]).toMatchObject({ path: ["to"], message: "The end date is before the start date." });
    expect(sayIssues(reversed.error!, "fr").issues[0]).toMatchObject({ path: ["to"], message: "La date de fin est antérieure à la date de début." });
    expect(historyFilterSchema.safeParse({ from: "1 Dec" }).error?.issues[0].path).toEqual(["from"]);
    expect(historyFilterSchema.safeParse({ kind: "GIFT" }).success).toBe(false);
  });
});

describe("history in the reader's language", () => {
  it("words a purchase's entry for an English, French and Chinese reader, in the page and the CSV; an entry without a code keeps its text", async () => {
    const restore = withEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });
    try {
      const { company, purchase } = await pendingPurchase("DEMO");
      await fulfilPurchase(purchase.id, "demo");
      const account = await getOrCreateAccount(company.id, "sms");
      // As rows written before codes: description only.
      await grant(account, 5n, { kind: "ADJUSTMENT", description: "Goodwill gesture", idempotencyKey: "old-row" });
      const { entries } = await listHistory(company.id, account.id, {});
      const bought = entries.find((entry) => entry.kind === "PURCHASE")!;
      const old = entries.find((entry) => entry.kind === "ADJUSTMENT")!;
      expect(bought.wording).toEqual({ code: "purchase", params: { pack: "Standard Pack", packCode: "standard", purchaseId: purchase.id } });
      expect(old.wording).toBeNull();

      const say = (locale: "en" | "fr" | "zh-CN", entry: typeof bought) => ledgerDescription(translatorFor(locale, "iap"), entry);
      expect(say("en", bought)).toBe(`Standard Pack (purchase #${purchase.id})`);
      expect(say("en", bought)).toBe(bought.description);
      expect(say("fr", bought)).toBe(`Pack Standard (achat n°\u00a0${purchase.id})`);
      expect(say("zh-CN", bought)).toBe(`标准套餐（购买单号 #${purchase.id}）`);
      for (const locale of ["en", "fr", "zh-CN"] as const) expect(say(locale, old)).toBe("Goodwill gesture");

      const french = translatorFor("fr", "iap");
      const csv = parseCsv(await readAll((await streamHistoryCsv(company.id, account.id, {}, (entry) => ledgerDescription(french, entry)))!));
      expect(csv[0]).toEqual(HISTORY_CSV_HEADER);
      expect(csv.slice(1).filter((row) => row[2] !== "TRIAL_GRANT").map((row) => [row[2], row[6], row[8]])).toEqual([
        ["ADJUSTMENT", "Goodwill gesture", ""],
        ["PURCHASE", `Pack Standard (achat n°\u00a0${purchase.id})`, "purchase"],
      ]);
    } finally {
      restore();
    }
  });
});

describe("CSV export of 1,000,000 entries", () => {
  it("streams every row with flat memory, and the rows sum to the ledger", { timeout: 600_000 }, async () => {
    const { company } = await createCompany();
    const account = await getOrCreateAccount(company.id, "invoice_ocr");
    const n = 1_000_000;
    const setUpStartedAt = performance.now();
    // Bulk set-up straight into the ledger (the balance is not what this test is about),
    // with triggers off inside this one transaction (SET LOCAL): a million foreign-key
    // checks and the daily-usage rollup (usage_day, which the export never reads) took
    // about 40 % of the set-up's time, and the account is this test's own.
    await withTransaction(async (client) => {
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(
        `INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, created_at)
         SELECT $1, 'USAGE', -(1 + i % 7), 0, 'Document ' || i || CASE WHEN i % 1000 = 0 THEN ', "quoted", line' || chr(10) || 'break' ELSE '' END,
                'document:' || i, 'bulk:' || i, now() - make_interval(secs => $2 - i)
           FROM generate_series(1, $2) AS i`,
        [account.id, n],
      );
    });
    const insertedAt = performance.now();
    const ledger = await pool().query("SELECT count(*)::int AS n, sum(amount)::text AS total FROM ledger_entry WHERE account_id = $1", [account.id]);
    const decimals = account.service.decimals;

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const startedAt = performance.now();
    const stream = (await streamHistoryCsv(company.id, account.id, historyFilterSchema.parse({})))!;
    const decoder = new TextDecoder();
    let rest = "";
    let rows = 0;
    let total = 0n;
    let header: string[] | null = null;
    // Read it as a client would, a chunk at a time; a record may span chunks (quoted line breaks).
    for await (const chunk of stream) {
      rest += decoder.decode(chunk, { stream: true });
      // Only complete records: up to the last CRLF that is not inside quotes.
      let end = -1;
      let quoted = false;
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] === '"') quoted = !quoted;
        else if (!quoted && rest[i] === "\r" && rest[i + 1] === "\n") end = i + 2;
      }
      if (end < 0) continue;
      for (const record of parseCsv(rest.slice(0, end))) {
        if (!header) {
          header = record;
          continue;
        }
        rows++;
        const [whole, fraction = ""] = record[3].replace("-", "").split(".");
        const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
        total += record[3].startsWith("-") ? -units : units;
      }
      rest = rest.slice(end);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const growthMb = (peak - rssBefore) / 1024 / 1024;
    console.log(`CSV export: ${rows} rows in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (set-up ${((insertedAt - setUpStartedAt) / 1000).toFixed(1)} s), RSS growth ${growthMb.toFixed(1)} MB (before ${(rssBefore / 1024 / 1024).toFixed(0)} MB, peak ${(peak / 1024 / 1024).toFixed(0)} MB)`);
    expect(header).toEqual(HISTORY_CSV_HEADER);
    expect(rows).toBe(ledger.rows[0].n);
    expect(rows).toBe(n);
    expect(total.toString()).toBe(ledger.rows[0].total);
    expect(growthMb).toBeLessThan(200);
  });
});
