import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { getAccountSummary } from "@/lib/iap/account-views";
import { serviceNameSchema, type ServiceName } from "@/lib/iap/catalogue";
import { balanceOf, grant } from "@/lib/iap/ledger";
import { toAccountResource, toPurchaseResource } from "@/lib/events/resources";
import { emitWebhookEvent } from "@/lib/events/emit";
import { issueAppInvoice } from "./invoices";
import type { Pack } from "./packs";
import { buyerParty, vatTermsFor } from "./parties";
import { vatAmounts } from "./vat";

export type Provider = "STRIPE" | "DEMO";
export type PurchaseStatus = "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "CANCELED";
export type PurchaseOrigin = "MANUAL" | "AUTO_TOPUP";

/** A purchase as pages and handlers see it. */
export interface PurchaseView {
  id: number;
  companyId: number;
  accountId: number;
  service: { technicalName: ServiceName; name: string; decimals: number };
  packName: string;
  credits: bigint;
  amount: number;
  currency: string;
  provider: Provider;
  providerRef: string | null;
  status: PurchaseStatus;
  origin: PurchaseOrigin;
  /** VAT snapshot; null while Stripe Tax has yet to compute it (STRIPE_AUTOMATIC_TAX). */
  netAmount: number | null;
  vatAmount: number | null;
  vatRate: number | null;
  vatReverseCharge: boolean;
  paymentIntentId: string | null;
  /** Why an auto top-up's payment failed (Stripe's decline code), or null. */
  failureCode: string | null;
  /** Money refunded so far (minor units). */
  refundedAmount: number;
  disputeStatus: "OPEN" | "WON" | "LOST" | null;
  /** Credits taken back by refunds and a lost dispute (units). */
  creditsTakenBack: bigint;
  /** Credits refunded or lost that had already been used, so could not be taken back (units). */
  creditsAlreadyUsed: bigint;
  createdAt: Date;
  paidAt: Date | null;
}

/** Stripe computes the VAT of Checkout payments itself (STRIPE_AUTOMATIC_TAX=1). */
export function stripeComputesTax(provider: Provider, origin: PurchaseOrigin): boolean {
  return provider === "STRIPE" && origin === "MANUAL" && env().STRIPE_AUTOMATIC_TAX;
}

export interface NewPurchase {
  companyId: number;
  technicalName: ServiceName;
  pack: Pack;
  provider: Provider;
  origin?: PurchaseOrigin;
  createdById: number | null;
}

/**
 * Records the intent to buy a pack (PENDING), with a snapshot of what it
 * costs now: the pack's price with the buyer's VAT (amount = what is
 * charged). `db` writes it in the caller's transaction (auto top-up).
 */
export async function createPurchase(input: NewPurchase, db?: pg.ClientBase): Promise<PurchaseView> {
  const account = await getOrCreateAccount(input.companyId, input.technicalName);
  const origin = input.origin ?? "MANUAL";
  const terms = vatTermsFor(await buyerParty(input.companyId, db));
  // With Stripe Tax the amount sent is the list price and Stripe's figures replace the snapshot when paid.
  const vat = stripeComputesTax(input.provider, origin) ? null : vatAmounts(input.pack.price, terms);
  const { rows } = await (db ?? pool()).query(
    `INSERT INTO purchase (account_id, pack_id, credits, amount, currency, provider, created_by_id, origin,
                           net_amount, vat_amount, vat_rate, vat_reverse_charge)
     VALUES ($1, $2, $3, $4, $5, $6::"PaymentProvider", $7, $8::"PurchaseOrigin", $9, $10, $11, $12)
     RETURNING id`,
    [
      account.id,
      input.pack.id,
      input.pack.credits,
      vat?.gross ?? input.pack.price,
      input.pack.currency,
      input.provider,
      input.createdById,
      origin,
      vat?.net ?? null,
      vat?.vat ?? null,
      vat ? (terms.reverseCharge ? 0 : terms.rate) : null,
      terms.reverseCharge,
    ],
  );
  return (await findPurchase(rows[0].id, undefined, db))!;
}

/** Binds the purchase to the provider's checkout (Stripe session id) once; never rebinds it. */
export async function setProviderRef(purchaseId: number, providerRef: string): Promise<boolean> {
  const { rowCount } = await pool().query("UPDATE purchase SET provider_ref = $2 WHERE id = $1 AND (provider_ref IS NULL OR provider_ref = $2)", [
    purchaseId,
    providerRef,
  ]);
  return rowCount === 1;
}

