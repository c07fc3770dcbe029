import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { AccountRef } from "@/lib/iap/types";
import { setAutoTopupTrigger } from "@/lib/iap/auto-topup-trigger";
import { stripeClient } from "../stripe-client";
import type { CheckoutSessionData } from "../stripe-session";
import { withTransaction } from "@/lib/db/transaction";
import type { HandlerOutcome } from "../webhook/outcome";
import { triggerAutoTopup } from "./run";

// Saving a card for auto top-up: Stripe Checkout in setup mode, for the
// company's Stripe Customer (created once, idempotently). When the session
// completes — the webhook, or the admin's return to the account page,
// whichever comes first — the card is kept and auto top-up turns on.

async function companyCustomer(user: SessionUser): Promise<string> {
  const { rows } = await pool().query("SELECT name, stripe_customer_id FROM company WHERE id = $1", [user.companyId]);
  if (rows[0].stripe_customer_id) return rows[0].stripe_customer_id;
  const customer = await stripeClient().customers.create(
    { name: rows[0].name, email: user.email, metadata: { companyId: String(user.companyId) } },
    { idempotencyKey: `customer:company:${user.companyId}` },
  );
  await pool().query("UPDATE company SET stripe_customer_id = $2 WHERE id = $1 AND stripe_customer_id IS NULL", [user.companyId, customer.id]);
  const { rows: after } = await pool().query("SELECT stripe_customer_id FROM company WHERE id = $1", [user.companyId]);
  return after[0].stripe_customer_id;
}

/** Opens a setup-mode Checkout Session; returns Stripe's URL. */
export async function startCardSetup(user: SessionUser, account: AccountRef): Promise<string> {
  const customer = await companyCustomer(user);
  const accountUrl = `${env().APP_URL}/settings/iap/${account.id}`;
  const metadata = { accountId: String(account.id), companyId: String(user.companyId), purpose: "auto-topup" };
  const session = await stripeClient().checkout.sessions.create({
    mode: "setup",
    customer,
    currency: "eur",
    metadata,
    setup_intent_data: { metadata },
    success_url: `${accountUrl}?card_setup={CHECKOUT_SESSION_ID}`,
    cancel_url: `${accountUrl}?card_setup=cancelled`,
  });
  if (!session.url) throw new Error(`Stripe returned setup session ${session.id} without a URL`);
  await pool().query("UPDATE auto_topup SET setup_session_id = $2 WHERE account_id = $1", [account.id, session.id]);
  return session.url;
}

function cardLabel(method: { card?: { brand?: string | null; last4?: string | null } | null } | null | undefined): string | null {
  return method?.card ? `${method.card.brand ?? "card"} •••• ${method.card.last4 ?? "????"}` : null;
}

/** checkout.session.completed (setup mode), or the return to the account page: keeps the card and turns auto top-up on. */
export async function completeCardSetup(session: Pick<CheckoutSessionData, "id" | "setup_intent">, companyId?: number): Promise<HandlerOutcome> {
  const { rows } = await pool().query("SELECT account_id, company_id FROM auto_topup WHERE setup_session_id = $1 AND ($2::int IS NULL OR company_id = $2)", [
    session.id,
    companyId ?? null,
  ]);
  if (!rows[0]) return { ignored: `setup session ${session.id} is not an auto top-up card set-up (or was completed already)` };
  if (!session.setup_intent) return { ignored: `setup session ${session.id} has no SetupIntent yet` };
  const intent = await stripeClient().setupIntents.retrieve(session.setup_intent, { expand: ["payment_method"] });
  if (intent.status !== "succeeded" || !intent.payment_method) return { ignored: `setup intent ${intent.id} is ${intent.status}` };
  const method = typeof intent.payment_method === "string" ? { id: intent.payment_method } : intent.payment_method;
  const accountId = rows[0].account_id as number;
  const armed = await withTransaction(async (client) => {
    const { rows: updated } = await client.query(
      `UPDATE auto_topup SET payment_method_id = $2, card_label = $3, setup_session_id = NULL, enabled = true,
              disabled_reason = NULL, disabled_message = NULL, disabled_at = NULL
        WHERE account_id = $1 AND setup_session_id = $4
        RETURNING threshold`,
      [accountId, method.id, cardLabel(method as { card?: { brand?: string; last4?: string } }), session.id],
    );
    if (!updated[0]) return false;
    await setAutoTopupTrigger(accountId, BigInt(updated[0].threshold), client);
    return true;
  });
  if (armed) void triggerAutoTopup(accountId).catch((error) => console.error(`Auto top-up of account ${accountId} failed to start:`, error));
  return { result: armed ? "card saved, auto top-up on" : "already saved", accountId };
}

/** The admin is back from Stripe's setup page (`?card_setup=<session id>`): completes it if the webhook has not yet. */
export async function confirmCardSetup(companyId: number, sessionId: string): Promise<void> {
  if (!/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) return;
  const { rows } = await pool().query("SELECT 1 FROM auto_topup WHERE setup_session_id = $1 AND company_id = $2", [sessionId, companyId]);
  if (!rows[0]) return;
  try {
    const session = await stripeClient().checkout.sessions.retrieve(sessionId);
    const setupIntent = typeof session.setup_intent === "string" ? session.setup_intent : (session.setup_intent?.id ?? null);
    await completeCardSetup({ id: session.id, setup_intent: setupIntent }, companyId);
  } catch (error) {
    console.error(`Card set-up ${sessionId} could not be confirmed now; the webhook will:`, error);
  }
}
