import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import { debit, grant } from "./ledger";
import { reserve, capture, release } from "./holds";
import { verifyLedger } from "./verify";
import { problemLine } from "@/lib/cli/ledger-problems";
import { translatorFor } from "@/lib/i18n/catalogue";

const root = path.resolve(import.meta.dirname, "..", "..");

async function busyAccount() {
  const { company } = await createCompany({ name: `Verify Co ${randomUUID().slice(0, 6)}` });
  const account = await getOrCreateAccount(company.id, "snailmail");
  await grant(account, 20n, { kind: "PURCHASE", description: "pack", idempotencyKey: "p1" });
  await debit(account, 3n, { description: "letter", idempotencyKey: "d1" });
  await capture(await reserve(account, 5n, { description: "letter", idempotencyKey: "h1" }), 4n);
  await release(await reserve(account, 2n, { description: "letter", idempotencyKey: "h2" }));
  await reserve(account, 1n, { description: "letter", idempotencyKey: "h3" });
  return { company, account };
}

describe("conservation check", () => {
  it("passes on a busy account and names it once its cached balance or held is changed behind the ledger's back", async () => {
    const { company, account } = await busyAccount();
    expect(await verifyLedger({ companyId: company.id })).toMatchObject({ ok: true, accounts: 1, entries: 3, holds: 3, problems: [] });

    // Corruption is undone at once: other test files check their own accounts meanwhile.
    await pool().query("UPDATE iap_account SET balance = balance + 5, held = held + 1 WHERE id = $1", [account.id]);
    let report;
    try {
      report = await verifyLedger({ companyId: company.id });
    } finally {
      await pool().query("UPDATE iap_account SET balance = balance - 5, held = held - 1 WHERE id = $1", [account.id]);
    }
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ accountId: account.id, companyId: company.id, company: company.name, service: "snailmail" });
    expect(report.problems[0].finding).toEqual({ code: "balanceAndHeld", values: { balance: "18", total: "13", held: "2", pending: "1" } });
    // Worded in the operator's language: English, French, Chinese.
    const line = (locale: "en" | "fr" | "zh-CN") =>
      problemLine(report.problems[0], { ledger: translatorFor(locale, "cli.ledger"), problems: translatorFor(locale, "cli.ledgerProblems") });
    expect(line("en")).toBe(`account ${account.id} (company ${company.id} "${company.name}", service snailmail): balance 18 ≠ sum of entries 13; held 2 ≠ sum of pending holds 1`);
    expect(line("fr")).toBe(`compte ${account.id} (société ${company.id} «\u00a0${company.name}\u00a0», service snailmail)\u00a0: solde 18 ≠ somme des écritures 13\u00a0; réservé 2 ≠ somme des réservations en cours 1`);
    expect(line("zh-CN")).toBe(`账户 ${account.id}（公司 ${company.id}“${company.name}”，服务 snailmail）：余额 18 ≠ 条目合计 13；预留 2 ≠ 待处理预留合计 1`);
    expect((await verifyLedger({ companyId: company.id })).ok).toBe(true);
  });

  it("npm run ledger:verify on a copy: exit 0 when conserved; exit 1 naming each broken account, broken chain and hold resolved twice", async () => {
    // A database of its own, so this test can write what the app never would.
    const name = `iap_verify_copy_test_${randomUUID().slice(0, 8)}`;
    const admin = new URL(process.env.DATABASE_URL!);
    admin.pathname = "/postgres";
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const adminClient = new pg.Client({ connectionString: admin.toString() });
    await adminClient.connect();
    await adminClient.query(`CREATE DATABASE ${name}`);
    const db = new pg.Client({ connectionString: url.toString() });
    try {
      await migrate(url.toString());
      await db.connect();
      const ids = await seedCopy(db);
      const clean = await runVerify(url.toString());
      expect(clean.code).toBe(0);
      expect(clean.stdout).toContain("Ledger conserved: 3 accounts, 5 ledger entries, 2 holds checked.");
      // The terminal's language (LANG) is the report's.
      const french = await runVerify(url.toString(), "fr_FR.UTF-8");
      expect(french.code).toBe(0);
      expect(french.stdout).toContain("Registre conservé\u00a0: 3 comptes, 5 écritures, 2 réservations vérifiés.");

      await db.query("UPDATE iap_account SET balance = balance + 7 WHERE id = $1", [ids.good]);
      // An entry whose balance_after does not follow, with the cached balance kept in step.
      await db.query(
        "INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, idempotency_key) VALUES ($1, 'ADJUSTMENT', 5, 99, 'bad', 'bad')",
        [ids.chain],
      );
      await db.query("UPDATE iap_account SET balance = balance + 5 WHERE id = $1", [ids.chain]);
      // A released hold that also has a capture entry: resolved twice.
      await db.query(
        `INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, idempotency_key, hold_id)
         SELECT account_id, 'USAGE', -2, 8, 'capture', 'hold:' || id, id FROM credit_hold WHERE id = $1`,
        [ids.releasedHold],
      );
      await db.query("UPDATE iap_account SET balance = balance - 2 WHERE id = $1", [ids.holds]);

      const brokenInChinese = await runVerify(url.toString(), "zh_CN.UTF-8");
      expect(brokenInChinese.code).toBe(1);
      expect(brokenInChinese.stderr).toContain("账本不守恒：3 个账户中有 3 个与其条目不符");
      expect(brokenInChinese.stderr).toContain(`预留 ${ids.releasedHold}（已释放，预留 2，未扣款）有 1 条扣款条目，合计 -2`);

      const broken = await runVerify(url.toString());
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain("Ledger NOT conserved: 3 of 3 accounts disagree");
      expect(broken.stderr).toContain(`account ${ids.good} (company ${ids.company} "Copy Co", service sms): balance 17 ≠ sum of entries 10`);
      expect(broken.stderr).toContain(`account ${ids.chain} (company ${ids.company} "Copy Co", service snailmail): entry`);
      expect(broken.stderr).toMatch(new RegExp(`account ${ids.holds} .*hold ${ids.releasedHold} \\(released, 2 held, nothing captured\\) has 1 capture entry`));
    } finally {
      await db.end().catch(() => {});
      await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminClient.end();
    }
  }, 60_000);
});

