// Low-credit warnings end to end: accounts in PostgreSQL, the jobs' work called
// directly (the check, then each e-mail's delivery, as the "credits.low-check"
// and "mail.deliver" jobs run them), the outbox, nodemailer, and a real SMTP
// server on loopback whose received messages are parsed with mailparser. Each
// test scopes the work to its own company. (lib/jobs/jobs.integration.test.ts
// runs the same through the job queue.)
import { SERVICES, type ServiceName } from "@/lib/iap/catalogue";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount, clearAccountCaches } from "@/lib/iap/accounts";
import { debit, grant } from "@/lib/iap/ledger";
import { deliverEmail, MAX_ATTEMPTS } from "@/lib/mail/delivery";
import { requeueEmail } from "@/lib/mail/outbox";
import { NOT_DELIVERED_NO_SMTP } from "@/lib/mail/status";
import { mailTransport } from "@/lib/mail/transport";
import { freePort } from "@/lib/db/embedded-postgres";
import { watchedAccount as watched } from "@/tests/support/credits";
import { createCompany } from "@/tests/support/fixtures";
import { setEnv } from "@/tests/support/env";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { updateWarningSettings } from "@/lib/iap/warning-settings";
import { checkLowCredits, queueLowCreditWarnings, runCreditAlerts, type CreditAlertsResult } from "./low-credits";

const APP_URL = "https://erp.example.test";
const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL, MAIL_FROM: process.env.MAIL_FROM };
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  setEnv({ SMTP_URL: smtp.url, APP_URL, MAIL_FROM: "IAP Credits <alerts@erp.example.test>" });
});

afterEach(() => setEnv({ SMTP_URL: smtp.url, APP_URL }));

afterAll(async () => {
  await smtp.close();
  setEnv(saved);
});

/** A company with one Documents Digitization account (whole credits) watched at `threshold`, holding `balance`. */
const watchedAccount = (options: { balance: bigint; threshold: bigint; service?: ServiceName }) => watched({ service: SERVICES.documentsDigitization, ...options });

async function spend(account: Awaited<ReturnType<typeof getOrCreateAccount>>, amount: bigint) {
  return debit(account, amount, { description: "Test usage", idempotencyKey: `use-${randomUUID()}` });
}

interface DeliveryCounts {
  sent: number;
  failed: number;
  undelivered: number;
}

/**
 * What the "mail.deliver" jobs do for the company's due e-mails: one attempt
 * each (rows composed without SMTP wait for it to be set, as the mail sweep
 * leaves them).
 */
async function deliverDue(companyId: number, ids?: number[]): Promise<DeliveryCounts> {
  const counts = { sent: 0, failed: 0, undelivered: 0 };
  const { rows } = await pool().query<{ id: number; attempts: number }>(
    `SELECT id, attempts FROM outgoing_email
      WHERE company_id = $1 AND state = 'QUEUED' AND next_attempt_at <= now()::timestamp(3) AND ($2 OR message_id IS NULL) AND ($3::int[] IS NULL OR id = ANY($3::int[]))
      ORDER BY id`,
    [companyId, mailTransport().smtp, ids ?? null],
  );
  for (const row of rows) {
    const attempt = { number: row.attempts + 1, final: row.attempts + 1 >= MAX_ATTEMPTS };
    const outcome = await deliverEmail(row.id, attempt).catch(() => "failed" as const);
    if (outcome === "sent" || outcome === "failed" || outcome === "undelivered") counts[outcome]++;
  }
  return counts;
}

/** The sweep, then the deliveries it queued: what the jobs do one after the other. */
async function runLowCreditsJob(options: { companyId: number }): Promise<CreditAlertsResult & DeliveryCounts> {
  const counts = await runCreditAlerts(options);
  return { ...counts, ...(await deliverDue(options.companyId)) };
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

  it("four checks at the same time queue one e-mail per account", async () => {
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
    const runs = await Promise.all([1, 2, 3, 4].map(() => queueLowCreditWarnings({ companyId: company.id })));
    expect(runs.reduce((sum, r) => sum + r.queued, 0)).toBe(services.length);
    expect(await deliverDue(company.id)).toMatchObject({ sent: services.length });
    for (const address of addresses) expect(smtp.to(address)).toHaveLength(1);
    expect(await outboxOf(company.id)).toHaveLength(services.length);
  });
});