const VIEW_SQL = `
  SELECT p.id, a.company_id, p.account_id, s.technical_name, s.name AS service_name, s.decimals, k.name AS pack_name,
         p.credits, p.amount, p.currency, p.provider, p.provider_ref, p.status, p.created_at, p.paid_at,
         p.origin, p.net_amount, p.vat_amount, p.vat_rate, p.vat_reverse_charge, p.payment_intent_id, p.failure_code,
         p.refunded_amount, p.dispute_status, p.refund_reversed + p.dispute_reversed AS taken_back,
         p.refund_unrecovered + p.dispute_unrecovered AS already_used
    FROM purchase p
    JOIN iap_account a ON a.id = p.account_id
    JOIN iap_service s ON s.id = a.service_id
    JOIN credit_pack k ON k.id = p.pack_id`;

function toView(row: Record<string, unknown>): PurchaseView {
  return {
    id: row.id as number,
    companyId: row.company_id as number,
    accountId: row.account_id as number,
    service: { technicalName: serviceNameSchema.parse(row.technical_name), name: row.service_name as string, decimals: row.decimals as number },
    packName: row.pack_name as string,
    credits: BigInt(row.credits as string),
    amount: row.amount as number,
    currency: (row.currency as string).trim(),
    provider: row.provider as Provider,
    providerRef: (row.provider_ref as string | null) ?? null,
    status: row.status as PurchaseStatus,
    origin: row.origin as PurchaseOrigin,
    netAmount: (row.net_amount as number | null) ?? null,
    vatAmount: (row.vat_amount as number | null) ?? null,
    vatRate: (row.vat_rate as number | null) ?? null,
    vatReverseCharge: row.vat_reverse_charge as boolean,
    paymentIntentId: (row.payment_intent_id as string | null) ?? null,
    failureCode: (row.failure_code as string | null) ?? null,
    refundedAmount: row.refunded_amount as number,
    disputeStatus: (row.dispute_status as PurchaseView["disputeStatus"]) ?? null,
    creditsTakenBack: BigInt(row.taken_back as string),
    creditsAlreadyUsed: BigInt(row.already_used as string),
    createdAt: row.created_at as Date,
    paidAt: (row.paid_at as Date | null) ?? null,
  };
}

/**
 * A purchase by id. Pass the asking user's company: another company's purchase
 * is then simply not found. Only the webhook (signed by Stripe, no user) looks
 * a purchase up without one.
 */
export async function findPurchase(purchaseId: number, companyId?: number, db: pg.ClientBase | pg.Pool = pool()): Promise<PurchaseView | null> {
  const { rows } = await db.query(`${VIEW_SQL} WHERE p.id = $1 AND ($2::int IS NULL OR a.company_id = $2)`, [purchaseId, companyId ?? null]);
  return rows[0] ? toView(rows[0]) : null;
}

/**
 * The company's purchases, newest first, optionally of one service. Keyset
 * pagination on the id: pass the last id of a page as `before` for the next.
 */
export async function listPurchasePage(
  companyId: number,
  { service = null, before = null, limit = 50 }: { service?: string | null; before?: number | null; limit?: number } = {},
): Promise<{ purchases: PurchaseView[]; olderCursor: number | null }> {
  const { rows } = await pool().query(
    `${VIEW_SQL}
      WHERE a.company_id = $1 AND ($2::text IS NULL OR s.technical_name = $2) AND ($3::int IS NULL OR p.id < $3)
      ORDER BY p.id DESC
      LIMIT $4`,
    [companyId, service, before, limit + 1],
  );
  const purchases = rows.slice(0, limit).map(toView);
  return { purchases, olderCursor: rows.length > limit ? purchases[purchases.length - 1].id : null };
}

/** The company's purchase paid through a provider checkout (Stripe session id), or null. */
export async function findPurchaseByProviderRef(providerRef: string, companyId: number): Promise<PurchaseView | null> {
  const { rows } = await pool().query(`${VIEW_SQL} WHERE p.provider_ref = $1 AND a.company_id = $2`, [providerRef, companyId]);
  return rows[0] ? toView(rows[0]) : null;
}