/** Three consistent accounts written in plain SQL, the way the ledger's statements leave them. */
async function seedCopy(db: pg.Client) {
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].id as number;
  const company = await one("INSERT INTO company (name, country, currency) VALUES ('Copy Co', 'BE', 'EUR') RETURNING id");
  const sms = await one("INSERT INTO iap_service (technical_name, name, description, decimals) VALUES ('sms', 'SMS', 'x', 2) RETURNING id");
  const snail = await one("INSERT INTO iap_service (technical_name, name, description) VALUES ('snailmail', 'Snailmail', 'x') RETURNING id");
  const ocr = await one("INSERT INTO iap_service (technical_name, name, description) VALUES ('invoice_ocr', 'Documents Digitization', 'x') RETURNING id");
  const account = (service: number, balance: number, held: number) =>
    one("INSERT INTO iap_account (company_id, service_id, balance, held) VALUES ($1, $2, $3, $4) RETURNING id", [company, service, balance, held]);
  const entry = (accountId: number, kind: string, amount: number, after: number, key: string, holdId: number | null = null) =>
    db.query(
      "INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, idempotency_key, hold_id) VALUES ($1, $2, $3, $4, 'x', $5, $6)",
      [accountId, kind, amount, after, key, holdId],
    );
  const good = await account(sms, 10, 0);
  await entry(good, "PURCHASE", 10, 10, "p");
  const chain = await account(snail, 10, 0);
  await entry(chain, "PURCHASE", 12, 12, "p");
  await entry(chain, "USAGE", -2, 10, "d");
  const holds = await account(ocr, 6, 0);
  await entry(holds, "PURCHASE", 10, 10, "p");
  const captured = await one(
    "INSERT INTO credit_hold (account_id, amount, captured_amount, status, description, idempotency_key, expires_at) VALUES ($1, 5, 4, 'CAPTURED', 'x', 'c', now()) RETURNING id",
    [holds],
  );
  await entry(holds, "USAGE", -4, 6, `hold:${captured}`, captured);
  const releasedHold = await one(
    "INSERT INTO credit_hold (account_id, amount, status, description, idempotency_key, expires_at) VALUES ($1, 2, 'RELEASED', 'x', 'r', now()) RETURNING id",
    [holds],
  );
  return { company, good, chain, holds, releasedHold };
}

/** `LANG=<lang> npm run ledger:verify`, whatever the language of the shell running the tests. */
function runVerify(databaseUrl: string, lang = "C.UTF-8"): Promise<{ code: number; stdout: string; stderr: string }> {
  const { LC_ALL: _all, LC_MESSAGES: _messages, ...environment } = process.env;
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "lib/cli/ledger-verify.ts"], {
      cwd: root,
      env: { ...environment, DATABASE_URL: databaseUrl, LANG: lang },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
