import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { createCompany } from "@/tests/support/fixtures";
import { SmsGatewayError, TestSmsGateway, type SmsGateway } from "./gateways";
import { loadPriceTable } from "./pricing";
import { planMassSms, sendMassSms } from "./send-mass-sms";

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
    const { queued, progress } = await sendMassSms({ companyId: company.id, userId: user.id, contactIds: ids, body: "Sale starts today!", idempotencyKey: "batch-1" }, { gateway: new TestSmsGateway(), chunkSize: 2 });
    expect(queued).toMatchObject({ status: "queued", messages: 3, duplicates: 1, skipped: 2, held: expected });
    expect(progress).toMatchObject({ messages: 3, sent: 3, failed: 0, queued: 0, duplicates: 1, credits: expected, done: true });

    const account2 = await accountOf(account.id);
    expect(account2.balance).toBe(10_000n - expected);
    expect(account2.held).toBe(0n);
    const holds = await prisma().creditHold.findMany({ where: { accountId: account.id } });
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({ status: "CAPTURED", capturedAmount: expected });
    const sms = await prisma().smsMessage.findMany({ where: { companyId: company.id }, orderBy: { id: "asc" } });
    expect(sms.filter((s) => s.state === "SENT").map((s) => s.number).sort()).toEqual(["+32470123456", "+33612345678", "+491712345678"]);
    expect(sms.filter((s) => s.state === "CANCELED").map((s) => s.contactId)).toEqual([contacts.dup.id]);
    for (const s of sms.filter((s) => s.state === "SENT")) expect(s.gatewayId).toMatch(/^test-/);

    const chatter = await prisma().chatterMessage.findMany({ where: { contact: { companyId: company.id } } });
    expect(chatter.map((c) => c.contactId).sort()).toEqual([contacts.fr.id, contacts.be.id, contacts.de.id, contacts.dup.id].sort());
    expect(chatter.find((c) => c.contactId === contacts.dup.id)?.body).toContain("SMS sent to +33 6 12 34 56 78");
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
