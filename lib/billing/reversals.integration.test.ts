// Refunds and disputes arrive as signed Stripe webhooks (the real SDK signs
// and verifies them) and take credits back through lib/iap.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { debit } from "@/lib/iap/ledger";
import { verifyLedger } from "@/lib/iap/verify";
import { pendingPurchase, sign, subscribeWebhooks, webhookEvents, WEBHOOK_SECRET, withEnv } from "@/tests/support/billing";
import { stripeEvent } from "@/tests/support/stripe-server";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { fulfilPurchase } from "./settle-purchase";

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ STRIPE_SECRET_KEY: "sk_test_reversals", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: "http://127.0.0.1:9" });
});
afterAll(() => restoreEnv());

/** A company that paid €12.00 for the SMS Standard Pack (100 credits = 10,000 units) through Stripe. */
async function paidPurchase() {
  const bought = await pendingPurchase("STRIPE");
  const paymentIntent = `pi_test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await fulfilPurchase(bought.purchase.id, "stripe", { payment: { paymentIntentId: paymentIntent } });
  const account = await getOrCreateAccount(bought.company.id, "sms");
  return { ...bought, paymentIntent, account };
}

async function deliver(payload: string): Promise<number> {
  const response = await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers: { "stripe-signature": sign(payload) } }));
  return response.status;
}

/** Each payload 10 times, 5 at a time, in the order given. */
async function deliverTenTimes(...payloads: string[]) {
  for (const payload of payloads) {
    for (let round = 0; round < 2; round++) expect(await Promise.all(Array.from({ length: 5 }, () => deliver(payload)))).toEqual([200, 200, 200, 200, 200]);
  }
}

const chargeRefunded = (paymentIntent: string, refunded: number) =>
  stripeEvent("charge.refunded", { id: `ch_${paymentIntent.slice(3)}`, object: "charge", amount: 1200, amount_refunded: refunded, payment_intent: paymentIntent, refunded: refunded === 1200, metadata: {} });
const dispute = (type: string, paymentIntent: string, disputeId: string, status: string) =>
  stripeEvent(type, { id: disputeId, object: "dispute", charge: `ch_${paymentIntent.slice(3)}`, payment_intent: paymentIntent, amount: 1200, status, metadata: {} });

async function state(accountId: number, purchaseId: number) {
  const account = await prisma().iapAccount.findUniqueOrThrow({ where: { id: accountId } });
  const purchase = await prisma().purchase.findUniqueOrThrow({ where: { id: purchaseId } });
  const entries = await prisma().ledgerEntry.findMany({ where: { accountId, kind: { in: ["REFUND_REVERSAL", "DISPUTE_LOSS"] } }, orderBy: { id: "asc" } });
  return { balance: account.balance, held: account.held, purchase, entries: entries.map((e) => [e.kind, e.amount]) };
}

async function expectConserved(companyId: number) {
  const report = await verifyLedger({ companyId });
  expect(report.problems).toEqual([]);
}

describe("charge.refunded", () => {
  it("a full refund takes back all the purchase's credits, once, however often it is delivered", async () => {
    const { purchase, paymentIntent, account, company } = await paidPurchase();
    await deliverTenTimes(chargeRefunded(paymentIntent, 1200));
    const after = await state(account.id, purchase.id);
    expect(after.balance).toBe(0n);
    expect(after.entries).toEqual([["REFUND_REVERSAL", -10000n]]);
    expect(after.purchase).toMatchObject({ refundedAmount: 1200, refundReversed: 10000n, refundUnrecovered: 0n, status: "PAID" });
    await expectConserved(company.id);
  });

  it("partial refunds take back the refunded share; deliveries out of order add nothing", async () => {
    const { purchase, paymentIntent, account, company } = await paidPurchase();
    // €3.00 of €12.00 refunded, then €9.00 in all: a quarter, then three quarters.
    const quarter = chargeRefunded(paymentIntent, 300);
    const threeQuarters = chargeRefunded(paymentIntent, 900);
    await deliverTenTimes(quarter);
    expect((await state(account.id, purchase.id)).balance).toBe(7500n);
    await deliverTenTimes(threeQuarters, quarter);
    const after = await state(account.id, purchase.id);
    expect(after.balance).toBe(2500n);
    expect(after.entries).toEqual([
      ["REFUND_REVERSAL", -2500n],
      ["REFUND_REVERSAL", -5000n],
    ]);
    expect(after.purchase).toMatchObject({ refundedAmount: 900, refundReversed: 7500n, refundUnrecovered: 0n });
    await expectConserved(company.id);
  });

  it("after the credits were spent, takes back what is left and records what had been used", async () => {
    const { purchase, paymentIntent, account, company } = await paidPurchase();
    await debit(account, 6300n, { description: "63 credits of SMS", idempotencyKey: `spend:${purchase.id}` });
    await deliverTenTimes(chargeRefunded(paymentIntent, 1200));
    const after = await state(account.id, purchase.id);
    expect(after.balance).toBe(0n);
    expect(after.entries).toEqual([["REFUND_REVERSAL", -3700n]]);
    // "refunded; 63 credits had already been used"
    expect(after.purchase).toMatchObject({ refundReversed: 3700n, refundUnrecovered: 6300n });
    await expectConserved(company.id);
  });

  it("tells the company's webhook endpoints: purchase.completed once, purchase.refunded once per refund that moved the total", async () => {
    const bought = await pendingPurchase("STRIPE");
    await subscribeWebhooks(bought.company.id, ["purchase.completed", "purchase.refunded"]);
    const paymentIntent = `pi_test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
    await Promise.all(Array.from({ length: 5 }, () => fulfilPurchase(bought.purchase.id, "stripe", { payment: { paymentIntentId: paymentIntent } })));
    const account = await getOrCreateAccount(bought.company.id, "sms");
    await debit(account, 6300n, { description: "63 credits of SMS", idempotencyKey: `spend:${bought.purchase.id}` });
    // €3.00 back (25 credits taken), then all of it, delivered with the old total again: 37 − 25 = 12 more taken, 63 had been used.
    await deliverTenTimes(chargeRefunded(paymentIntent, 300));
    await deliverTenTimes(chargeRefunded(paymentIntent, 1200), chargeRefunded(paymentIntent, 300));
    const events = await webhookEvents(bought.company.id);
    expect(events.map((e) => e.type)).toEqual(["purchase.completed", "purchase.refunded", "purchase.refunded"]);
    expect(events[0].data).toMatchObject({ purchase: { id: bought.purchase.id, status: "paid", refunded: "0.00" }, account: { balance: "100.00" } });
    const refunds = events.slice(1).map((e) => e.data).sort((a, b) => Number(a.purchase.refunded) - Number(b.purchase.refunded));
    expect(refunds[0]).toMatchObject({ purchase: { refunded: "3.00", credits_taken_back: "25.00", credits_already_used: "0.00" }, account: { balance: "12.00" } });
    expect(refunds[1]).toMatchObject({ purchase: { refunded: "12.00", credits_taken_back: "37.00", credits_already_used: "63.00" }, account: { balance: "0.00" } });
    await expectConserved(bought.company.id);
  });

  it("ignores a refund of a payment that is none of ours", async () => {
    const response = await deliver(chargeRefunded("pi_test_unknown_to_us", 1200));
    expect(response).toBe(200);
  });
});

