import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { serviceNameSchema, type ServiceName } from "@/lib/iap/catalogue";
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
  /** The pack's English name as stored; pages and e-mails show it by its code in the reader's language (packName, packNameIn). */
  packName: string;
  packCode: string;
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
  SELECT p.id, a.company_id, p.account_id, s.technical_name, s.name AS service_name, s.decimals, k.name AS pack_name, k.code AS pack_code,
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
    packCode: row.pack_code as string,
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

/** Binds a purchase to its PaymentIntent once (an auto top-up's, when Stripe answers). */
export async function setPaymentIntent(purchaseId: number, paymentIntentId: string, db: pg.ClientBase | pg.Pool = pool()): Promise<void> {
  await db.query("UPDATE purchase SET payment_intent_id = $2 WHERE id = $1 AND payment_intent_id IS NULL", [purchaseId, paymentIntentId]);
}
