// Mass SMS against PostgreSQL and a local server speaking Twilio's Messages
// API: each chunk's work called directly, the way its job runs it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { createCompany } from "@/tests/support/fixtures";
import { startTwilioServer, type TwilioServer } from "@/tests/support/twilio-server";
import { SmsGatewayError, TestSmsGateway, TwilioSmsGateway, type SmsGateway } from "../gateways";
import { loadPriceTable } from "../pricing";
import { GatewayPacer } from "./pacer";
import { planMassSms } from "./plan";
import { massSmsProgress } from "./progress";
import { queueMassSms } from "./queue";
import { IN_DOUBT_AFTER_MS, runMassSmsBatch, runMassSmsChunk } from "./run";
import { sendMassSms } from "./send";

async function setup(credits: bigint) {
  const { company, user } = await createCompany({ country: "BE" });
  const account = await getOrCreateAccount(company.id, "sms");
  if (credits > 0n) await grant(account, credits, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  const make = (name: string, data: { mobile?: string; phone?: string; country?: string }) =>
    prisma().contact.create({ data: { companyId: company.id, name, ...data } });
  const contacts = {
    fr: await make("A FR", { mobile: "06 12 34 56 78", country: "FR" }),
    be: await make("B BE", { mobile: "0470 12 34 56" }), // company country BE
    de: await make("C DE", { phone: "+49 171 2345678", mobile: "0123" }), // invalid mobile, valid phone
    dup: await make("D duplicate of FR", { mobile: "+33612345678" }),
    invalid: await make("E invalid", { mobile: "12345", country: "FR" }),
    missing: await make("F missing", {}),
  };
  return { company, user, account, contacts, ids: Object.values(contacts).map((c) => c.id) };
}

async function accountOf(id: number) {
  return prisma().iapAccount.findUniqueOrThrow({ where: { id } });
}

async function conserved(accountId: number) {
  const account = await accountOf(accountId);
  const sum = await prisma().ledgerEntry.aggregate({ where: { accountId }, _sum: { amount: true } });
  const held = await prisma().creditHold.aggregate({ where: { accountId, status: "PENDING" }, _sum: { amount: true } });
  return account.balance === (sum._sum.amount ?? 0n) && account.held === (held._sum.amount ?? 0n);
}

describe("mass SMS", () => {
  it("plans distinct valid numbers, lists the invalid and missing ones, and spots duplicates", async () => {
    const { company, ids } = await setup(0n);
    const plan = await planMassSms(company.id, ids);
    expect(plan.total).toBe(6);
    expect(plan.recipients.map((r) => r.e164).sort()).toEqual(["+32470123456", "+33612345678", "+491712345678"]);
    expect(plan.duplicates.map((d) => d.name)).toEqual(["D duplicate of FR"]);
    expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      ["E invalid", "invalid"],
      ["F missing", "missing"],
    ]);
  });

  it("sends once per number under one hold, captures the actual cost and logs every recipient's chatter", async () => {
    const { company, user, account, contacts, ids } = await setup(10_000n);
    const prices = await loadPriceTable();
    const expected = BigInt(prices.FR) + BigInt(prices.BE) + BigInt(prices.DE);
    const { queued, progress } = await sendMassSms({ companyId: company.id, userId: user.id, contactIds: ids, body: "Sale starts today!", idempotencyKey: "batch-1", chunkSize: 2 }, { gateway: new TestSmsGateway() });
    expect(queued).toMatchObject({ status: "queued", messages: 3, duplicates: 1, skipped: 2, held: expected });
    expect(progress).toMatchObject({ messages: 3, sent: 3, failed: 0, queued: 0, duplicates: 1, credits: expected, done: true });

    const account2 = await accountOf(account.id);
    expect(account2.balance).toBe(10_000n - expected);
    expect(account2.held).toBe(0n);
    const holds = await prisma().creditHold.findMany({ where: { accountId: account.id } });
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({ status: "CAPTURED", capturedAmount: expected });
    // Its three messages were queued as two chunk jobs, in the same transaction as the rows.
    const chunks = await pool().query("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'sms.mass-chunk' AND flags ? $1", [`company:${company.id}`]);
    expect(chunks.rows[0].n).toBe(2);
    const sms = await prisma().smsMessage.findMany({ where: { companyId: company.id }, orderBy: { id: "asc" } });
    expect(sms.filter((s) => s.state === "SENT").map((s) => s.number).sort()).toEqual(["+32470123456", "+33612345678", "+491712345678"]);
    expect(sms.filter((s) => s.state === "CANCELED").map((s) => s.contactId)).toEqual([contacts.dup.id]);
    for (const s of sms.filter((s) => s.state === "SENT")) expect(s.gatewayId).toMatch(/^test-/);

    const chatter = await prisma().chatterMessage.findMany({ where: { contact: { companyId: company.id } } });
    expect(chatter.map((c) => c.contactId).sort()).toEqual([contacts.fr.id, contacts.be.id, contacts.de.id, contacts.dup.id].sort());
    expect(chatter.find((c) => c.contactId === contacts.dup.id)).toMatchObject({ code: "smsSent", params: { number: "+33 6 12 34 56 78" }, body: "Sale starts today!" });
    expect(chatter.every((c) => c.authorId === user.id && c.kind === "SMS")).toBe(true);
    expect(await conserved(account.id)).toBe(true);

    // The same "Send" again (double-click) queues nothing new.
    const again = await sendMassSms({ companyId: company.id, userId: user.id, contactIds: ids, body: "Sale starts today!", idempotencyKey: "batch-1" });
    expect(again.queued).toMatchObject({ status: "queued", replayed: true });
    expect(await prisma().smsMessage.count({ where: { companyId: company.id } })).toBe(4);
    expect((await accountOf(account.id)).balance).toBe(10_000n - expected);
  });

  it("charges only what went through when the gateway refuses some numbers", async () => {
    const { company, user, account, ids } = await setup(10_000n);
    const prices = await loadPriceTable();
    const gateway: SmsGateway = {
      name: "picky",
      testMode: true,
      send: async ({ to }) => {
        if (to.startsWith("+49")) throw new SmsGatewayError("country-not-enabled");
        return { id: `ok-${to}` };
      },
    };
    const { progress } = await sendMassSms({ companyId: company.id, userId: user.id, contactIds: ids, body: "Hi", idempotencyKey: "b" }, { gateway });
    expect(progress).toMatchObject({ sent: 2, failed: 1, done: true });
    expect(progress?.failures[0]).toMatchObject({ name: "C DE", reason: "country-not-enabled" });
    expect((await accountOf(account.id)).balance).toBe(10_000n - BigInt(prices.FR) - BigInt(prices.BE));
    expect((await accountOf(account.id)).held).toBe(0n);
    expect(await conserved(account.id)).toBe(true);
  });

  it("refuses the whole batch without enough credits: nothing queued, sent or charged", async () => {
    const { company, user, account, ids } = await setup(50n);
    const { queued } = await sendMassSms({ companyId: company.id, userId: user.id, contactIds: ids, body: "Hi", idempotencyKey: "poor" });
    expect(queued.status).toBe("insufficient");
    expect(await prisma().smsMessage.count({ where: { companyId: company.id } })).toBe(0);
    expect(await accountOf(account.id)).toMatchObject({ balance: 50n, held: 0n });
  });
});