describe("charge.dispute.*", () => {
  it("opened: the remaining credits are frozen; won: they are released — 10 deliveries each", async () => {
    const { purchase, paymentIntent, account, company } = await paidPurchase();
    await debit(account, 2000n, { description: "20 credits of SMS", idempotencyKey: `spend:${purchase.id}` });
    await deliverTenTimes(dispute("charge.dispute.created", paymentIntent, `dp_${purchase.id}`, "needs_response"));
    let now = await state(account.id, purchase.id);
    expect(now).toMatchObject({ balance: 8000n, held: 8000n });
    expect(now.purchase.disputeStatus).toBe("OPEN");
    const hold = await prisma().creditHold.findUniqueOrThrow({ where: { id: now.purchase.disputeHoldId! } });
    expect(hold).toMatchObject({ amount: 8000n, status: "PENDING", description: `Frozen: payment disputed (purchase #${purchase.id})` });
    // Frozen means frozen: the account cannot spend them.
    await expect(debit(account, 1n, { description: "one more", idempotencyKey: `spend2:${purchase.id}` })).rejects.toThrow(InsufficientCreditsError);

    await deliverTenTimes(dispute("charge.dispute.closed", paymentIntent, `dp_${purchase.id}`, "won"));
    now = await state(account.id, purchase.id);
    expect(now).toMatchObject({ balance: 8000n, held: 0n, entries: [] });
    expect(now.purchase.disputeStatus).toBe("WON");
    await expectConserved(company.id);
  });

  it("lost: the frozen credits are taken back; what was used before is recorded", async () => {
    const { purchase, paymentIntent, account, company } = await paidPurchase();
    await debit(account, 3700n, { description: "37 credits of SMS", idempotencyKey: `spend:${purchase.id}` });
    await deliverTenTimes(dispute("charge.dispute.created", paymentIntent, `dp_${purchase.id}`, "needs_response"));
    await deliverTenTimes(dispute("charge.dispute.closed", paymentIntent, `dp_${purchase.id}`, "lost"));
    const after = await state(account.id, purchase.id);
    expect(after).toMatchObject({ balance: 0n, held: 0n, entries: [["DISPUTE_LOSS", -6300n]] });
    expect(after.purchase).toMatchObject({ disputeStatus: "LOST", disputeReversed: 6300n, disputeUnrecovered: 3700n });
    await expectConserved(company.id);
  });

  it("closed (lost) before it was opened: settled once, the late opening changes nothing", async () => {
    const { purchase, paymentIntent, account, company } = await paidPurchase();
    await deliverTenTimes(
      dispute("charge.dispute.closed", paymentIntent, `dp_${purchase.id}`, "lost"),
      dispute("charge.dispute.created", paymentIntent, `dp_${purchase.id}`, "needs_response"),
    );
    const after = await state(account.id, purchase.id);
    expect(after).toMatchObject({ balance: 0n, held: 0n, entries: [["DISPUTE_LOSS", -10000n]] });
    expect(after.purchase.disputeStatus).toBe("LOST");
    expect(await pool().query("SELECT count(*)::int AS n FROM credit_hold WHERE account_id = $1", [account.id])).toMatchObject({ rows: [{ n: 0 }] });
    await expectConserved(company.id);
  });

  it("a refund after a lost dispute takes nothing more than the purchase's credits", async () => {
    const { purchase, paymentIntent, account, company } = await paidPurchase();
    await deliverTenTimes(dispute("charge.dispute.closed", paymentIntent, `dp_${purchase.id}`, "lost"), chargeRefunded(paymentIntent, 1200));
    const after = await state(account.id, purchase.id);
    expect(after.entries).toEqual([["DISPUTE_LOSS", -10000n]]);
    await expectConserved(company.id);
  });
});
