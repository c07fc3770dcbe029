import "server-only";
import type pg from "pg";
import { getService } from "@/lib/iap/accounts";
import type { ServiceName } from "@/lib/iap/catalogue";
import { freeze, release } from "@/lib/iap/holds";
import { takeBack } from "@/lib/iap/ledger";
import { withTransaction } from "@/lib/db/transaction";
import { emitWebhookEvent } from "@/lib/events/emit";
import { purchaseEventData } from "./settle-purchase";

// Money that goes back takes its credits with it. A refund (full or partial)
// takes back the refunded share of the purchase's credits; a dispute freezes
// the purchase's remaining credits in a hold, released when the dispute is
// won and taken back when it is lost. Never more than is available: what had
// already been used is recorded on the purchase and shown to the admin.
//
// Stripe sends each event at least once and in any order, so every handler
// locks the purchase row and acts only on news: a refund only when the
// cumulative refunded amount grew (charge.refunded carries the total so far),
// a dispute opening only once, a closing only once. Ten replays change
// nothing more; a closing that arrives before its opening settles the
// dispute and the late opening is ignored. Every credit movement is a lib/iap
// single statement in the same transaction as the purchase's update.

/** How long a dispute may keep credits frozen: longer than card networks take to decide (≈ 75 days). */
export const DISPUTE_HOLD_TTL_SECONDS = 180 * 24 * 3600;

interface LockedPurchase {
  id: number;
  accountId: number;
  companyId: number;
  technicalName: ServiceName;
  credits: bigint;
  status: string;
  refundedAmount: number;
  refundReversed: bigint;
  refundUnrecovered: bigint;
  disputeStatus: "OPEN" | "WON" | "LOST" | null;
  disputeHoldId: number | null;
  disputeReversed: bigint;
  disputeUnrecovered: bigint;
}

