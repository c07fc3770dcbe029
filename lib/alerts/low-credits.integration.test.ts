// Low-credit warnings end to end: accounts in PostgreSQL, the job, the outbox,
// nodemailer, and a real SMTP server on loopback whose received messages are
// parsed with mailparser. Everything that delivers the outbox lives in this one
// file (its tests run one after another), so no other test's run can claim
// these rows; each test still scopes the job to its own company.
import { SERVICES, type ServiceName } from "@/lib/iap/catalogue";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/cron/low-credits/route";
import { pool, prisma } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { getOrCreateAccount, clearAccountCaches } from "@/lib/iap/accounts";
import { debit, grant } from "@/lib/iap/ledger";
import { deliverOutbox, MAX_ATTEMPTS, retryEmail } from "@/lib/mail/delivery";
import { requeueEmail } from "@/lib/mail/outbox";
import { NOT_DELIVERED_NO_SMTP } from "@/lib/mail/transport";
import { freePort } from "@/lib/db/embedded-postgres";
import { createCompany } from "@/tests/support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { runLowCreditsJob } from "./low-credits";

const APP_URL = "https://erp.example.test";
const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL, CRON_SECRET: process.env.CRON_SECRET, MAIL_FROM: process.env.MAIL_FROM };
let smtp: TestSmtpServer;

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  reloadEnv();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  setEnv({ SMTP_URL: smtp.url, APP_URL, MAIL_FROM: "IAP Credits <alerts@erp.example.test>" });
});

afterEach(() => setEnv({ SMTP_URL: smtp.url, APP_URL, CRON_SECRET: saved.CRON_SECRET }));

afterAll(async () => {
  await smtp.close();
  setEnv(saved);
});

let ids = 0;
/** A company with one Documents Digitization account (whole credits) watched at `threshold`, holding `balance`. */
async function watchedAccount({ balance, threshold, service = SERVICES.documentsDigitization }: { balance: bigint; threshold: bigint; service?: ServiceName }) {
  clearAccountCaches();
  const { company } = await createCompany();
  const account = await getOrCreateAccount(company.id, service);
  const email = `warn-${randomUUID().slice(0, 8)}@test.example`;
  await prisma().iapAccount.update({ where: { id: account.id }, data: { warnEnabled: true, warningThreshold: threshold, warningEmail: email } });
  if (balance > 0n) await grant(account, balance, { kind: "ADJUSTMENT", description: "Opening balance", idempotencyKey: `open-${++ids}` });
  return { company, account, email };
}

async function spend(account: Awaited<ReturnType<typeof getOrCreateAccount>>, amount: bigint) {
  return debit(account, amount, { description: "Test usage", idempotencyKey: `use-${randomUUID()}` });
}

async function outboxOf(companyId: number) {
  return prisma().outgoingEmail.findMany({ where: { companyId }, orderBy: { id: "asc" } });
}