describe("the warning e-mail's language", () => {
  it("French chosen beside Warn Me: a debit that crosses the threshold sends a French e-mail with French figures", async () => {
    clearAccountCaches();
    const { company } = await createCompany();
    const account = await getOrCreateAccount(company.id, "sms");
    const email = `avertir-${randomUUID().slice(0, 8)}@test.example`;
    // What the account page's Save sends: Warn Me on, threshold 2 000,00 credits, the address, "Français".
    await updateWarningSettings(company.id, account.id, { warnEnabled: true, threshold: 200_000n, email, warningLocale: "fr" });
    const opening = await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } });
    await grant(account, 250_000n - opening.balance, { kind: "ADJUSTMENT", description: "Opening balance", idempotencyKey: `open-fr-${randomUUID()}` });
    await spend(account, 126_550n); // 2 500,00 → 1 234,50, below 2 000,00

    // The "credits.low-check" job the crossing starts, then the delivery it queued.
    expect(await checkLowCredits({ accountId: account.id, companyId: company.id })).toMatchObject({ queued: 1 });
    expect(await deliverDue(company.id)).toMatchObject({ sent: 1 });

    const [mail] = smtp.to(email);
    // Narrow no-break spaces group the thousands; a no-break space comes before the colon.
    expect(mail.subject).toBe("Crédits bas\u00a0: SMS (il reste 1\u202f234,50)");
    expect(mail.text).toContain(`Il reste à ${company.name} 1\u202f234,50 crédits pour SMS, sous le seuil d'avertissement de 2\u202f000,00 crédits.`);
    expect(mail.text).toContain(`Acheter des crédits\u00a0: ${APP_URL}/iap/buy/sms`);
    expect(mail.text).toContain("ouvrez Paramètres > Compte IAP > SMS et modifiez «\u00a0M'avertir\u00a0»");
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain("<strong>1\u202f234,50 crédits</strong>");
  });

  it("no language chosen: the company's (Chinese here), with the service's Chinese name", async () => {
    const { company, account, email } = await watchedAccount({ balance: 20n, threshold: 10n });
    await prisma().company.update({ where: { id: company.id }, data: { locale: "zh-CN" } });
    await spend(account, 15n);
    await runLowCreditsJob({ companyId: company.id });
    const [mail] = smtp.to(email);
    expect(mail.subject).toBe("点数偏低：文件数字化（剩余 5）");
    expect(mail.text).toContain("购买点数：");
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
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 1_000); // backoff: e^1 s after the first failure

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
    expect(await deliverDue(company.id)).toMatchObject({ failed: 1 });
    [row] = await outboxOf(company.id);
    expect(row).toMatchObject({ state: "FAILED", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toMatch(/connection refused/);
    expect(await deliverEmail(row.id)).toBe("skipped"); // FAILED stays put

    const late = await startSmtpServer({ port });
    try {
      expect(await requeueEmail(company.id + 1_000_000, row.id)).toBe(false); // another company can't touch it
      expect(await requeueEmail(company.id, row.id)).toBe(true);
      expect(await deliverDue(company.id, [row.id])).toEqual({ sent: 1, failed: 0, undelivered: 0 });
      [row] = await outboxOf(company.id);
      expect(row).toMatchObject({ state: "SENT", attempts: 1 });
      expect(late.to(email)).toHaveLength(1);
      expect(await requeueEmail(company.id, row.id)).toBe(false); // a sent e-mail is not sent again
    } finally {
      await late.close();
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
      expect(await deliverDue(company.id)).toMatchObject({ sent: 1 });
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

  it("a permanent refusal (SMTP 5xx) fails the e-mail at once, whatever attempts remain", async () => {
    const refusing = await startSmtpServer({ refuseRecipients: true });
    try {
      setEnv({ SMTP_URL: refusing.url });
      const { company } = await watchedAccount({ balance: 0n, threshold: 1n });
      await queueLowCreditWarnings({ companyId: company.id });
      const [queued] = await outboxOf(company.id);
      await expect(deliverEmail(queued.id, { number: 1, final: false })).rejects.toThrow(/refused the sender or recipient/);
      const [row] = await outboxOf(company.id);
      expect(row).toMatchObject({ state: "FAILED", attempts: 1 });
      expect(refusing.messages).toHaveLength(0);
    } finally {
      await refusing.close();
    }
  });
});

describe("the low-credit e-mail's forecast", () => {
  it("says how long the credits last at the current rate, next to the buy link", async () => {
    const { company, account, email } = await watchedAccount({ balance: 100n, threshold: 90n });
    await spend(account, 20n); // 80 left, 20 used today: today's pace
    await runLowCreditsJob({ companyId: company.id });
    const [mail] = smtp.to(email);
    expect(mail.text).toContain("At the current rate, the credits last about 4 days.");
    expect(mail.html).toContain("At the current rate, the credits last about 4 days.");
    expect(mail.text).toContain(`Buy credits: ${APP_URL}/iap/buy/invoice_ocr`);
  });
});

describe("the Empty alert", () => {
  it("tells the warning address and every admin once per occurrence, emits balance.empty, and re-arms when credits return", async () => {
    const { company, account, email } = await watchedAccount({ balance: 5n, threshold: 1n });
    const admin = await prisma().user.findFirstOrThrow({ where: { companyId: company.id, role: "ADMIN" } });
    // An endpoint subscribed to balance.empty: the event is recorded for it.
    await prisma().webhookEndpoint.create({ data: { companyId: company.id, url: "https://hooks.example.test/in", events: ["balance.empty"], secret: "whsec_test" } });
    await spend(account, 5n); // available 0
    const first = await runLowCreditsJob({ companyId: company.id });
    expect(first.empty).toBe(2);
    const toWarning = smtp.to(email).filter((m) => m.subject === "No credits left: Documents Digitization");
    const toAdmin = smtp.to(admin.email).filter((m) => m.subject === "No credits left: Documents Digitization");
    expect(toWarning).toHaveLength(1);
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0].text).toContain(`Buy credits: ${APP_URL}/iap/buy/invoice_ocr`);
    const events = await prisma().webhookEvent.findMany({ where: { companyId: company.id, type: "balance.empty" } });
    expect(events).toHaveLength(1);

    // Still empty: nothing more.
    expect((await runLowCreditsJob({ companyId: company.id })).empty).toBe(0);
    // Credits again, then empty again: a second occurrence, a second alert.
    await grant(account, 3n, { kind: "PURCHASE", description: "Pack", idempotencyKey: `refill-${randomUUID()}` });
    await spend(account, 3n);
    expect((await runLowCreditsJob({ companyId: company.id })).empty).toBe(2);
    expect(await prisma().webhookEvent.count({ where: { companyId: company.id, type: "balance.empty" } })).toBe(2);
  });

  it("an account that was never filled is not 'emptied'", async () => {
    const { company } = await watchedAccount({ balance: 0n, threshold: 1n });
    expect((await runLowCreditsJob({ companyId: company.id })).empty).toBe(0);
  });
});

