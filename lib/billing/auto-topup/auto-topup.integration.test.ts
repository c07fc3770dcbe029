// Auto top-up with the real Stripe SDK against a local server speaking
// Stripe's API, e-mails through a real SMTP server on loopback.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import type { AccountRef } from "@/lib/iap/types";
import { debit, grant } from "@/lib/iap/ledger";
import { verifyLedger } from "@/lib/iap/verify";
import { createCompany } from "@/tests/support/fixtures";
import { packOf, sign, subscribeWebhooks, webhookEvents, WEBHOOK_SECRET, withEnv } from "@/tests/support/billing";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { startFakeStripe, stripeEvent, type FakeStripe } from "@/tests/support/stripe-server";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { runAutoTopupCheck, settleAutoTopups, triggerAutoTopup } from "./run";
import { getAutoTopup, saveAutoTopup } from "./settings";
import { registerAutoTopup } from "./subscription";

let stripe: FakeStripe;
let smtp: TestSmtpServer;
let restoreEnv: () => void;

beforeAll(async () => {
  [stripe, smtp] = await Promise.all([startFakeStripe(), startSmtpServer()]);
  restoreEnv = withEnv({
    STRIPE_SECRET_KEY: "sk_test_auto_topup",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: stripe.url,
    SMTP_URL: smtp.url,
    APP_URL: "http://erp.test:4000",
  });
  registerAutoTopup();
});
afterAll(async () => {
  restoreEnv();
  await Promise.all([stripe.close(), smtp.close()]);
});
beforeEach(() => {
  stripe.behaviour.paymentIntent = "succeeded";
  stripe.behaviour.paymentIntentDelayMs = 0;
});

/**
 * A company whose SMS account holds `units` and whose admin turned auto
 * top-up on — "below 40 credits, buy the Standard Pack (100), at most `cap`
 * a month" — saving a card through Checkout in setup mode.
 */
async function armed({ units = 5000n, cap = 3 } = {}) {
  const { company, admin } = await createCompany();
  await subscribeWebhooks(company.id, ["purchase.completed", "topup.failed"]);
  const account = await getOrCreateAccount(company.id, "sms");
  await grant(account, units, { kind: "ADJUSTMENT", description: "opening balance", idempotencyKey: "opening" });
  await pool().query("UPDATE iap_account SET warning_email = $2 WHERE id = $1", [account.id, `finance-${company.id}@test.example`]);
  const { pack } = await packOf("sms", "standard");
  const user = { ...admin, role: "ADMIN" as const };
  const saved = await saveAutoTopup(user, account.id, { enabled: true, threshold: 4000n, packId: pack.id, monthlyCap: cap });
  expect(saved.status).toBe("card needed");
  // Back from Stripe's page: the setup session completed.
  const setup = stripe.requests("POST", "/v1/checkout/sessions").at(-1)!;
  expect(Object.fromEntries(setup.form)).toMatchObject({ mode: "setup", "metadata[accountId]": String(account.id), "metadata[purpose]": "auto-topup" });
  const row = await prisma().autoTopup.findUniqueOrThrow({ where: { accountId: account.id } });
  expect(await getAutoTopup(company.id, account.id)).toMatchObject({ enabled: false, needsCard: true });
  // Stripe's signed checkout.session.completed (setup mode), delivered twice.
  const completed = stripeEvent("checkout.session.completed", {
    id: row.setupSessionId,
    object: "checkout.session",
    mode: "setup",
    status: "complete",
    payment_status: "no_payment_required",
    amount_total: null,
    currency: null,
    setup_intent: "seti_test_from_session",
    metadata: { accountId: String(account.id), purpose: "auto-topup" },
  });
  const bodies = await Promise.all(
    [1, 2].map(async () => (await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: completed, headers: { "stripe-signature": sign(completed) } }))).json()),
  );
  // One delivery keeps the card; the other finds it kept (or the set-up already completed).
  const outcomes = bodies.map((b) => b.result ?? b.ignored);
  expect(outcomes.filter((o) => o === "card saved, auto top-up on")).toHaveLength(1);
  expect(outcomes.filter((o) => o === "already saved" || /completed already/.test(o))).toHaveLength(1);
  await settleAutoTopups();
  expect((await getAutoTopup(company.id, account.id)).cardLabel).toBe("visa •••• 4242");
  return { company, admin, account, pack };
}

const intentsFor = (purchaseIds: number[]) =>
  stripe.requests("POST", "/v1/payment_intents").filter((r) => purchaseIds.includes(Number(r.form.get("metadata[purchaseId]"))));

async function topups(accountId: number) {
  return prisma().purchase.findMany({ where: { accountId, origin: "AUTO_TOPUP" }, orderBy: { id: "asc" } });
}

async function spend(account: AccountRef, times: number, units: bigint, tag: string) {
  return Promise.allSettled(Array.from({ length: times }, (_, i) => debit(account, units, { description: "SMS", idempotencyKey: `${tag}:${i}` })));
}