describe("low-credit warnings", () => {
  it("e-mails once when the balance drops below the threshold, with subject, balance, threshold and the buy link", async () => {
    const { company, account, email } = await watchedAccount({ balance: 20n, threshold: 10n });

    const above = await runLowCreditsJob({ companyId: company.id });
    expect(above).toMatchObject({ checked: 1, queued: 0, sent: 0 });

    await spend(account, 15n); // 20 → 5, below 10
    const first = await runLowCreditsJob({ companyId: company.id });
    expect(first).toMatchObject({ checked: 1, queued: 1, sent: 1, failed: 0 });

    const received = smtp.to(email);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.subject).toBe("Low credits: Documents Digitization (5 left)");
    expect(mail.from?.value[0].address).toBe("alerts@erp.example.test");
    expect(mail.text).toContain("5 credits left for Documents Digitization, below the warning threshold of 10 credits");
    expect(mail.text).toContain(`Buy credits: ${APP_URL}/iap/buy/invoice_ocr`);
    expect(mail.html).toContain(`href="${APP_URL}/iap/buy/invoice_ocr"`);
    expect(mail.html).toContain("<strong>5 credits</strong>");
    expect(mail.html).toContain("<strong>10 credits</strong>");

    const [row] = await outboxOf(company.id);
    expect(row).toMatchObject({ to: email, state: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(mail.messageId).toBe(row.messageId);
    const stored = await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.warnedAt).toBeInstanceOf(Date);

    // Still below: the next run sends nothing more.
    const again = await runLowCreditsJob({ companyId: company.id });
    expect(again).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.to(email)).toHaveLength(1);
    expect(await outboxOf(company.id)).toHaveLength(1);
  });

  it("re-arms after a top-up to the threshold: the next drop sends a second e-mail", async () => {
    const { company, account, email } = await watchedAccount({ balance: 12n, threshold: 10n });
    await spend(account, 4n); // 8
    await runLowCreditsJob({ companyId: company.id });
    expect(smtp.to(email)).toHaveLength(1);

    // A purchase-like grant back to ≥ threshold re-arms in the same statement.
    await grant(account, 2n, { kind: "PURCHASE", description: "Top-up", idempotencyKey: `top-up-${randomUUID()}` }); // 10
    expect((await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).warnedAt).toBeNull();
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 0 });

    await spend(account, 3n); // 7
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 1, sent: 1 });
    const subjects = smtp.to(email).map((m) => m.subject);
    expect(subjects).toEqual(["Low credits: Documents Digitization (8 left)", "Low credits: Documents Digitization (7 left)"]);
  });

  it("a top-up that stays below the threshold does not re-arm", async () => {
    const { company, account, email } = await watchedAccount({ balance: 5n, threshold: 10n });
    await runLowCreditsJob({ companyId: company.id });
    await grant(account, 2n, { kind: "PURCHASE", description: "Small top-up", idempotencyKey: `small-${randomUUID()}` }); // 7
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 0 });
    expect(smtp.to(email)).toHaveLength(1);
  });

  it("the sweep re-arms accounts back at or above the threshold by any other path", async () => {
    const { company, account } = await watchedAccount({ balance: 5n, threshold: 10n });
    await runLowCreditsJob({ companyId: company.id });
    // Threshold lowered behind the settings page's back (no re-arm there).
    await pool().query("UPDATE iap_account SET warning_threshold = 3 WHERE id = $1", [account.id]);
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ rearmed: 1, queued: 0 });
    expect((await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).warnedAt).toBeNull();
  });

  it("ignores accounts with Warn Me off, without a threshold, or without an address", async () => {
    const { company, account } = await watchedAccount({ balance: 1n, threshold: 10n });
    await prisma().iapAccount.update({ where: { id: account.id }, data: { warnEnabled: false } });
    const sms = await getOrCreateAccount(company.id, "sms");
    await prisma().iapAccount.update({ where: { id: sms.id }, data: { warnEnabled: true, warningThreshold: 500n, warningEmail: "" } });
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 0 });
    expect(await outboxOf(company.id)).toHaveLength(0);
  });

  it("shows decimals as the service counts them (SMS: two decimals)", async () => {
    const { company, account, email } = await watchedAccount({ service: "sms", balance: 1_000n, threshold: 500n });
    await spend(account, 550n); // 4.50 credits left, threshold 5.00
    await runLowCreditsJob({ companyId: company.id });
    const [mail] = smtp.to(email);
    expect(mail.subject).toBe("Low credits: SMS (4.50 left)");
    expect(mail.text).toContain("threshold of 5.00 credits");
    expect(mail.text).toContain(`${APP_URL}/iap/buy/sms`);
  });

  it("two cron runs at the same time queue and send one e-mail per account", async () => {
    clearAccountCaches();
    const { company } = await createCompany();
    const services: ServiceName[] = ["sms", "invoice_ocr", "partner_autocomplete", "reveal", "snailmail"];
    const addresses: string[] = [];
    for (const service of services) {
      const account = await getOrCreateAccount(company.id, service);
      const email = `race-${service}-${randomUUID().slice(0, 6)}@test.example`;
      addresses.push(email);
      await prisma().iapAccount.update({ where: { id: account.id }, data: { warnEnabled: true, warningThreshold: 1n, warningEmail: email } });
    }
    const runs = await Promise.all([1, 2, 3, 4].map(() => runLowCreditsJob({ companyId: company.id })));
    expect(runs.reduce((sum, r) => sum + r.queued, 0)).toBe(services.length);
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(services.length);
    for (const address of addresses) expect(smtp.to(address)).toHaveLength(1);
    expect(await outboxOf(company.id)).toHaveLength(services.length);
  });
});

