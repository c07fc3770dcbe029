import "server-only";
import type pg from "pg";
import Stripe from "stripe";
import { pool } from "@/lib/db/client";
import { setAutoTopupTrigger } from "@/lib/iap/auto-topup-trigger";
import { insertEmails } from "@/lib/mail/outbox";
import { emitWebhookEvent } from "@/lib/events/emit";
import { createPurchase, findPurchase, setPaymentIntent, type PurchaseView } from "../purchases";
import { fulfilPurchase, purchaseEventData } from "../settle-purchase";
import { formatPackCredits } from "../pack-pricing";
import { paymentsMode } from "../checkout";
import { stripeClient } from "../stripe-client";
import { withTransaction } from "@/lib/db/transaction";
import { failureReasonText, topupFailedEmail } from "./emails";
import { notifyTopupPaid, recipients, sendNow, topupEmailFacts, topupEmails } from "./notify";

// Auto top-up: "when the balance falls below N, buy pack P automatically, at
// most M times per calendar month".
//
//   armed ──debit leaves balance < N──> claim (one transaction, auto_topup row locked):
//     off / in flight / not below N → nothing
//     M top-ups already this month  → nothing (capped_month shown on the account page)
//     else: a PENDING purchase (origin AUTO_TOPUP) becomes in_flight_purchase_id
//   in flight ──paid──> credits granted, invoice issued, in flight cleared (fulfilPurchase, one transaction) ──> armed
//             ──declined / requires_action──> purchase FAILED, auto top-up off with the reason, e-mails (one transaction)
//             ──Stripe unreachable──> stays in flight; the background check repeats the same request (same idempotency key)
//
// Exactly one top-up per crossing, however many debits cross at once: every
// debit below N reports it (lib/iap events), but the claim is taken under the
// auto_topup row's lock and only while nothing is in flight, so the first one
// wins and the others find it in flight. The PaymentIntent's idempotency key
// is the purchase, so a retried request never charges twice.

export type TopupOutcome = "off" | "not due" | "in flight" | "capped" | "paid" | "processing" | "failed" | "retry later";

interface Claimed {
  purchase: PurchaseView;
  paymentMethodId: string | null;
  customerId: string | null;
}

/** Step 1: decide, under the row lock, whether a top-up starts now, and record it as in flight. */
async function claimTopup(accountId: number): Promise<Claimed | Exclude<TopupOutcome, "paid" | "processing" | "failed" | "retry later">> {
  const outcome = await withTransaction(async (client) => {
    const { rows } = await client.query(
      `SELECT t.enabled, t.threshold, t.monthly_cap, t.pack_id, t.payment_method_id, t.in_flight_purchase_id, t.updated_by_id,
              a.balance, a.company_id, s.technical_name, c.stripe_customer_id,
              k.id AS pack_id, k.code, k.name AS pack_name, k.credits, k.price, k.currency, k.active, k.service_id = a.service_id AS same_service,
              (SELECT count(*) FROM purchase p
                WHERE p.account_id = t.account_id AND p.origin = 'AUTO_TOPUP' AND p.status IN ('PENDING', 'PAID')
                  AND p.created_at >= date_trunc('month', localtimestamp))::int AS this_month
         FROM auto_topup t
         JOIN iap_account a ON a.id = t.account_id
         JOIN iap_service s ON s.id = a.service_id
         JOIN company c ON c.id = a.company_id
         JOIN credit_pack k ON k.id = t.pack_id
        WHERE t.account_id = $1
          FOR UPDATE OF t`,
      [accountId],
    );
    const t = rows[0];
    if (!t || !t.enabled) return "off" as const;
    if (t.in_flight_purchase_id !== null) return "in flight" as const;
    if (BigInt(t.balance) >= BigInt(t.threshold)) return "not due" as const;
    if (t.this_month >= t.monthly_cap) {
      await client.query("UPDATE auto_topup SET capped_month = date_trunc('month', localtimestamp) WHERE account_id = $1", [accountId]);
      return "capped" as const;
    }
    const mode = paymentsMode();
    // A server that left demo mode without setting up Stripe must not hand out demo-paid credits.
    if (mode === "none") return { off: "payments_off" } as const;
    const stripe = mode === "stripe";
    if (!t.active || !t.same_service) return { off: "pack_unavailable" } as const;
    if (stripe && (!t.payment_method_id || !t.stripe_customer_id)) return { off: "no_card" } as const;
    const purchase = await createPurchase(
      {
        companyId: t.company_id,
        technicalName: t.technical_name,
        pack: { id: t.pack_id, code: t.code, name: t.pack_name, credits: BigInt(t.credits), price: t.price, currency: t.currency.trim() },
        provider: stripe ? "STRIPE" : "DEMO",
        origin: "AUTO_TOPUP",
        createdById: t.updated_by_id,
      },
      client,
    );
    await client.query("UPDATE auto_topup SET in_flight_purchase_id = $2, capped_month = NULL WHERE account_id = $1", [accountId, purchase.id]);
    return { purchase, paymentMethodId: t.payment_method_id as string | null, customerId: t.stripe_customer_id as string | null };
  });
  if (typeof outcome === "object" && "off" in outcome) {
    await turnOff(accountId, outcome.off as string, null);
    return "off";
  }
  return outcome as Claimed | "off" | "not due" | "in flight" | "capped";
}