/**
 * Stripe answers the next off-session PaymentIntent with `answer`, and twelve
 * SMS (50 → 38 credits) cross the 40-credit threshold: the top-up was tried.
 */
async function crossWhileStripeAnswers(account: AccountRef, answer: FakeStripe["behaviour"]["paymentIntent"]) {
  stripe.behaviour.paymentIntent = answer;
  await spend(account, 12, 100n, answer);
  await settleAutoTopups();
}

async function expectConserved(companyId: number) {
  expect((await verifyLedger({ companyId })).problems).toEqual([]);
}

describe("auto top-up", () => {
  it("64 concurrent debits crossing the threshold start exactly one off-session PaymentIntent, none while it is in flight", async () => {
    const { company, account, pack } = await armed();
    stripe.behaviour.paymentIntentDelayMs = 300;
    // 50.00 → 64 × 0.50 = 32 credits spent, crossing 40 on the way.
    const results = await spend(account, 64, 50n, "burst");
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    await settleAutoTopups();

    const bought = await topups(account.id);
    expect(bought).toHaveLength(1);
    expect(bought[0]).toMatchObject({ status: "PAID", provider: "STRIPE", amount: pack.price });
    const [intent, ...more] = intentsFor([bought[0].id]);
    expect(more).toHaveLength(0);
    expect(intent.headers["idempotency-key"]).toBe(`auto-topup:purchase:${bought[0].id}`);
    expect(Object.fromEntries(intent.form)).toMatchObject({ off_session: "true", confirm: "true", amount: String(pack.price), currency: "eur" });
    expect(intent.form.get("payment_method")).toMatch(/^pm_test_/);
    expect(intent.form.get("customer")).toMatch(/^cus_test_/);

    const balance = (await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).balance;
    expect(balance).toBe(5000n - 3200n + pack.credits);
    const entry = await prisma().ledgerEntry.findFirstOrThrow({ where: { accountId: account.id, kind: "AUTO_TOPUP" } });
    expect(entry.amount).toBe(pack.credits);
    // The top-up has its invoice (the app's series: Stripe does not invoice a bare PaymentIntent), and it was e-mailed.
    const invoice = await prisma().invoice.findUniqueOrThrow({ where: { purchaseId: bought[0].id } });
    expect(invoice).toMatchObject({ issuer: "APP", sequence: 1, number: `IAP-${company.id}-000001`, demo: false, grossAmount: pack.price });
    const mails = smtp.to(`finance-${company.id}@test.example`).filter((m) => m.subject?.startsWith("Auto top-up:"));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`IAP-${company.id}-000001`);
    expect(mails[0].text).toContain(`/settings/iap/${account.id}/purchases/${bought[0].id}/invoice`);
    expect((await getAutoTopup(company.id, account.id)).inFlight).toBe(false);
    const events = await webhookEvents(company.id);
    expect(events.map((e) => e.type)).toEqual(["purchase.completed"]);
    expect(events[0].data.purchase).toMatchObject({ id: bought[0].id, origin: "auto_topup", status: "paid" });
    await expectConserved(company.id);
  });

  it("a declined card turns auto top-up off, e-mails the warning address and the admins, and says why", async () => {
    const { company, admin, account } = await armed();
    await crossWhileStripeAnswers(account, "declined");

    const [failed] = await topups(account.id);
    expect(failed).toMatchObject({ status: "FAILED", failureCode: "card_declined", failureMessage: "Your card has insufficient funds." });
    const view = await getAutoTopup(company.id, account.id);
    expect(view).toMatchObject({ enabled: false, disabledReason: "card_declined", disabledMessage: "Your card has insufficient funds.", inFlight: false });
    expect((await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).autoTopupBelow).toBeNull();
    for (const address of [`finance-${company.id}@test.example`, admin.email]) {
      const mails = smtp.to(address).filter((m) => m.subject === "Auto top-up failed: SMS credits were not bought");
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain("the card was declined");
      expect(mails[0].text).toContain("Auto top-up is now off");
    }
    // The company's endpoints hear it once, with the code their code can act on.
    const events = (await webhookEvents(company.id)).filter((e) => e.type === "topup.failed");
    expect(events).toHaveLength(1);
    expect(events[0].data.purchase).toMatchObject({ id: failed.id, status: "failed", origin: "auto_topup", failure_code: "card_declined" });
    // Off means off: more debits below the threshold start nothing.
    await spend(account, 3, 100n, "after");
    await settleAutoTopups();
    expect(await topups(account.id)).toHaveLength(1);
    expect(intentsFor([failed.id])).toHaveLength(1);
    await expectConserved(company.id);
  });

  it("an account whose alerts are in French is told in French which pack failed, by its French name", async () => {
    const { company, account } = await armed();
    await pool().query("UPDATE iap_account SET warning_locale = 'fr' WHERE id = $1", [account.id]);
    await crossWhileStripeAnswers(account, "declined");
    const mails = smtp.to(`finance-${company.id}@test.example`).filter((m) => m.subject?.startsWith("Échec de la recharge automatique"));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("pour le Pack Standard a échoué");
    expect(mails[0].text).not.toContain("Standard Pack");
  });

  it("a bank asking for authentication (requires_action) turns it off with that reason", async () => {
    const { company, account } = await armed();
    await crossWhileStripeAnswers(account, "requires_action");
    expect(await getAutoTopup(company.id, account.id)).toMatchObject({ enabled: false, disabledReason: "requires_action" });
    expect((await topups(account.id))[0].status).toBe("FAILED");
  });

  it("respects the monthly cap: the third crossing in a month with a cap of 2 buys nothing and says so", async () => {
    const { company, account, pack } = await armed({ cap: 2 });
    for (let crossing = 0; crossing < 3; crossing++) {
      // Take the balance from wherever it is to just below 40.
      const balance = (await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).balance;
      await debit(account, balance - 3900n, { description: "SMS", idempotencyKey: `cap:${crossing}` });
      await settleAutoTopups();
    }
    const bought = await topups(account.id);
    expect(bought.map((p) => p.status)).toEqual(["PAID", "PAID"]);
    expect(intentsFor(bought.map((p) => p.id))).toHaveLength(2);
    expect((await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).balance).toBe(3900n);
    expect(await getAutoTopup(company.id, account.id)).toMatchObject({ enabled: true, capped: true, thisMonth: 2 });
    // The background check agrees: nothing more this month.
    await runAutoTopupCheck({ companyId: company.id });
    expect(await topups(account.id)).toHaveLength(2);
    expect(pack.credits).toBe(10000n);
    await expectConserved(company.id);
  });

  it("Stripe unreachable: the top-up stays in flight and the background check repeats the same request", async () => {
    const { company, account } = await armed();
    await crossWhileStripeAnswers(account, "down");
    let [pending] = await topups(account.id);
    expect(pending.status).toBe("PENDING");
    expect((await getAutoTopup(company.id, account.id)).inFlight).toBe(true);
    // Once Stripe is back, the background check repeats the request under the same key: paid once.
    stripe.behaviour.paymentIntent = "succeeded";
    expect(await runAutoTopupCheck({ companyId: company.id, staleSeconds: 0 })).toMatchObject({ retried: 1 });
    [pending] = await topups(account.id);
    expect(pending.status).toBe("PAID");
    const requests = intentsFor([pending.id]);
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([`auto-topup:purchase:${pending.id}`]));
    expect(await triggerAutoTopup(account.id)).toBe("not due");
    await expectConserved(company.id);
  });
});

