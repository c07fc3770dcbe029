// The job system against a real PostgreSQL: graphile-worker's runners started
// the way the app starts them, e-mails delivered to a real SMTP server on
// loopback, credits moved through lib/iap. This file has its own database: its
// runners work every job in it.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/cron/run/route";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { debit, grant } from "@/lib/iap/ledger";
import { queueEmail } from "@/lib/mail/outbox";
import { massSmsProgress } from "@/lib/sms/mass-sms/progress";
import { queueMassSms } from "@/lib/sms/mass-sms/queue";
import { insertMobileContacts } from "@/tests/support/contacts";
import { watchedAccount } from "@/tests/support/credits";
import { createCompany } from "@/tests/support/fixtures";
import { useOwnDatabase } from "@/tests/support/own-database";
import { setEnv, until } from "@/tests/support/env";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { discardFailedJob, failedJobs, queueStats, retryFailedJob } from "./admin";
import { enqueueJob } from "./enqueue";
import { JOBS } from "./list";
import { freeSilentRunners, startJobSystem, type JobSystem } from "./runner";

useOwnDatabase("jobs");

const saved = { ...process.env };
let smtp: TestSmtpServer;
let system: JobSystem | null = null;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // The sweep an hour apart: only the crossing itself can send the warning in time.
  setEnv({ SMTP_URL: smtp.url, APP_URL: "https://erp.example.test", MAIL_FROM: "IAP Credits <alerts@erp.example.test>", LOW_CREDITS_SWEEP_MINUTES: "60", CRON_SECRET: "jobs-test-secret" });
});

afterEach(async () => {
  await system?.stop();
  system = null;
});

afterAll(async () => {
  await smtp.close();
  setEnv({ SMTP_URL: saved.SMTP_URL, APP_URL: saved.APP_URL, MAIL_FROM: saved.MAIL_FROM, LOW_CREDITS_SWEEP_MINUTES: saved.LOW_CREDITS_SWEEP_MINUTES, CRON_SECRET: saved.CRON_SECRET });
});

describe("the outbox trigger", () => {
  it("queues every inserted e-mail's delivery job in the same transaction, as lib/jobs/enqueue.ts would", async () => {
    const { company } = await createCompany();
    const { id } = await queueEmail({ companyId: company.id, to: "a@test.example", subject: "Hi", html: "<p>Hi</p>", text: "Hi", dedupeKey: `t-${randomUUID()}` });
    const { rows } = await pool().query("SELECT task_identifier, max_attempts, key, flags FROM graphile_worker.jobs WHERE key = $1", [`mail.deliver:${id}`]);
    expect(rows).toEqual([{ task_identifier: "mail.deliver", max_attempts: JOBS["mail.deliver"].retry.maxAttempts, key: JOBS["mail.deliver"].key!({ emailId: id, companyId: company.id }), flags: { [`company:${company.id}`]: true } }]);

    // Rolled back with its row: no e-mail, no job.
    const client = await pool().connect();
    await client.query("BEGIN");
    const [{ id: ghost }] = (await client.query(`INSERT INTO outgoing_email (company_id, "to", subject, html, text) VALUES ($1, 'b@test.example', 's', 'h', 't') RETURNING id`, [company.id])).rows;
    await client.query("ROLLBACK");
    client.release();
    expect((await pool().query("SELECT 1 FROM graphile_worker.jobs WHERE key = $1", [`mail.deliver:${ghost}`])).rowCount).toBe(0);
  });
});

