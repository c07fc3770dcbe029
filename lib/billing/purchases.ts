import "server-only";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { serviceNameSchema, type ServiceName } from "@/lib/iap/catalogue";
import { balanceOf, grant } from "@/lib/iap/ledger";
import { toAccountResource, toPurchaseResource } from "@/lib/events/resources";
import { emitWebhookEvent } from "@/lib/events/emit";
import type { Pack } from "./packs";

export type Provider = "STRIPE" | "DEMO";
export type PurchaseStatus = "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "CANCELED";

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
  createdAt: Date;
  paidAt: Date | null;
}

/** Records the intent to buy a pack (PENDING), with a snapshot of what it costs now. */
export async function createPurchase(input: {
  companyId: number;
  technicalName: ServiceName;
  pack: Pack;
  provider: Provider;
  createdById: number;
}): Promise<PurchaseView> {
  const account = await getOrCreateAccount(input.companyId, input.technicalName);
  const { rows } = await pool().query<{ id: number }>(
    `INSERT INTO purchase (account_id, pack_id, credits, amount, currency, provider, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6::"PaymentProvider", $7) RETURNING id`,
    [account.id, input.pack.id, input.pack.credits, input.pack.price, input.pack.currency, input.provider, input.createdById],
  );
  const created = rows[0];
  return (await findPurchase(created.id))!;
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
         p.credits, p.amount, p.currency, p.provider, p.provider_ref, p.status, p.created_at, p.paid_at
    FROM purchase p
    JOIN iap_account a ON a.id = p.account_id
    JOIN iap_service s ON s.id = a.service_id
    JOIN credit_pack k ON k.id = p.pack_id`;

/** A row of VIEW_SQL as node-pg returns it (bigints as text, char(3) padded). */
interface PurchaseRow {
  id: number;
  company_id: number;
  account_id: number;
  technical_name: string;
  service_name: string;
  decimals: number;
  pack_name: string;
  credits: string;
  amount: number;
  currency: string;
  provider: Provider;
  provider_ref: string | null;
  status: PurchaseStatus;
  created_at: Date;
  paid_at: Date | null;
}

function toView(row: PurchaseRow): PurchaseView {
  return {
    id: row.id,
    companyId: row.company_id,
    accountId: row.account_id,
    service: { technicalName: serviceNameSchema.parse(row.technical_name), name: row.service_name, decimals: row.decimals },
    packName: row.pack_name,
    credits: BigInt(row.credits),
    amount: row.amount,
    currency: row.currency.trim(),
    provider: row.provider,
    providerRef: row.provider_ref,
    status: row.status,
    createdAt: row.created_at,
    paidAt: row.paid_at,
  };
}

/**
 * A purchase by id. Pass the asking user's company: another company's purchase
 * is then simply not found. Only the webhook (signed by Stripe, no user) looks
 * a purchase up without one.
 */
export async function findPurchase(purchaseId: number, companyId?: number): Promise<PurchaseView | null> {
  const { rows } = await pool().query<PurchaseRow>(`${VIEW_SQL} WHERE p.id = $1 AND ($2::int IS NULL OR a.company_id = $2)`, [purchaseId, companyId ?? null]);
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
  const { rows } = await pool().query<PurchaseRow>(`${VIEW_SQL} WHERE p.provider_ref = $1 AND a.company_id = $2`, [providerRef, companyId]);
  return rows[0] ? toView(rows[0]) : null;
}

export type FulfilSource = "stripe" | "demo";

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
  options: { companyId?: number } = {},
): Promise<FulfilResult | null> {
  const credited = await withTransaction(async (client) => {
    const { rows } = await client.query(
      `UPDATE purchase p SET status = 'PAID', paid_at = now()
         FROM iap_account a, iap_service s, credit_pack k
        WHERE p.id = $1 AND a.id = p.account_id AND s.id = a.service_id AND k.id = p.pack_id
          AND ($4::int IS NULL OR a.company_id = $4)
          AND p.provider = $2::"PaymentProvider" AND p.status = ANY($3::"PurchaseStatus"[])
        RETURNING p.account_id, a.company_id, k.name AS pack_name, p.credits, p.created_by_id, p.amount, p.currency, p.created_at, p.paid_at,
                  a.held, a.warn_enabled, a.warning_threshold,
                  s.id AS service_id, s.technical_name, s.name AS service_name, s.unit_name, s.decimals, s.trial_credits`,
      [purchaseId, source === "demo" ? "DEMO" : "STRIPE", PAYABLE_FROM[source], options.companyId ?? null],
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
      const entry = await grant({ id: row.account_id, companyId: row.company_id, service }, BigInt(row.credits), {
        kind: "PURCHASE",
        description: `${row.pack_name} (purchase #${purchaseId})`,
        reference: `purchase:${purchaseId}`,
        idempotencyKey: `purchase:${purchaseId}`,
        createdById: row.created_by_id,
        db: client,
      });
      // In the same transaction: the event exists exactly when the credits do.
      await emitWebhookEvent(
        row.company_id,
        "purchase.completed",
        {
          purchase: toPurchaseResource({
            id: purchaseId,
            service,
            packName: row.pack_name,
            credits: BigInt(row.credits),
            amount: row.amount,
            currency: row.currency.trim(),
            status: "PAID",
            createdAt: row.created_at,
            paidAt: row.paid_at,
          }),
          account: toAccountResource({
            id: row.account_id,
            technicalName: row.technical_name,
            serviceName: row.service_name,
            unitName: row.unit_name,
            decimals: row.decimals,
            balance: entry.balanceAfter,
            held: BigInt(row.held),
            warnEnabled: row.warn_enabled,
            warningThreshold: row.warning_threshold === null ? null : BigInt(row.warning_threshold),
            warningEmail: null,
            warnedAt: null,
          }),
        },
        { db: client },
      );
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