describe("outbox delivery", () => {
  it("SMTP down: the e-mail stays queued with the error and attempts, and goes out on a later run", async () => {
    const port = await freePort(); // nothing listens here yet
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const { company, email } = await watchedAccount({ balance: 2n, threshold: 10n });

    const down = await runLowCreditsJob({ companyId: company.id });
    expect(down).toMatchObject({ queued: 1, sent: 0, failed: 1 });
    let [row] = await outboxOf(company.id);
    expect(row).toMatchObject({ state: "QUEUED", attempts: 1 });
    expect(row.lastError).toBe(`Cannot connect to the SMTP server smtp://127.0.0.1:${port} (SMTP_URL): connection refused`);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000); // backoff: about a minute

    // Before the backoff has passed, a run leaves it alone.
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 0, sent: 0, failed: 0 });

    const late = await startSmtpServer({ port });
    try {
      await pool().query("UPDATE outgoing_email SET next_attempt_at = now() WHERE id = $1", [row.id]); // the backoff has elapsed
      expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 0, sent: 1, failed: 0 });
      [row] = await outboxOf(company.id);
      expect(row).toMatchObject({ state: "SENT", attempts: 2, lastError: null });
      expect(late.to(email).map((m) => m.subject)).toEqual(["Low credits: Documents Digitization (2 left)"]);
    } finally {
      await late.close();
    }
  });

  it("gives up as FAILED after the last attempt; an admin's retry delivers it", async () => {
    const port = await freePort();
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const { company, email } = await watchedAccount({ balance: 0n, threshold: 1n });
    await runLowCreditsJob({ companyId: company.id });
    let [row] = await outboxOf(company.id);
    await pool().query("UPDATE outgoing_email SET attempts = $2, next_attempt_at = now() WHERE id = $1", [row.id, MAX_ATTEMPTS - 1]);
    expect(await deliverOutbox({ companyId: company.id })).toMatchObject({ failed: 1 });
    [row] = await outboxOf(company.id);
    expect(row).toMatchObject({ state: "FAILED", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toMatch(/connection refused/);
    expect(await deliverOutbox({ companyId: company.id })).toMatchObject({ sent: 0, failed: 0 }); // FAILED stays put

    const late = await startSmtpServer({ port });
    try {
      expect(await requeueEmail(company.id + 1_000_000, row.id)).toBe(false); // another company can't touch it
      expect(await requeueEmail(company.id, row.id)).toBe(true);
      expect(await deliverOutbox({ companyId: company.id, ids: [row.id] })).toEqual({ sent: 1, failed: 0, undelivered: 0 });
      [row] = await outboxOf(company.id);
      expect(row).toMatchObject({ state: "SENT", attempts: 1 });
      expect(late.to(email)).toHaveLength(1);
      expect(await requeueEmail(company.id, row.id)).toBe(false); // a sent e-mail is not sent again
    } finally {
      await late.close();
    }
  });

  it("an admin's Retry now always makes a delivery attempt at once, however soon after the e-mail was queued", async () => {
    // next_attempt_at keeps milliseconds: a "due now" written a fraction of a
    // millisecond before the claim must still count as due (PostgreSQL rounds
    // now() into the column, so it may land up to 0.5 ms in the future).
    const port = await freePort();
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const { company } = await watchedAccount({ balance: 0n, threshold: 1n });
    await runLowCreditsJob({ companyId: company.id });
    const [queued] = await outboxOf(company.id);
    for (let round = 1; round <= 40; round++) {
      const outcome = await retryEmail(company.id, queued.id);
      expect(outcome).toMatchObject({ ok: false, status: "failed" });
      const row = await prisma().outgoingEmail.findUniqueOrThrow({ where: { id: queued.id } });
      expect({ round, attempts: row.attempts }).toEqual({ round, attempts: 1 });
    }
  });

  it("a login the server refuses gives an error that points at SMTP_URL", async () => {
    const guarded = await startSmtpServer({ user: "mailer", password: "right" });
    try {
      setEnv({ SMTP_URL: `smtp://mailer:wrong@127.0.0.1:${guarded.port}` });
      const { company } = await watchedAccount({ balance: 0n, threshold: 1n });
      expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 1, failed: 1 });
      const [row] = await outboxOf(company.id);
      expect(row.state).toBe("QUEUED");
      expect(row.lastError).toMatch(new RegExp(`^The SMTP server smtp://127.0.0.1:${guarded.port} refused the login: check the user and password in SMTP_URL`));
      expect(row.lastError).not.toContain("wrong"); // never the password

      setEnv({ SMTP_URL: `smtp://mailer:right@127.0.0.1:${guarded.port}` });
      await pool().query("UPDATE outgoing_email SET next_attempt_at = now() WHERE id = $1", [row.id]);
      expect(await deliverOutbox({ companyId: company.id })).toMatchObject({ sent: 1 });
    } finally {
      await guarded.close();
    }
  });

  it("without SMTP: composed by nodemailer, kept as not delivered, sent once SMTP_URL is set", async () => {
    setEnv({ SMTP_URL: undefined });
    const { company, email } = await watchedAccount({ balance: 3n, threshold: 10n });
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ queued: 1, sent: 0, failed: 0, undelivered: 1 });
    let [row] = await outboxOf(company.id);
    expect(row).toMatchObject({ state: "QUEUED", attempts: 0, lastError: NOT_DELIVERED_NO_SMTP });
    expect(row.messageId).toMatch(/^<outbox-\d+-\d+@erp\.example\.test>$/);
    // Not composed again on every run.
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ undelivered: 0 });

    setEnv({ SMTP_URL: smtp.url });
    expect(await runLowCreditsJob({ companyId: company.id })).toMatchObject({ sent: 1 });
    [row] = await outboxOf(company.id);
    expect(row).toMatchObject({ state: "SENT", attempts: 1, lastError: null });
    expect(smtp.to(email)[0].messageId).toBe(row.messageId);
  });
});

