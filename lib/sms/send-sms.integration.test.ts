import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { createCompany } from "@/tests/support/fixtures";
import { SmsGatewayError, TestSmsGateway, type SmsFailureCode, type SmsGateway } from "./gateways";
import { loadPriceTable } from "./pricing";
import { sendSms } from "./send-sms";

const TEXT_170 = "Hello Camille, your order #4521 is ready for pickup at our Brussels store from Monday to Saturday, 9am to 6pm. Bring this SMS and your ID. Thank you, Demo Company.";

async function setup(credits: bigint) {
  const { company, user } = await createCompany({ country: "BE" });
  const account = await getOrCreateAccount(company.id, "sms");
  if (credits > 0n) await grant(account, credits, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  const contact = await prisma().contact.create({ data: { companyId: company.id, name: "Camille Martin", mobile: "06 12 34 56 78", country: "FR" } });
  return { company, user, account, contact };
}

async function state(companyId: number, accountId: number, contactId: number) {
  const account = await prisma().iapAccount.findUniqueOrThrow({ where: { id: accountId } });
  return {
    balance: account.balance,
    held: account.held,
    sms: await prisma().smsMessage.findMany({ where: { companyId } }),
    chatter: await prisma().chatterMessage.findMany({ where: { contactId } }),
    holds: await prisma().creditHold.findMany({ where: { accountId } }),
  };
}

const failing = (code: SmsFailureCode): SmsGateway => ({
  name: "failing",
  testMode: true,
  send: async () => {
    throw new SmsGatewayError(code);
  },
});

describe("sendSms", () => {
  it("with enough credits: balance down by the price, SMS Sent with the gateway id, chatter entry by the sender", async () => {
    const { company, user, account, contact } = await setup(1000n);
    expect(TEXT_170.length).toBeGreaterThan(160);
    const perPart = BigInt((await loadPriceTable()).FR);
    const result = await sendSms({ companyId: company.id, userId: user.id, contactId: contact.id, number: contact.mobile!, body: TEXT_170, idempotencyKey: "k1" });
    expect(result).toMatchObject({ status: "sent", number: "+33 6 12 34 56 78", parts: 2, credits: 2n * perPart, replayed: false });

    const after = await state(company.id, account.id, contact.id);
    expect(after.balance).toBe(1000n - 2n * perPart);
    expect(after.held).toBe(0n);
    expect(after.sms).toHaveLength(1);
    expect(after.sms[0]).toMatchObject({ state: "SENT", number: "+33612345678", parts: 2, encoding: "GSM7", credits: 2n * perPart, contactId: contact.id });
    expect(after.sms[0].gatewayId).toMatch(/^test-/);
    expect(after.chatter).toHaveLength(1);
    expect(after.chatter[0]).toMatchObject({ kind: "SMS", authorId: user.id });
    // A code and its data (worded in the reader's language when shown), and the text as sent.
    expect(after.chatter[0]).toMatchObject({ code: "smsSent", params: { number: "+33 6 12 34 56 78", parts: 2, units: String(2n * perPart), decimals: 2 }, body: TEXT_170 });
    const entries = await prisma().ledgerEntry.findMany({ where: { accountId: account.id, kind: "USAGE" } });
    expect(entries.map((e) => e.amount)).toEqual([-2n * perPart]);
    // The history's description: English as stored, and a code the page words for a French or Chinese reader.
    expect(entries.map((e) => [e.description, e.descriptionCode, e.descriptionParams])).toEqual([
      ["SMS to +33 6 12 34 56 78 (2 SMS)", "sms", { number: "+33 6 12 34 56 78", parts: 2 }],
    ]);
  });

  it("the same idempotency key twice (a double-click) sends and charges once", async () => {
    const { company, user, account, contact } = await setup(1000n);
    const input = { companyId: company.id, userId: user.id, contactId: contact.id, number: contact.mobile!, body: "Hi", idempotencyKey: "double" };
    const [a, b] = await Promise.all([sendSms(input), sendSms(input)]);
    expect(a.status).toBe("sent");
    expect(b.status).toBe("sent");
    const after = await state(company.id, account.id, contact.id);
    expect(after.sms).toHaveLength(1);
    expect(after.chatter).toHaveLength(1);
    expect(after.balance).toBe(1000n - BigInt((await loadPriceTable()).FR));
  });

  it("without enough credits: nothing is sent, charged or logged, and the error says how much is needed", async () => {
    const { company, user, account, contact } = await setup(100n);
    const before = await state(company.id, account.id, contact.id);
    const result = await sendSms({ companyId: company.id, userId: user.id, contactId: contact.id, number: contact.mobile!, body: TEXT_170, idempotencyKey: "k" });
    expect(result.status).toBe("insufficient");
    if (result.status !== "insufficient") return;
    expect(result.error.available).toBe(100n);
    expect(result.error.needed).toBeGreaterThan(100n);
    expect(result.error.buyUrl).toBe("/iap/buy/sms");
    expect(await state(company.id, account.id, contact.id)).toEqual(before);
  });

  it("a gateway failure releases the hold, records ERROR with the reason and logs the failure", async () => {
    const { company, user, account, contact } = await setup(1000n);
    const result = await sendSms(
      { companyId: company.id, userId: user.id, contactId: contact.id, number: contact.mobile!, body: "Hi", idempotencyKey: "k" },
      { gateway: failing("timeout") },
    );
    expect(result).toMatchObject({ status: "failed", code: "timeout" });
    const after = await state(company.id, account.id, contact.id);
    expect(after.balance).toBe(1000n);
    expect(after.held).toBe(0n);
    expect(after.holds.map((h) => h.status)).toEqual(["RELEASED"]);
    expect(after.sms[0]).toMatchObject({ state: "ERROR", failureReason: "timeout", credits: 0n, gatewayId: null });
    expect(after.chatter[0]).toMatchObject({ code: "smsNotSent", params: { number: "+33 6 12 34 56 78", reason: "timeout" } });
  });

  it("refuses an empty message, one over 10 parts and an invalid number before charging anything", async () => {
    const { company, user, account, contact } = await setup(100_000n);
    const base = { companyId: company.id, userId: user.id, contactId: contact.id, number: contact.mobile!, idempotencyKey: "v" };
    expect(await sendSms({ ...base, body: "  \n " })).toEqual({ status: "invalid", refusal: { code: "empty" } });
    expect(await sendSms({ ...base, body: "a".repeat(1531) })).toEqual({ status: "invalid", refusal: { code: "tooLong", params: { parts: 11, max: 10 } } });
    expect(await sendSms({ ...base, number: "12345", body: "Hi" })).toEqual({ status: "invalid", refusal: { code: "invalidNumber" } });
    const after = await state(company.id, account.id, contact.id);
    expect(after.balance).toBe(100_000n);
    expect(after.sms).toHaveLength(0);
    expect(after.holds).toHaveLength(0);
  });

  it("cannot send to another company's contact", async () => {
    const { contact } = await setup(0n);
    const other = await setup(1000n);
    const result = await sendSms(
      { companyId: other.company.id, userId: other.user.id, contactId: contact.id, number: "+33612345678", body: "Hi", idempotencyKey: "x" },
      { gateway: new TestSmsGateway() },
    );
    expect(result.status).toBe("invalid");
    expect(await prisma().smsMessage.count({ where: { contactId: contact.id } })).toBe(0);
  });
});