describe("budget notices at 80 %", () => {
  it("e-mail the admins once per month per budget", async () => {
    clearAccountCaches();
    const { company, admin, user } = await createCompany();
    const account = await getOrCreateAccount(company.id, SERVICES.sms);
    await grant(account, 1000n, { kind: "ADJUSTMENT", description: "Opening", idempotencyKey: "open" });
    const { setUserBudget } = await import("@/lib/iap/budgets");
    await setUserBudget(company.id, account.id, user.id, { limit: 10n, hard: true });
    await debit(account, 7n, { description: "SMS", idempotencyKey: "a", createdById: user.id });
    expect((await runLowCreditsJob({ companyId: company.id })).budgetNotices).toBe(0);
    await debit(account, 1n, { description: "SMS", idempotencyKey: "b", createdById: user.id });
    expect((await runLowCreditsJob({ companyId: company.id })).budgetNotices).toBe(1);
    const [mail] = smtp.to(admin.email).filter((m) => m.subject?.startsWith("Test User has used"));
    expect(mail.subject).toMatch(/^Test User has used 0\.08 of 0\.10 SMS credits \(\d{4}-\d{2}\)$/);
    expect(mail.text).toContain(`${APP_URL}/settings/iap/${account.id}#budgets`);
    await debit(account, 1n, { description: "SMS", idempotencyKey: "c", createdById: user.id });
    expect((await runLowCreditsJob({ companyId: company.id })).budgetNotices).toBe(0);
  });
});
