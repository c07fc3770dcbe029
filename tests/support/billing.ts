// Purchases and signed Stripe events for billing tests, through the app's own
// lib/billing functions and the real Stripe SDK.
import type { ActionState, FieldErrors } from "@/lib/actions/state";
import type { ServiceName } from "@/lib/iap/catalogue";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { pool, prisma } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { getService } from "@/lib/iap/accounts";
import { listPacks } from "@/lib/billing/packs";
import { createPurchase, setProviderRef, type Provider, type PurchaseView } from "@/lib/billing/purchases";
import { createCompany } from "./fixtures";
import { stripeEvent } from "./stripe-server";

export const WEBHOOK_SECRET = "whsec_test_billing_secret";

/** Sets environment variables for this test file (and re-reads lib/env); returns a function that restores them. */
export function withEnv(values: Record<string, string | undefined>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  const apply = (next: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    reloadEnv();
  };
  apply(values);
  return () => apply(before);
}

export async function packOf(technicalName: ServiceName, code: string) {
  const service = await getService(technicalName);
  const pack = (await listPacks(service)).find((p) => p.code === code);
  if (!pack) throw new Error(`No ${code} pack for ${technicalName}: is the catalogue seeded?`);
  return { service, pack };
}

/** A fresh company with a PENDING purchase of the SMS Standard Pack, bound to a Stripe session id. */
export async function pendingPurchase(provider: Provider = "STRIPE", code = "standard") {
  const { company, admin, user } = await createCompany();
  const { pack } = await packOf("sms", code);
  let purchase = await createPurchase({ companyId: company.id, technicalName: "sms", pack, provider, createdById: admin.id });
  const sessionId = provider === "STRIPE" ? `cs_test_${randomUUID().replaceAll("-", "")}` : `demo_${purchase.id}`;
  await setProviderRef(purchase.id, sessionId);
  purchase = { ...purchase, providerRef: sessionId };
  return { company, admin, user, pack, purchase, sessionId };
}

type SessionEventType =
  | "checkout.session.completed"
  | "checkout.session.async_payment_succeeded"
  | "checkout.session.async_payment_failed"
  | "checkout.session.expired"
  | string;

/** The JSON body Stripe would POST for an event about the purchase's Checkout Session. */
export function sessionEvent(
  type: SessionEventType,
  purchase: PurchaseView,
  session: Partial<{ id: string; payment_status: string; amount_total: number; currency: string; metadata: Record<string, string> }> = {},
): string {
  return stripeEvent(type, {
    id: purchase.providerRef,
    object: "checkout.session",
    mode: "payment",
    status: type === "checkout.session.expired" ? "expired" : "complete",
    payment_status: "paid",
    amount_total: purchase.amount,
    currency: purchase.currency.toLowerCase(),
    client_reference_id: String(purchase.id),
    metadata: { purchaseId: String(purchase.id) },
    ...session,
  });
}

/** A Stripe-Signature header for the payload, made by the real SDK. */
export function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, timestamp: options.timestamp });
}

export async function purchaseRow(id: number) {
  return prisma().purchase.findUniqueOrThrow({ where: { id } });
}

export async function balanceAndPurchaseEntries(accountId: number) {
  const account = await prisma().iapAccount.findUniqueOrThrow({ where: { id: accountId } });
  const entries = await prisma().ledgerEntry.findMany({ where: { accountId, kind: "PURCHASE" } });
  return { balance: account.balance, entries };
}

/** Where a server action redirected to (Next's redirect() throws an error carrying the URL), or null if it returned. */
export async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2];
    throw error;
  }
}

/** The field errors an action answered with ({} for a success or a refusal without any). */
export function fieldErrorsOf(state: ActionState<unknown>): FieldErrors {
  return state.ok ? {} : (state.fieldErrors ?? {});
}

/** A form post of these fields; a list is a repeated field (ticked checkboxes). */
export function formOf(fields: Record<string, string | number | readonly string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of typeof value === "object" ? value : [value]) data.append(name, String(one));
  return data;
}

/** Subscribes the company to webhook events (an endpoint row: nothing is delivered in these tests, the events are read back). */
export async function subscribeWebhooks(companyId: number, events: string[]): Promise<void> {
  await pool().query("INSERT INTO webhook_endpoint (company_id, url, events, secret) VALUES ($1, 'https://hooks.example/billing', $2, 'whsec_test')", [companyId, events]);
}

/** The webhook events recorded for the company, as their types and payloads, oldest first. */
export async function webhookEvents(companyId: number): Promise<{ type: string; data: Record<string, any> }[]> {
  const { rows } = await pool().query("SELECT type, data FROM webhook_event WHERE company_id = $1 ORDER BY created_at, id", [companyId]);
  return rows;
}
