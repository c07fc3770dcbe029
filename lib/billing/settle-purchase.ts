import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { getAccountSummary } from "@/lib/iap/account-views";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { balanceOf, grant } from "@/lib/iap/ledger";
import { toAccountResource, toPurchaseResource } from "@/lib/events/resources";
import { emitWebhookEvent } from "@/lib/events/emit";
import { issueAppInvoice } from "./invoices";
import { findPurchase, type PurchaseStatus, type PurchaseView } from "./purchases";

// How a purchase's payment ends: paid (and credited exactly once), failed,
// expired or canceled. Every caller — webhook, success page, demo checkout,
// auto top-up — comes through here, so the state rules live in one place.

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
        RETURNING p.account_id, a.company_id, k.name AS pack_name, k.code AS pack_code, p.credits, p.created_by_id, p.origin, p.provider,
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
        // The code lets the history name the pack in the reader's language; the name is what it was called when bought.
        wording: { code: autoTopup ? "autoTopup" : "purchase", params: { pack: row.pack_name, packCode: row.pack_code, purchaseId } },
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


/** The checkout was abandoned until the provider closed it. */
export function markPurchaseExpired(purchaseId: number): Promise<boolean> {
  return markUnpaid(purchaseId, "EXPIRED", ["PENDING", "FAILED"]);
}

/** The buyer pressed Cancel on the demo checkout. */
export function markPurchaseCanceled(purchaseId: number, companyId: number): Promise<boolean> {
  return markUnpaid(purchaseId, "CANCELED", ["PENDING"], companyId);
}