/** Step 2: pay — the demo checkout at once, or an off-session PaymentIntent on the saved card. */
async function chargeTopup(claimed: Claimed): Promise<TopupOutcome> {
  const { purchase } = claimed;
  if (purchase.provider === "DEMO") {
    const paid = await fulfilPurchase(purchase.id, "demo");
    if (paid?.credited) await notifyTopupPaid(paid.purchase);
    return "paid";
  }
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripeClient().paymentIntents.create(
      {
        amount: purchase.amount,
        currency: purchase.currency.toLowerCase(),
        customer: claimed.customerId ?? undefined,
        payment_method: claimed.paymentMethodId ?? undefined,
        off_session: true,
        confirm: true,
        // English on purpose, not a catalogue's words: the description is for
        // the operator's Stripe dashboard (and searches there), not for the
        // customer, whose invoice e-mail is worded in their language.
        description: `Auto top-up: ${purchase.service.name} — ${purchase.packName} (${formatPackCredits(purchase.credits, purchase.service.decimals)} credits)`,
        metadata: { purchaseId: String(purchase.id), autoTopup: "1" },
      },
      // The purchase is the key: a repeated request (crash, timeout, the
      // background check) gets the first answer instead of a second charge.
      { idempotencyKey: `auto-topup:purchase:${purchase.id}` },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const failedIntent = (error.payment_intent as { id?: string } | undefined)?.id;
      if (failedIntent) await setPaymentIntent(purchase.id, failedIntent);
      await failTopup(purchase, error.code === "authentication_required" ? "requires_action" : "card_declined", error.message ?? null);
      return "failed";
    }
    console.error(`Auto top-up purchase ${purchase.id}: Stripe could not be asked now; the background check retries it:`, error);
    return "retry later";
  }
  await setPaymentIntent(purchase.id, intent.id);
  return settleTopupPayment(purchase, intent);
}

/** The PaymentIntent's status decides: paid, failed (auto top-up off), or still processing (a webhook settles it). */
export async function settleTopupPayment(
  purchase: PurchaseView,
  intent: { id: string; status: string; last_payment_error?: { code?: string | null; message?: string | null } | null },
): Promise<TopupOutcome> {
  switch (intent.status) {
    case "succeeded": {
      const paid = await fulfilPurchase(purchase.id, "stripe", { payment: { paymentIntentId: intent.id } });
      if (paid?.credited) await notifyTopupPaid(paid.purchase);
      return "paid";
    }
    case "processing":
      return "processing";
    case "requires_action":
      await failTopup(purchase, "requires_action", intent.last_payment_error?.message ?? null);
      return "failed";
    default: {
      const code = intent.last_payment_error?.code === "authentication_required" ? "requires_action" : "card_declined";
      await failTopup(purchase, code, intent.last_payment_error?.message ?? null);
      return "failed";
    }
  }
}