/** The purchase a Stripe PaymentIntent paid (Checkout's or an auto top-up's), or null. */
export async function findPurchaseByPaymentIntent(paymentIntentId: string): Promise<PurchaseView | null> {
  const { rows } = await pool().query(`${VIEW_SQL} WHERE p.payment_intent_id = $1`, [paymentIntentId]);
  return rows[0] ? toView(rows[0]) : null;
}

export type FulfilSource = "stripe" | "demo";

/** What Stripe said about the payment, recorded with it. */
export interface PaymentFacts {
  paymentIntentId?: string | null;
  /** The Stripe Customer: becomes the company's when it has none. */
  customerId?: string | null;
  /** Stripe Tax's figures (STRIPE_AUTOMATIC_TAX): the total charged and the tax in it. */
  amountTotal?: number | null;
  amountTax?: number | null;
}

export interface FulfilResult {
  purchase: PurchaseView;
  /** True for the one call that credited the account; false for every repeat. */
  credited: boolean;
  balanceAfter: bigint;
}

// Which states a confirmed payment may move to PAID. Stripe's word that money
// moved wins over what we recorded before (a failed or expired attempt the
// customer then completed); a demo purchase is paid only while it is pending,
// so Pay after Cancel does nothing.
const PAYABLE_FROM: Record<FulfilSource, PurchaseStatus[]> = {
  stripe: ["PENDING", "FAILED", "EXPIRED", "CANCELED"],
  demo: ["PENDING"],
};

/**
 * THE one way a paid purchase turns into credits, called by the webhook, the
 * success page and the demo Pay — as often as they like, concurrently.
 *
 * In one transaction: a conditional UPDATE moves the purchase to PAID, and
 * only the call whose UPDATE matched grants the pack's credits (kind PURCHASE,
 * which also re-arms the low-credit warning). Concurrent callers queue on the
 * purchase row's lock and, once the winner commits, no longer match
 * `status IN (…)`: they change nothing. The grant's idempotency key
 * `purchase:<id>` is a second guard at the ledger. Paid and credited commit
 * together or not at all, so a crash in between leaves the purchase payable
 * and the next delivery of the event credits it.
 */
export async function fulfilPurchase(
  purchaseId: number,
  source: FulfilSource,
  options: { companyId?: number; payment?: PaymentFacts } = {},
): Promise<FulfilResult | null> {
  const payment = options.payment ?? {};
  const credited = await withTransaction(async (client) => {
    const { rows } = await client.query(
      `UPDATE purchase p SET status = 'PAID', paid_at = now(),
              payment_intent_id = COALESCE(p.payment_intent_id, $5),
              -- Stripe Tax's figures replace a snapshot it had left open.
              amount = CASE WHEN p.net_amount IS NULL AND $6::int IS NOT NULL THEN $6 ELSE p.amount END,
              vat_amount = CASE WHEN p.net_amount IS NULL AND $6::int IS NOT NULL THEN COALESCE($7, 0) ELSE p.vat_amount END,
              net_amount = CASE WHEN p.net_amount IS NULL AND $6::int IS NOT NULL THEN $6 - COALESCE($7, 0) ELSE p.net_amount END
         FROM iap_account a, iap_service s, credit_pack k
        WHERE p.id = $1 AND a.id = p.account_id AND s.id = a.service_id AND k.id = p.pack_id
          AND ($4::int IS NULL OR a.company_id = $4)
          AND p.provider = $2::"PaymentProvider" AND p.status = ANY($3::"PurchaseStatus"[])
        RETURNING p.account_id, a.company_id, k.name AS pack_name, p.credits, p.created_by_id, p.origin, p.provider,
                  s.id AS service_id, s.technical_name, s.name AS service_name, s.decimals, s.trial_credits`,
      [
        purchaseId,
        source === "demo" ? "DEMO" : "STRIPE",
        PAYABLE_FROM[source],
        options.companyId ?? null,
        payment.paymentIntentId ?? null,
        payment.amountTotal ?? null,
        payment.amountTax ?? null,
      ],
    );
    if (rows[0]) {
      const row = rows[0];
      // The service comes from the same statement: no second pool connection
      // is needed while this one holds the transaction.
      const service = {
        id: row.service_id,
        technicalName: serviceNameSchema.parse(row.technical_name),
        name: row.service_name,
        decimals: row.decimals,
        trialCredits: BigInt(row.trial_credits),
      };
      const autoTopup = row.origin === "AUTO_TOPUP";
      const entry = await grant({ id: row.account_id, companyId: row.company_id, service }, BigInt(row.credits), {
        kind: autoTopup ? "AUTO_TOPUP" : "PURCHASE",
        description: `${autoTopup ? "Auto top-up: " : ""}${row.pack_name} (purchase #${purchaseId})`,
        wording: { code: autoTopup ? "autoTopup" : "purchase", params: { pack: row.pack_name, purchaseId } },
        reference: `purchase:${purchaseId}`,
        idempotencyKey: `purchase:${purchaseId}`,
        createdById: row.created_by_id,
        db: client,
      });
      // The rest of "paid" commits with the credits, or not at all: the
      // finished top-up lets the next one start, the first Stripe Customer
      // becomes the company's, and a payment Stripe does not invoice (demo
      // checkout, off-session top-up) gets the app's invoice, numbered now.
      if (autoTopup) await client.query("UPDATE auto_topup SET in_flight_purchase_id = NULL WHERE in_flight_purchase_id = $1", [purchaseId]);
      if (payment.customerId) {
        await client.query("UPDATE company SET stripe_customer_id = $2 WHERE id = $1 AND stripe_customer_id IS NULL", [row.company_id, payment.customerId]);
      }
      if (row.provider === "DEMO" || autoTopup) await issueAppInvoice(client, purchaseId, { demo: row.provider === "DEMO" });
      // In the same transaction: the event exists exactly when the credits do.
      await emitWebhookEvent(row.company_id, "purchase.completed", await purchaseEventData(client, purchaseId), { db: client });
      return { accountId: row.account_id as number, balanceAfter: entry.balanceAfter };
    }
    return null;
  });
  const purchase = await findPurchase(purchaseId, options.companyId);
  if (!purchase) return null;
  return {
    purchase,
    credited: credited !== null,
    balanceAfter: credited?.balanceAfter ?? (await balanceOf(purchase.accountId)),
  };
}