async function lockPurchase(client: pg.ClientBase, purchaseId: number): Promise<LockedPurchase | null> {
  const { rows } = await client.query(
    `SELECT p.id, p.account_id, a.company_id, s.technical_name, p.credits, p.status, p.refunded_amount, p.refund_reversed, p.refund_unrecovered,
            p.dispute_status, p.dispute_hold_id, p.dispute_reversed, p.dispute_unrecovered
       FROM purchase p JOIN iap_account a ON a.id = p.account_id JOIN iap_service s ON s.id = a.service_id
      WHERE p.id = $1
        FOR UPDATE OF p`,
    [purchaseId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    accountId: row.account_id,
    companyId: row.company_id,
    technicalName: row.technical_name,
    credits: BigInt(row.credits),
    status: row.status,
    refundedAmount: row.refunded_amount,
    refundReversed: BigInt(row.refund_reversed),
    refundUnrecovered: BigInt(row.refund_unrecovered),
    disputeStatus: row.dispute_status,
    disputeHoldId: row.dispute_hold_id,
    disputeReversed: BigInt(row.dispute_reversed),
    disputeUnrecovered: BigInt(row.dispute_unrecovered),
  };
}

/** Credits of the purchase not yet accounted for by a refund or a lost dispute. */
function unreversed(p: LockedPurchase): bigint {
  const left = p.credits - p.refundReversed - p.refundUnrecovered - p.disputeReversed - p.disputeUnrecovered;
  return left > 0n ? left : 0n;
}

async function accountOf(p: LockedPurchase) {
  return { id: p.accountId, companyId: p.companyId, service: await getService(p.technicalName) };
}

export type ReversalOutcome =
  | { result: "taken back"; purchaseId: number; taken: bigint; unrecovered: bigint }
  | { result: "frozen"; purchaseId: number; frozen: bigint; unrecovered: bigint }
  | { result: "released"; purchaseId: number; released: bigint }
  | { result: "unchanged"; purchaseId: number; why: string };

/**
 * charge.refunded: `refunded` of `charged` (minor units, cumulative) went
 * back. Takes back credits × refunded / charged (rounded down; all of them
 * when fully refunded), less what earlier refunds already accounted for.
 */
export function applyRefund(purchaseId: number, refunded: number, charged: number): Promise<ReversalOutcome> {
  return withTransaction(async (client) => {
    const p = await lockPurchase(client, purchaseId);
    if (!p) return { result: "unchanged", purchaseId, why: "no such purchase" };
    if (p.status !== "PAID") return { result: "unchanged", purchaseId, why: `purchase is ${p.status.toLowerCase()}` };
    if (refunded <= p.refundedAmount) return { result: "unchanged", purchaseId, why: "refund already applied" };
    const share = refunded >= charged || charged <= 0 ? p.credits : (p.credits * BigInt(refunded)) / BigInt(charged);
    let due = share - p.refundReversed - p.refundUnrecovered;
    if (due > unreversed(p)) due = unreversed(p);
    let taken = 0n;
    if (due > 0n) {
      ({ taken } = await takeBack(await accountOf(p), due, {
        kind: "REFUND_REVERSAL",
        description: `Payment refunded (purchase #${p.id})`,
        wording: { code: "refund", params: { purchaseId: p.id } },
        reference: `purchase:${p.id}`,
        idempotencyKey: `refund:${p.id}:${refunded}`,
        db: client,
      }));
    }
    const unrecovered = due > 0n ? due - taken : 0n;
    await client.query(
      "UPDATE purchase SET refunded_amount = $2, refund_reversed = refund_reversed + $3, refund_unrecovered = refund_unrecovered + $4 WHERE id = $1",
      [p.id, refunded, taken, unrecovered],
    );
    // Once per refund that moved the total (a replay stopped above), committed with it.
    await emitWebhookEvent(p.companyId, "purchase.refunded", await purchaseEventData(client, p.id), { db: client });
    return { result: "taken back", purchaseId, taken, unrecovered };
  });
}

/** charge.dispute.created: freezes what is left of the purchase's credits. */
export function openDispute(purchaseId: number, disputeId: string): Promise<ReversalOutcome> {
  return withTransaction(async (client) => {
    const p = await lockPurchase(client, purchaseId);
    if (!p) return { result: "unchanged", purchaseId, why: "no such purchase" };
    if (p.disputeStatus !== null) return { result: "unchanged", purchaseId, why: `dispute already ${p.disputeStatus.toLowerCase()}` };
    const remaining = unreversed(p);
    const hold =
      remaining > 0n
        ? await freeze(await accountOf(p), remaining, {
            description: `Frozen: payment disputed (purchase #${p.id})`,
            wording: { code: "disputeFrozen", params: { purchaseId: p.id } },
            reference: `purchase:${p.id}`,
            idempotencyKey: `dispute:${disputeId}`,
            ttlSeconds: DISPUTE_HOLD_TTL_SECONDS,
            db: client,
          })
        : null;
    await client.query("UPDATE purchase SET dispute_id = $2, dispute_status = 'OPEN', dispute_hold_id = $3 WHERE id = $1", [p.id, disputeId, hold?.id ?? null]);
    const frozen = hold?.amount ?? 0n;
    return { result: "frozen", purchaseId, frozen, unrecovered: remaining - frozen };
  });
}

/**
 * charge.dispute.closed: won (or an inquiry closed) releases the frozen
 * credits; lost takes them back. A closing that arrives before its opening
 * settles the dispute from what is available now.
 */
export function closeDispute(purchaseId: number, disputeId: string, won: boolean): Promise<ReversalOutcome> {
  return withTransaction(async (client) => {
    const p = await lockPurchase(client, purchaseId);
    if (!p) return { result: "unchanged", purchaseId, why: "no such purchase" };
    if (p.disputeStatus === "WON" || p.disputeStatus === "LOST") return { result: "unchanged", purchaseId, why: "dispute already closed" };
    const account = await accountOf(p);
    const frozenRow = p.disputeHoldId
      ? (await client.query("SELECT amount FROM credit_hold WHERE id = $1 AND account_id = $2", [p.disputeHoldId, p.accountId])).rows[0]
      : null;
    const frozen = frozenRow ? BigInt(frozenRow.amount) : 0n;
    const hold = p.disputeHoldId ? { id: p.disputeHoldId, account } : null;
    if (hold) await release(hold, { db: client });

    if (won) {
      await client.query("UPDATE purchase SET dispute_id = $2, dispute_status = 'WON' WHERE id = $1", [p.id, disputeId]);
      return { result: "released", purchaseId, released: frozen };
    }
    // Lost: exactly what was frozen (credits bought since are not this payment's);
    // never opened here: what is left of the purchase, as far as it is available.
    const remaining = unreversed(p);
    const due = p.disputeStatus === "OPEN" ? frozen : remaining;
    const { taken } =
      due > 0n
        ? await takeBack(account, due, {
            kind: "DISPUTE_LOSS",
            description: `Dispute lost (purchase #${p.id})`,
            wording: { code: "disputeLost", params: { purchaseId: p.id } },
            reference: `purchase:${p.id}`,
            idempotencyKey: `dispute-lost:${disputeId}`,
            db: client,
          })
        : { taken: 0n };
    const unrecovered = remaining - taken;
    await client.query(
      "UPDATE purchase SET dispute_id = $2, dispute_status = 'LOST', dispute_reversed = $3, dispute_unrecovered = $4 WHERE id = $1",
      [p.id, disputeId, taken, unrecovered],
    );
    return { result: "taken back", purchaseId, taken, unrecovered };
  });
}
