// Two app servers on one database run every job for a while: the outbox (a
// real SMTP server on loopback), low-credit checks started by crossing
// debits, the scheduled hold expiry, documents and letters. Work arrives in
// waves from this process (as the app's pages would queue it). Every e-mail
// arrives once, every document is read and charged once, no letter is posted
// twice, and both instances took part.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { uploadDocuments } from "@/lib/digitization/documents";
import { disconnectDb, pool, prisma } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { SERVICES } from "@/lib/iap/catalogue";
import { reserve } from "@/lib/iap/holds";
import { debit, grant } from "@/lib/iap/ledger";
import { registerJobSubscriptions } from "@/lib/jobs/subscriptions";
import { queueEmail } from "@/lib/mail/outbox";
import { queueLetter } from "@/lib/snailmail/compose";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { ledgerVerify, systemDatabase, until } from "./support";

const WAVES = 3;
const EMAILS_PER_WAVE = 20;
const WATCHED_PER_WAVE = 3;
const DOCUMENTS_PER_WAVE = 2;
const LETTERS_PER_WAVE = 2;

let database: Awaited<ReturnType<typeof systemDatabase>>;
let smtp: TestSmtpServer;
let dataDir: string;
const servers: AppServer[] = [];

beforeAll(async () => {
  database = await systemDatabase("two");
  smtp = await startSmtpServer();
  dataDir = mkdtempSync(path.join(tmpdir(), "two-instances-"));
  process.env.APP_URL = "https://erp.example.test";
  reloadEnv();
  for (let i = 0; i < 2; i++) {
    servers.push(await startAppServer({ databaseUrl: database.url, env: { SMTP_URL: smtp.url, DATA_DIR: dataDir, JOBS_CONCURRENCY: "4", LOW_CREDITS_SWEEP_MINUTES: "1" } }));
  }
  // This process only queues: a debit's crossing event becomes a job here, worked by the servers.
  registerJobSubscriptions();
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await smtp?.close();
  await disconnectDb();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A digital invoice (text layer): read exactly, in a fraction of a second. */
async function invoicePdf(n: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = ["Acme Supplies SA", "VAT BE0477472701", "INVOICE", `Invoice number: INV-${1000 + n}`, "Invoice date: 2026-11-02", "Due date: 2026-12-02", "Subtotal: 100.00 EUR", "VAT 21%: 21.00 EUR", "Total: 121.00 EUR"];
  lines.forEach((text, i) => page.drawText(text, { x: 60, y: 780 - i * 24, size: 12, font }));
  return pdf.save();
}

it("two instances share every job: each e-mail once, each document once, no letter posted twice", async () => {
  const company = await prisma().company.create({ data: { name: "Two Instances SA", country: "BE", currency: "EUR", street: "Rue de la Loi 16", city: "Brussels", zip: "1000" } });
  const user = await prisma().user.create({ data: { companyId: company.id, email: "two@test.example", name: "Two", passwordHash: "x", role: "ADMIN" } });
  for (const service of [SERVICES.documentsDigitization, SERVICES.snailmail]) {
    await grant(await getOrCreateAccount(company.id, service), 1_000n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  }
  const warned: string[] = [];
  const documents: number[] = [];
  const letters: number[] = [];
  const holds: number[] = [];

  for (let wave = 0; wave < WAVES; wave++) {
    for (let i = 0; i < EMAILS_PER_WAVE; i++) {
      await queueEmail({ companyId: company.id, to: `reader-${wave}-${i}@test.example`, subject: `Wave ${wave} #${i}`, html: "<p>Hello</p>", text: "Hello", dedupeKey: randomUUID() });
    }
    for (let i = 0; i < WATCHED_PER_WAVE; i++) {
      // A company of its own per watched account: a debit from 10 to 4 crosses its threshold of 5.
      const watcher = await prisma().company.create({ data: { name: `Watcher ${wave}-${i}`, country: "BE", currency: "EUR" } });
      const account = await getOrCreateAccount(watcher.id, SERVICES.partnerAutocomplete);
      const to = `warn-${wave}-${i}@test.example`;
      warned.push(to);
      await grant(account, 10n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
      await prisma().iapAccount.update({ where: { id: account.id }, data: { warnEnabled: true, warningThreshold: 5n, warningEmail: to } });
      await debit(account, 6n, { description: "crossing", idempotencyKey: "crossing" });
      // A hold whose work never comes back: the scheduled sweep frees it.
      holds.push((await reserve(account, 1n, { description: "abandoned", idempotencyKey: "abandoned", ttlSeconds: 1 })).id);
    }
    const files = await Promise.all(Array.from({ length: DOCUMENTS_PER_WAVE }, async (_, i) => ({ name: `invoice-${wave}-${i}.pdf`, type: "application/pdf", bytes: await invoicePdf(wave * 10 + i) })));
    documents.push(...(await uploadDocuments({ id: user.id, companyId: company.id }, "VENDOR_BILL", files)));
    for (let i = 0; i < LETTERS_PER_WAVE; i++) {
      const contact = await prisma().contact.create({ data: { companyId: company.id, name: `Recipient ${wave}-${i}`, street: "Meir 1", city: "Antwerpen", zip: "2000", country: "BE" } });
      const letter = await queueLetter({ companyId: company.id, contactId: contact.id, createdById: user.id, subject: `Letter ${wave}-${i}`, body: "Hello", color: false, duplex: false });
      if (!letter.ok) throw new Error(`Letter refused: ${letter.problem.code}`);
      letters.push(letter.letterId);
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }

  const emails = WAVES * (EMAILS_PER_WAVE + WATCHED_PER_WAVE);
  await until("every e-mail sent, document read, letter posted and hold expired", async () => {
    const { rows } = await pool().query<{ sent: number; docs: number; posted: number; expired: number }>(
      `SELECT (SELECT count(*)::int FROM outgoing_email WHERE state = 'SENT') AS sent,
              (SELECT count(*)::int FROM document WHERE id = ANY($1::int[]) AND state NOT IN ('UPLOADED', 'DIGITIZING')) AS docs,
              (SELECT count(*)::int FROM letter WHERE id = ANY($2::int[]) AND state = 'SENT') AS posted,
              (SELECT count(*)::int FROM credit_hold WHERE id = ANY($3::int[]) AND status = 'EXPIRED') AS expired`,
      [documents, letters, holds],
    );
    const r = rows[0];
    return r.sent === emails && r.docs === documents.length && r.posted === letters.length && r.expired === holds.length && r;
  }, 150_000, 1000);

  // E-mails: each outbox row reached the SMTP server exactly once; one warning per crossing.
  const outbox = await pool().query<{ id: number }>("SELECT id FROM outgoing_email");
  const received = smtp.messages.map((m) => String(m.headers.get("x-outbox-id")));
  expect(received.sort()).toEqual(outbox.rows.map((r) => String(r.id)).sort());
  for (const to of warned) expect(smtp.to(to).map((m) => m.subject)).toEqual(["Low credits: Partner Autocomplete (4 left)"]);

  // Documents: each read once, one credit captured each.
  const read = await pool().query<{ id: number; state: string; captures: number }>(
    `SELECT d.id, d.state::text, (SELECT count(*)::int FROM credit_hold h WHERE h.reference = 'document:' || d.id AND h.status = 'CAPTURED') AS captures
       FROM document d WHERE d.id = ANY($1::int[]) ORDER BY d.id`,
    [documents],
  );
  expect(read.rows.map((r) => [r.state, r.captures])).toEqual(documents.map(() => ["TO_REVIEW", 1]));

  // Letters: each posted once (one PDF at the test post office, one capture).
  const posted = readdirSync(path.join(dataDir, "test-post-office")).map((file) => Number(/^TPO-(\d+)-/.exec(file)![1]));
  expect(posted.sort((a, b) => a - b)).toEqual([...letters].sort((a, b) => a - b));
  const captures = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM credit_hold WHERE reference LIKE 'letter:%' AND status = 'CAPTURED'");
  expect(captures.rows[0].n).toBe(letters.length);

  // Both instances worked jobs (nothing else runs jobs on this database: this process only queues them).
  const byInstance = await pool().query<{ pid: number; jobs: number }>(
    "SELECT w.pid, count(*)::int AS jobs FROM job_run r JOIN job_worker w ON w.pool_id = r.worker GROUP BY w.pid",
  );
  console.log(`jobs run per instance (pid → jobs): ${JSON.stringify(byInstance.rows)}`);
  expect(byInstance.rows).toHaveLength(servers.length);
  expect(byInstance.rows.every((r) => r.jobs > 0)).toBe(true);
  const failed = await pool().query("SELECT task, error FROM job_run WHERE outcome = 'FAILED'");
  expect(failed.rows).toEqual([]);

  const verify = await ledgerVerify(database.url);
  expect(verify.code).toBe(0);
});