/**
 * A purchase and its account as webhook events carry them, read through the
 * caller's transaction: what the change it is about to commit leaves.
 */
export async function purchaseEventData(client: pg.ClientBase, purchaseId: number) {
  const purchase = await findPurchase(purchaseId, undefined, client);
  const account = purchase && (await getAccountSummary(purchase.accountId, client));
  if (!purchase || !account) throw new Error(`Purchase ${purchaseId} or its account does not exist`);
  return { purchase: toPurchaseResource(purchase), account: toAccountResource(account) };
}

async function markUnpaid(purchaseId: number, to: PurchaseStatus, from: PurchaseStatus[], companyId?: number): Promise<boolean> {
  // `status = ANY(from)` never includes PAID: a late or repeated failure,
  // expiry or cancel can't undo a payment.
  const { rowCount } = await pool().query(
    `UPDATE purchase p SET status = $2::"PurchaseStatus"
       FROM iap_account a
      WHERE p.id = $1 AND a.id = p.account_id AND ($4::int IS NULL OR a.company_id = $4)
        AND p.status = ANY($3::"PurchaseStatus"[])`,
    [purchaseId, to, from, companyId ?? null],
  );
  return rowCount === 1;
}

/** The payment attempt failed (e.g. a bank debit bounced). Returns false when nothing changed. */
export function markPurchaseFailed(purchaseId: number): Promise<boolean> {
  return markUnpaid(purchaseId, "FAILED", ["PENDING"]);
}

/** Binds a purchase to its PaymentIntent once (an auto top-up's, when Stripe answers). */
export async function setPaymentIntent(purchaseId: number, paymentIntentId: string, db: pg.ClientBase | pg.Pool = pool()): Promise<void> {
  await db.query("UPDATE purchase SET payment_intent_id = $2 WHERE id = $1 AND payment_intent_id IS NULL", [purchaseId, paymentIntentId]);
}

/** The checkout was abandoned until the provider closed it. */
export function markPurchaseExpired(purchaseId: number): Promise<boolean> {
  return markUnpaid(purchaseId, "EXPIRED", ["PENDING", "FAILED"]);
}

/** The buyer pressed Cancel on the demo checkout. */
export function markPurchaseCanceled(purchaseId: number, companyId: number): Promise<boolean> {
  return markUnpaid(purchaseId, "CANCELED", ["PENDING"], companyId);
}
