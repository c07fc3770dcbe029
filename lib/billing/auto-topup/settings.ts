import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { pool } from "@/lib/db/client";
import { findAccount } from "@/lib/iap/accounts";
import { setAutoTopupTrigger } from "@/lib/iap/auto-topup-trigger";
import type { AutoTopupSettings } from "../schemas";
import { paymentsMode } from "../checkout";
import { stripeConfigured } from "../stripe-client";
import { withTransaction } from "@/lib/db/transaction";
import { startCardSetup } from "./card-setup";
import { triggerAutoTopup } from "./run";

export interface AutoTopupView {
  enabled: boolean;
  threshold: bigint | null;
  packId: number | null;
  monthlyCap: number | null;
  /** "visa •••• 4242"; null in demo mode or before a card is saved. */
  cardLabel: string | null;
  /** Stripe is configured and no card is saved yet: turning it on saves one first. */
  needsCard: boolean;
  /** Why auto top-up turned itself off (a code: card_declined, requires_action, no_card, pack_unavailable). */
  disabledReason: string | null;
  disabledMessage: string | null;
  disabledAt: Date | null;
  /** Top-ups started this calendar month (paid or in flight). */
  thisMonth: number;
  /** The monthly cap stopped a top-up this month. */
  capped: boolean;
  inFlight: boolean;
}

/** The account's auto top-up as its page shows it (company-scoped). */
export async function getAutoTopup(companyId: number, accountId: number): Promise<AutoTopupView> {
  const { rows } = await pool().query({
    name: "auto_topup_view",
    text: `SELECT t.enabled, t.threshold, t.pack_id, t.monthly_cap, t.card_label, t.payment_method_id, t.disabled_reason, t.disabled_message, t.disabled_at,
            t.capped_month = date_trunc('month', localtimestamp) AS capped, t.in_flight_purchase_id IS NOT NULL AS in_flight,
            (SELECT count(*) FROM purchase p WHERE p.account_id = t.account_id AND p.origin = 'AUTO_TOPUP' AND p.status IN ('PENDING', 'PAID')
               AND p.created_at >= date_trunc('month', localtimestamp))::int AS this_month
       FROM auto_topup t WHERE t.account_id = $1 AND t.company_id = $2`,
    values: [accountId, companyId],
  });
  const row = rows[0];
  const stripe = stripeConfigured();
  if (!row) {
    return { enabled: false, threshold: null, packId: null, monthlyCap: null, cardLabel: null, needsCard: stripe, disabledReason: null, disabledMessage: null, disabledAt: null, thisMonth: 0, capped: false, inFlight: false };
  }
  return {
    enabled: row.enabled,
    threshold: BigInt(row.threshold),
    packId: row.pack_id,
    monthlyCap: row.monthly_cap,
    cardLabel: stripe ? row.card_label : null,
    needsCard: stripe && !row.payment_method_id,
    disabledReason: row.disabled_reason,
    disabledMessage: row.disabled_message,
    disabledAt: row.disabled_at,
    thisMonth: row.this_month,
    capped: row.capped === true,
    inFlight: row.in_flight,
  };
}

export class AutoTopupRefusedError extends Error {
  readonly name = "AutoTopupRefusedError";
  constructor(readonly code: "unknown_account" | "unknown_pack" | "not_admin" | "stripe_unavailable" | "payments_off") {
    super(code);
  }
}

export type SaveAutoTopupResult = { status: "on" } | { status: "off" } | { status: "card needed"; url: string };

/**
 * Saves the settings. Turning it on in demo mode (or with a card saved) arms
 * it at once — and, if the balance is already below the threshold, starts a
 * top-up; with Stripe and no card yet, the settings are kept off and the
 * admin is sent to Stripe Checkout (setup mode) to save one, after which it
 * turns on (card-setup.ts). A failure turned it off; saving it on again is
 * how an admin re-arms it.
 */
export async function saveAutoTopup(user: SessionUser, accountId: number, settings: AutoTopupSettings): Promise<SaveAutoTopupResult> {
  if (user.role !== "ADMIN") throw new AutoTopupRefusedError("not_admin");
  const account = await findAccount(user.companyId, accountId);
  if (!account) throw new AutoTopupRefusedError("unknown_account");
  if (!settings.enabled) {
    await withTransaction(async (client) => {
      await client.query("UPDATE auto_topup SET enabled = false, updated_by_id = $3, updated_at = now() WHERE account_id = $1 AND company_id = $2", [
        account.id,
        user.companyId,
        user.id,
      ]);
      await setAutoTopupTrigger(account.id, null, client);
    });
    return { status: "off" };
  }
  // Without Stripe and outside demo mode nothing can pay a top-up (the demo checkout's free credits are demo-only).
  if (paymentsMode() === "none") throw new AutoTopupRefusedError("payments_off");
  const pack = await pool().query("SELECT id FROM credit_pack WHERE id = $1 AND service_id = $2 AND active", [settings.packId, account.service.id]);
  if (!pack.rows[0]) throw new AutoTopupRefusedError("unknown_pack");

  const needsCard = await withTransaction(async (client) => {
    const { rows } = await client.query(
      `INSERT INTO auto_topup (account_id, company_id, enabled, threshold, pack_id, monthly_cap, updated_by_id)
       VALUES ($1, $2, false, $3, $4, $5, $6)
       ON CONFLICT (account_id) DO UPDATE
          SET threshold = EXCLUDED.threshold, pack_id = EXCLUDED.pack_id, monthly_cap = EXCLUDED.monthly_cap,
              updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
       RETURNING payment_method_id`,
      [account.id, user.companyId, settings.threshold, settings.packId, settings.monthlyCap, user.id],
    );
    const cardMissing = stripeConfigured() && !rows[0].payment_method_id;
    if (!cardMissing) {
      await client.query(
        "UPDATE auto_topup SET enabled = true, disabled_reason = NULL, disabled_message = NULL, disabled_at = NULL WHERE account_id = $1",
        [account.id],
      );
      await setAutoTopupTrigger(account.id, settings.threshold, client);
    }
    return cardMissing;
  });
  if (needsCard) {
    try {
      return { status: "card needed", url: await startCardSetup(user, account) };
    } catch (error) {
      console.error(`Card set-up for auto top-up of account ${account.id} could not start:`, error);
      throw new AutoTopupRefusedError("stripe_unavailable");
    }
  }
  // Already below the threshold: no debit will cross it, so start now.
  void triggerAutoTopup(account.id).catch((error) => console.error(`Auto top-up of account ${account.id} failed to start:`, error));
  return { status: "on" };
}