describe("mass SMS through a gateway with limits, failures and crashes", () => {
  let twilio: TwilioServer;
  beforeAll(async () => {
    twilio = await startTwilioServer({ latencyMs: 5 });
  });
  afterAll(async () => {
    await twilio.close();
  });
  const gateway = () => new TwilioSmsGateway({ accountSid: "AC1", authToken: "t", from: "+15005550006", apiUrl: twilio.url, timeoutMs: 2000 });

  /** A company with `n` contacts on distinct Belgian mobiles, enough credits, and a queued batch. */
  async function queuedBatch(n: number, body: string) {
    const { company, user } = await createCompany({ country: "BE" });
    const account = await getOrCreateAccount(company.id, "sms");
    await grant(account, 1_000_000n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
    const suffix = String(company.id % 100).padStart(2, "0");
    const contacts = await prisma().contact.createManyAndReturn({
      data: Array.from({ length: n }, (_, i) => ({ companyId: company.id, name: `Contact ${i}`, mobile: `+32 470 ${suffix}${String(i).padStart(4, "0")}` })),
    });
    const queued = await queueMassSms({ companyId: company.id, userId: user.id, contactIds: contacts.map((c) => c.id), body, idempotencyKey: `batch-${company.id}` });
    if (queued.status !== "queued") throw new Error(`not queued: ${queued.status}`);
    const numbers = (await prisma().smsMessage.findMany({ where: { companyId: company.id }, select: { number: true } })).map((m) => m.number);
    return { company, account, batchKey: queued.batchKey, numbers, held: queued.held };
  }

  async function expectEachAcceptedOnce(numbers: string[], body: string) {
    expect(numbers.map((to) => twilio.acceptedCount(to, body))).toEqual(numbers.map(() => 1));
  }

  async function expectCharged(account: { id: number }, companyId: number, batchKey: string) {
    const progress = await massSmsProgress(companyId, batchKey);
    const hold = await prisma().creditHold.findFirstOrThrow({ where: { accountId: account.id, reference: `sms-batch:${batchKey}` } });
    expect(hold.status).toBe("CAPTURED");
    expect(hold.capturedAmount).toBe(progress.credits);
    expect(await conserved(account.id)).toBe(true);
    return progress;
  }

  it("429 with Retry-After: 1 for three seconds slows the batch down: nothing fails, nothing is sent twice", async () => {
    const body = "Rate limited, then through";
    const { company, account, batchKey, numbers } = await queuedBatch(40, body);
    const started = Date.now();
    twilio.failFor(3000, 429, { "Retry-After": "1" });
    const before = twilio.rateLimited;
    await runMassSmsBatch(company.id, batchKey, { gateway: gateway(), pacer: new GatewayPacer({ ratePerSecond: 0 }), concurrency: 8 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expect(twilio.rateLimited - before).toBeGreaterThan(0);
    // Retry-After was honoured: at most one round of requests per second while limited.
    expect(twilio.rateLimited - before).toBeLessThanOrEqual(8 * 4);
    await expectEachAcceptedOnce(numbers, body);
    expect(await expectCharged(account, company.id, batchKey)).toMatchObject({ sent: 40, failed: 0, done: true });
  });

  it("server errors (503) are retried with backoff until the gateway is back", async () => {
    const body = "Through after an outage";
    const { company, account, batchKey, numbers } = await queuedBatch(20, body);
    twilio.failFor(1500, 503);
    await runMassSmsBatch(company.id, batchKey, { gateway: gateway(), pacer: new GatewayPacer({ ratePerSecond: 0 }), concurrency: 4 });
    await expectEachAcceptedOnce(numbers, body);
    expect(await expectCharged(account, company.id, batchKey)).toMatchObject({ sent: 20, failed: 0 });
  });

  it("an answer that never comes is settled by asking the gateway, not by sending again", async () => {
    const body = "Lost answers";
    const { company, account, batchKey, numbers } = await queuedBatch(10, body);
    twilio.dropAnswers(3);
    const result = await runMassSmsBatch(company.id, batchKey, { gateway: gateway(), pacer: new GatewayPacer({ ratePerSecond: 0 }), concurrency: 2 });
    expect(result.recovered).toBe(3);
    await expectEachAcceptedOnce(numbers, body);
    expect(await expectCharged(account, company.id, batchKey)).toMatchObject({ sent: 10, failed: 0 });
  });

  it("after a crash mid-chunk, messages in flight are asked of the gateway: the ones it got are not sent again", async () => {
    const body = "Crash in the middle";
    const { company, account, batchKey, numbers } = await queuedBatch(12, body);
    // The crashed attempt: six rows handed over (SENDING) a minute ago, of which the gateway got four.
    const rows = await prisma().smsMessage.findMany({ where: { companyId: company.id, batchKey }, orderBy: { id: "asc" } });
    const inFlight = rows.slice(0, 6);
    for (const row of inFlight.slice(0, 4)) await gateway().send({ to: row.number, body });
    await pool().query("UPDATE sms_message SET state = 'SENDING', sending_at = now() - make_interval(secs => $2) WHERE id = ANY($1::int[])", [inFlight.map((r) => r.id), IN_DOUBT_AFTER_MS / 1000 + 30]);
    const chunk = { companyId: company.id, batchKey, fromId: rows[0].id, toId: rows.at(-1)!.id };
    const result = await runMassSmsChunk(chunk, { gateway: gateway(), pacer: new GatewayPacer({ ratePerSecond: 0 }), concurrency: 3 });
    expect(result).toMatchObject({ recovered: 4, sent: 8, failed: 0, settled: true });
    await expectEachAcceptedOnce(numbers, body);
    expect(await expectCharged(account, company.id, batchKey)).toMatchObject({ sent: 12 });
  });

  it("does not touch messages a live attempt may still be sending", async () => {
    const { company, batchKey } = await queuedBatch(3, "Still in flight");
    await pool().query("UPDATE sms_message SET state = 'SENDING', sending_at = now() WHERE company_id = $1 AND state = 'QUEUED'", [company.id]);
    await expect(runMassSmsBatch(company.id, batchKey, { gateway: gateway() })).rejects.toThrow(/still has messages in flight/);
  });

  it("on the job's last attempt with the gateway down, what is left fails for good and is not charged", async () => {
    const body = "Gateway gone";
    const { company, account, batchKey } = await queuedBatch(5, body);
    const down = new TwilioSmsGateway({ accountSid: "AC1", authToken: "t", from: "+15005550006", apiUrl: "http://127.0.0.1:9", timeoutMs: 500 });
    // The pacer's backoff (0.5, 1, 2, 4, 8 s before it gives up) on a clock its waits move forward:
    // with only `sleep` stubbed, take() spun on the real clock for those 15.5 s.
    let now = Date.now();
    const pacer = new GatewayPacer({ ratePerSecond: 0, now: () => now, sleep: async (ms) => void (now += ms) });
    await expect(runMassSmsChunk({ companyId: company.id, batchKey, fromId: 1, toId: 2 ** 31 - 1 }, { gateway: down, pacer, final: true })).rejects.toThrow(/^(unreachable|gateway-server-error)\b/);
    const progress = await massSmsProgress(company.id, batchKey);
    expect(progress).toMatchObject({ sent: 0, failed: 5, queued: 0, done: true });
    // Each message keeps why, as a code the dialog puts into words.
    expect(progress?.failures.every((f) => f.reason === "unreachable" || f.reason === "gateway-server-error")).toBe(true);
    expect(await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ balance: 1_000_000n, held: 0n });
    expect(await conserved(account.id)).toBe(true);
  });
});