describe("auto top-up in demo mode", () => {
  // Demo mode without Stripe: the top-up pays through the demo checkout.
  let restore: () => void;
  beforeEach(() => {
    restore = withEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, DEMO: "1" });
  });
  afterEach(() => restore());

  /** A company whose SMS account holds 50 credits, its admin, and the Starter Pack a top-up would buy. */
  async function companyWithSms() {
    const { company, admin } = await createCompany();
    const account = await getOrCreateAccount(company.id, "sms");
    await grant(account, 5000n, { kind: "ADJUSTMENT", description: "opening balance", idempotencyKey: "opening" });
    const { pack } = await packOf("sms", "starter");
    return { company, admin: { ...admin, role: "ADMIN" as const }, account, pack };
  }

  it("turns on without a card and pays through the demo checkout when a debit crosses the threshold", async () => {
    const { company, admin, account, pack } = await companyWithSms();
    const before = stripe.seen.length;
    expect(await saveAutoTopup(admin, account.id, { enabled: true, threshold: 4000n, packId: pack.id, monthlyCap: 5 })).toEqual({ status: "on" });
    await settleAutoTopups();
    await spend(account, 20, 100n, "demo");
    await settleAutoTopups();
    const [bought] = await topups(account.id);
    expect(bought).toMatchObject({ status: "PAID", provider: "DEMO" });
    const invoice = await prisma().invoice.findUniqueOrThrow({ where: { purchaseId: bought.id } });
    expect(invoice).toMatchObject({ issuer: "APP", demo: true });
    expect(stripe.seen.length).toBe(before);
    await expectConserved(company.id);
  });

  it("outside demo mode and without Stripe, nothing pays a top-up: it cannot be turned on, and one armed before turns itself off", async () => {
    const { company, admin, account, pack } = await companyWithSms();
    const settings = { enabled: true, threshold: 4000n, packId: pack.id, monthlyCap: 5 };
    expect(await saveAutoTopup(admin, account.id, settings)).toEqual({ status: "on" });
    // The server leaves demo mode without a Stripe key (afterEach restores DEMO with the rest).
    withEnv({ DEMO: "0" });
    await expect(saveAutoTopup(admin, account.id, settings)).rejects.toMatchObject({ code: "payments_off" });
    await spend(account, 20, 100n, "no-payments");
    await settleAutoTopups();
    expect(await topups(account.id)).toHaveLength(0);
    expect(await getAutoTopup(company.id, account.id)).toMatchObject({ enabled: false, disabledReason: "payments_off" });
    expect((await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).balance).toBe(3000n);
    await expectConserved(company.id);
  });
});