/** Declined or needing the cardholder: the purchase fails, auto top-up turns off with the reason, and everyone concerned is told. */
async function failTopup(purchase: PurchaseView, code: string, message: string | null): Promise<void> {
  const queued = await withTransaction(async (client) => {
    const failed = await client.query(
      "UPDATE purchase SET status = 'FAILED', failure_code = $2, failure_message = $3 WHERE id = $1 AND status = 'PENDING'",
      [purchase.id, code, message],
    );
    // Settled before (a replayed webhook, a concurrent retry): nothing more to do.
    if (failed.rowCount !== 1) return [];
    await disable(client, purchase.accountId, code, message);
    const { purchase: failedPurchase } = await purchaseEventData(client, purchase.id);
    await emitWebhookEvent(purchase.companyId, "topup.failed", { purchase: failedPurchase }, { db: client });
    const who = await recipients(client, purchase.accountId);
    const content = topupFailedEmail({ ...topupEmailFacts(purchase, who), reason: failureReasonText(who.locale, code, message) });
    return insertEmails(client, topupEmails(purchase, who, "failed", content));
  });
  await sendNow(queued);
}

async function disable(client: pg.ClientBase, accountId: number, code: string, message: string | null) {
  await client.query(
    `UPDATE auto_topup SET enabled = false, disabled_reason = $2, disabled_message = $3, disabled_at = now(), in_flight_purchase_id = NULL
      WHERE account_id = $1`,
    [accountId, code, message],
  );
  await setAutoTopupTrigger(accountId, null, client);
}

async function turnOff(accountId: number, code: string, message: string | null) {
  await withTransaction((client) => disable(client, accountId, code, message));
}

// One run per account at a time in this process: a burst of 64 debits makes
// one claim attempt, not 64 (the row lock makes it safe across processes).
const state = globalThis as unknown as { autoTopupRuns?: Map<number, Promise<TopupOutcome>> };
const runs = (state.autoTopupRuns ??= new Map());

/** Starts a top-up of the account if one is due (called after a crossing debit and by the background check). */
export function triggerAutoTopup(accountId: number): Promise<TopupOutcome> {
  const running = runs.get(accountId);
  if (running) return running;
  const run = (async () => {
    const claimed = await claimTopup(accountId);
    return typeof claimed === "string" ? claimed : chargeTopup(claimed);
  })().finally(() => runs.delete(accountId));
  runs.set(accountId, run);
  return run;
}

/** Settles the runs this process started (tests; a graceful stop). */
export async function settleAutoTopups(): Promise<void> {
  while (runs.size > 0) await Promise.allSettled([...runs.values()]);
}

/**
 * The background check (scheduled jobs): starts the top-ups that are due
 * (a crossing whose event was lost with its process) and asks Stripe again
 * about top-ups still in flight after `staleSeconds` (the same idempotency
 * key returns the first answer, never a second charge).
 */
export async function runAutoTopupCheck(options: { companyId?: number; staleSeconds?: number } = {}): Promise<{ started: number; retried: number }> {
  const companyId = options.companyId ?? null;
  const due = await pool().query(
    `SELECT t.account_id FROM auto_topup t JOIN iap_account a ON a.id = t.account_id
      WHERE t.enabled AND t.in_flight_purchase_id IS NULL AND a.balance < t.threshold AND ($1::int IS NULL OR t.company_id = $1)
      ORDER BY t.account_id LIMIT 500`,
    [companyId],
  );
  let started = 0;
  for (const row of due.rows) if ((await triggerAutoTopup(row.account_id)) === "paid") started++;
  const stale = await pool().query(
    `SELECT t.account_id, t.in_flight_purchase_id, t.payment_method_id, c.stripe_customer_id
       FROM auto_topup t JOIN purchase p ON p.id = t.in_flight_purchase_id JOIN company c ON c.id = t.company_id
      WHERE p.status = 'PENDING' AND p.created_at < localtimestamp - make_interval(secs => $2) AND ($1::int IS NULL OR t.company_id = $1)
      LIMIT 100`,
    [companyId, options.staleSeconds ?? 120],
  );
  let retried = 0;
  for (const row of stale.rows) {
    const purchase = await findPurchase(row.in_flight_purchase_id);
    if (!purchase) continue;
    await chargeTopup({ purchase, paymentMethodId: row.payment_method_id, customerId: row.stripe_customer_id });
    retried++;
  }
  return { started, retried };
}