describe("running jobs", () => {
  it("sends the low-credit e-mail to SMTP within 5 s of the debit that crossed the threshold, with the sweep an hour apart", async () => {
    const { company, account, email: warnTo } = await watchedAccount({ service: "invoice_ocr", balance: 10n, threshold: 5n });
    system = await startJobSystem();

    await debit(account, 3n, { description: "above the threshold still", idempotencyKey: "d1" });
    const crossed = Date.now();
    await debit(account, 3n, { description: "crosses it", idempotencyKey: "d2" });
    const [mail] = await until("the warning at the SMTP server", async () => smtp.to(warnTo).length > 0 && smtp.to(warnTo), 10_000);
    const elapsed = Date.now() - crossed;
    console.log(`low-credit e-mail at the SMTP server ${elapsed} ms after the crossing debit`);
    expect(elapsed).toBeLessThan(5_000);
    expect(mail.subject).toMatch(/^Low credits: Documents Digitization \(4 left\)$/);
    // One warning per crossing: more debits below the threshold send nothing more.
    await debit(account, 1n, { description: "further down", idempotencyKey: "d3" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.to(warnTo)).toHaveLength(1);
  });

  it("retries a failing job with backoff, logs it as failed after its last attempt, and lets only its company's admin retry or discard it", async () => {
    const { company } = await createCompany();
    const other = await createCompany();
    // An SMTP server that is not there: every attempt fails.
    setEnv({ SMTP_URL: "smtp://127.0.0.1:9" });
    try {
      const { id } = await queueEmail({ companyId: company.id, to: "x@test.example", subject: "Down", html: "<p>x</p>", text: "x", dedupeKey: `down-${randomUUID()}` });
      // Two attempts left: the next failure is retried, the one after is the last.
      await pool().query("UPDATE graphile_worker._private_jobs SET max_attempts = 2 WHERE key = $1", [`mail.deliver:${id}`]);
      system = await startJobSystem({ only: ["mail.deliver"], cron: false });
      const first = await until("the first failed attempt", async () => {
        const { rows } = await pool().query("SELECT attempts, run_at > now() AS later, last_error FROM graphile_worker.jobs WHERE key = $1 AND locked_at IS NULL", [
          `mail.deliver:${id}`,
        ]);
        return rows[0]?.attempts === 1 && rows[0];
      });
      expect(first.later).toBe(true); // backed off
      expect(first.last_error).toMatch(/Cannot connect to the SMTP server smtp:\/\/127\.0\.0\.1:9/);
      // Bring the retry forward instead of waiting e^1 s.
      await pool().query("SELECT graphile_worker.reschedule_jobs(ARRAY(SELECT id FROM graphile_worker.jobs WHERE key = $1), run_at => now())", [`mail.deliver:${id}`]);
      const [failure] = await until("the failure in the log", async () => (await failedJobs(company.id)).filter((f) => f.subject?.id === id).length > 0 && failedJobs(company.id));
      expect(failure).toMatchObject({ name: "mail.deliver", attempts: 2, retryable: true, subject: { kind: "email", id } });
      expect(failure.error).toMatch(/Cannot connect to the SMTP server/);
      expect(await prisma().outgoingEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "FAILED", attempts: 2 });
      expect((await queueStats(company.id)).find((q) => q.name === "mail.deliver")).toMatchObject({ failed: 1, waiting: 0, running: 0 });

      // Another company's admin sees nothing and can do nothing.
      expect(await failedJobs(other.company.id)).toEqual([]);
      expect(await retryFailedJob(other.company.id, failure.id)).toBe("not-found");
      expect(await discardFailedJob(other.company.id, failure.id)).toBe("not-found");

      // With the server back, Retry sends it.
      setEnv({ SMTP_URL: smtp.url });
      expect(await retryFailedJob(company.id, failure.id)).toBe("done");
      await until("the retried e-mail", async () => (await prisma().outgoingEmail.findUniqueOrThrow({ where: { id } })).state === "SENT");
      expect(smtp.to("x@test.example")).toHaveLength(1);
      expect(await failedJobs(company.id)).toEqual([]);
      expect(await retryFailedJob(company.id, failure.id)).toBe("not-found"); // once
    } finally {
      setEnv({ SMTP_URL: smtp.url });
    }
  });

  it("logs a job whose payload does not match the list as failed, without running it", async () => {
    const { company } = await createCompany();
    await pool().query("SELECT graphile_worker.add_job('credits.low-check', json_build_object('accountId', 'not a number', 'companyId', $1::int), flags => ARRAY['company:' || $1])", [company.id]);
    system = await startJobSystem({ only: ["credits.low-check"], cron: false });
    const [failure] = await until("the invalid payload's failure", async () => (await failedJobs(company.id)).length > 0 && failedJobs(company.id));
    expect(failure).toMatchObject({ name: "credits.low-check", attempts: 1 });
    expect(failure.error).toMatch(/^Invalid payload/);
    expect(await discardFailedJob(company.id, failure.id)).toBe("done");
    expect(await failedJobs(company.id)).toEqual([]);
  });

  it("runs the jobs of a serial queue back to back: a mass SMS's chunks follow each other without a poll interval between them", async () => {
    const { company, user } = await createCompany({ country: "BE" });
    const account = await getOrCreateAccount(company.id, "sms");
    await grant(account, 1_000_000n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
    const contactIds = await insertMobileContacts(pool(), company.id, 12);
    // Six chunks of two on the one "sms-gateway" queue, sent through the test gateway.
    const queued = await queueMassSms({ companyId: company.id, userId: user.id, contactIds, body: "Back to back", idempotencyKey: `serial-${randomUUID()}`, chunkSize: 2 });
    if (queued.status !== "queued") throw new Error(`not queued: ${queued.status}`);
    system = await startJobSystem({ only: ["sms.mass-chunk"], cron: false });
    const started = Date.now();
    const progress = await until("the batch sent", async () => {
      const now = await massSmsProgress(company.id, queued.batchKey);
      return now.done && now;
    });
    // A wait for the runner's 2 s poll between chunks would add up to 10 s; the six chunks take well under 4.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(progress).toMatchObject({ messages: 12, sent: 12, failed: 0 });
  });

  it("frees the jobs of a runner that stopped beating, and only those", async () => {
    const { company } = await createCompany();
    const account = await getOrCreateAccount(company.id, "sms");
    const dead = await enqueueJob("credits.low-check", { accountId: account.id, companyId: company.id });
    const alive = await enqueueJob("letters.run", { companyId: company.id });
    // Two runners locked them a minute ago; only one of them still beats.
    await pool().query("INSERT INTO job_worker (pool_id, host, pid, beat_at) VALUES ('pool-alive', 'h', 1, now()), ('pool-dead', 'h', 2, now() - interval '1 minute')");
    await pool().query("UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now() - interval '1 minute' WHERE id = $1::bigint", [dead.id, "pool-dead"]);
    await pool().query("UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now() - interval '1 minute' WHERE id = $1::bigint", [alive.id, "pool-alive"]);
    expect(await freeSilentRunners(pool())).toEqual(["pool-dead"]);
    const { rows } = await pool().query("SELECT id::text, locked_by FROM graphile_worker.jobs WHERE id = ANY($1::bigint[]) ORDER BY id", [[dead.id, alive.id]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.locked_by]))).toEqual({ [dead.id]: null, [alive.id]: "pool-alive" });
    expect((await pool().query("SELECT pool_id FROM job_worker WHERE pool_id = 'pool-dead'")).rowCount).toBe(0);
    // Leave nothing behind for the next test's runners.
    await pool().query("SELECT graphile_worker.force_unlock_workers(ARRAY['pool-alive'])");
    await pool().query("SELECT graphile_worker.complete_jobs($1::bigint[])", [[dead.id, alive.id]]);
    await pool().query("DELETE FROM job_worker");
  });
});

describe("GET /api/cron/run", () => {
  const call = (query = "", token = "jobs-test-secret") =>
    GET(new Request(`http://localhost/api/cron/run${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

  it("refuses a missing or wrong secret and an unknown schedule, changing nothing", async () => {
    expect((await call("", "")).status).toBe(401);
    expect((await call("", "wrong")).status).toBe(401);
    const unknown = await call("?schedule=nope");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatch(/^Unknown schedule: use one of mail\.sweep, credits\.low-sweep/);
  });

  it("runs a schedule now and every job that is due, then stops its runners", async () => {
    // Below the threshold with no crossing event (set directly): only the sweep finds it.
    const { company, email: warnTo } = await watchedAccount({ service: "snailmail", balance: 0n, threshold: 5n });
    const response = await call("?schedule=credits.low-sweep");
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.finished["credits.low-sweep"]).toBeGreaterThanOrEqual(1);
    expect(result.finished["mail.deliver"]).toBeGreaterThanOrEqual(1);
    expect(result.remaining).toBe(0);
    expect(smtp.to(warnTo)).toHaveLength(1);
    expect((await pool().query("SELECT count(*)::int AS n FROM job_worker")).rows[0].n).toBe(0);
  });
});