describe("GET|POST /api/cron/low-credits", () => {
  const url = "http://localhost/api/cron/low-credits";

  it("401 without the bearer or with a wrong one", async () => {
    setEnv({ CRON_SECRET: "s3cret-for-tests" });
    for (const handler of [GET, POST]) {
      const none = await handler(new Request(url, { method: "POST" }));
      expect(none.status).toBe(401);
      expect((await none.json()).error).toMatch(/Authorization: Bearer/);
      const wrong = await handler(new Request(url, { headers: { authorization: "Bearer not-the-secret" } }));
      expect(wrong.status).toBe(401);
      const basic = await handler(new Request(url, { headers: { authorization: "Basic czNjcmV0LWZvci10ZXN0cw==" } }));
      expect(basic.status).toBe(401);
    }
  });

  it("503 saying to set CRON_SECRET when it is not set", async () => {
    setEnv({ CRON_SECRET: undefined });
    const response = await GET(new Request(url, { headers: { authorization: "Bearer anything" } }));
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/set CRON_SECRET/);
  });

  it("200 with the counts, having queued and sent the warning", async () => {
    setEnv({ CRON_SECRET: "s3cret-for-tests" });
    const { company, email } = await watchedAccount({ balance: 1n, threshold: 5n });
    const response = await GET(new Request(url, { headers: { authorization: "Bearer s3cret-for-tests" } }));
    expect(response.status).toBe(200);
    const counts = await response.json();
    expect(Object.keys(counts).sort()).toEqual(["checked", "failed", "queued", "rearmed", "sent", "undelivered"]);
    // Other test files may have watched accounts too: at least ours is in there.
    expect(counts.checked).toBeGreaterThanOrEqual(1);
    expect(counts.queued).toBeGreaterThanOrEqual(1);
    const [row] = await outboxOf(company.id);
    expect(row).toMatchObject({ to: email, state: "SENT" });
    expect(smtp.to(email)).toHaveLength(1);

    const again = await POST(new Request(url, { method: "POST", headers: { authorization: "Bearer s3cret-for-tests" } }));
    expect(again.status).toBe(200);
    expect(smtp.to(email)).toHaveLength(1);
  });
});
