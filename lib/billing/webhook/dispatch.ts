import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import type { z } from "zod";
import { checkoutSessionSchema } from "../stripe-session";
import { stripeInvoiceSchema } from "../stripe-invoice";
import { onAsyncPaymentFailed } from "./on-async-payment-failed";
import { onAsyncPaymentSucceeded } from "./on-async-payment-succeeded";
import { onChargeRefunded } from "./on-charge-refunded";
import { onCheckoutSessionCompleted } from "./on-checkout-session-completed";
import { onCheckoutSessionExpired } from "./on-checkout-session-expired";
import { onDisputeClosed, onDisputeCreated } from "./on-dispute";
import { onInvoice } from "./on-invoice";
import { onPaymentIntent } from "./on-payment-intent";
import { chargeSchema, disputeSchema, paymentIntentSchema } from "./payment-objects";
import type { HandlerOutcome } from "./outcome";

interface Handler<S extends z.ZodType> {
  /** The event's data.object, read with only the fields the handler relies on. */
  schema: S;
  what: string;
  run: (object: z.output<S>) => Promise<HandlerOutcome>;
}

function on<S extends z.ZodType>(schema: S, what: string, run: (object: z.output<S>) => Promise<HandlerOutcome>): Handler<z.ZodType> {
  return { schema, what, run } as unknown as Handler<z.ZodType>;
}

const HANDLERS: Record<string, Handler<z.ZodType>> = {
  "checkout.session.completed": on(checkoutSessionSchema, "a Checkout Session", onCheckoutSessionCompleted),
  "checkout.session.async_payment_succeeded": on(checkoutSessionSchema, "a Checkout Session", onAsyncPaymentSucceeded),
  "checkout.session.async_payment_failed": on(checkoutSessionSchema, "a Checkout Session", onAsyncPaymentFailed),
  "checkout.session.expired": on(checkoutSessionSchema, "a Checkout Session", onCheckoutSessionExpired),
  "charge.refunded": on(chargeSchema, "a Charge", onChargeRefunded),
  "charge.dispute.created": on(disputeSchema, "a Dispute", onDisputeCreated),
  "charge.dispute.closed": on(disputeSchema, "a Dispute", onDisputeClosed),
  "invoice.finalized": on(stripeInvoiceSchema, "an Invoice", onInvoice),
  "invoice.paid": on(stripeInvoiceSchema, "an Invoice", onInvoice),
  "payment_intent.succeeded": on(paymentIntentSchema, "a PaymentIntent", onPaymentIntent),
  "payment_intent.payment_failed": on(paymentIntentSchema, "a PaymentIntent", onPaymentIntent),
};

export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Verifies a Stripe webhook delivery on its raw body and runs the handler for
 * its event type. Stripe delivers each event at least once and in any order;
 * the handlers are idempotent. 400 means "not from Stripe / not readable"
 * (nothing changed, don't retry); 404 "no Stripe here" (no signing secret);
 * 500 means "try again later" (Stripe retries
 * for up to three days).
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResponse> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  // Without a signing secret Stripe is not in use here (the demo checkout is):
  // nothing can be verified, so there is no webhook to answer (404), and
  // anyone posting here cannot make the server look broken.
  if (!secret) {
    console.warn("Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set: answered 404.");
    return { status: 404, body: { error: "Stripe webhooks are not configured on this server: set STRIPE_WEBHOOK_SECRET." } };
  }
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header." } };

  let event: Stripe.Event;
  try {
    // Checks the HMAC over the exact bytes received and that the timestamp is
    // within 5 minutes (replays of old deliveries are refused).
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    const message = error instanceof Stripe.errors.StripeSignatureVerificationError ? "Invalid Stripe signature." : "Unreadable webhook body.";
    return { status: 400, body: { error: message } };
  }

  const handler = HANDLERS[event.type];
  if (!handler) return { status: 200, body: { received: true, ignored: `event type ${event.type} is not handled` } };

  const object = handler.schema.safeParse((event as { data?: { object?: unknown } }).data?.object);
  if (!object.success) return { status: 400, body: { error: `Malformed ${event.type} event: not ${handler.what}.` } };

  try {
    const outcome = await handler.run(object.data);
    if ("ignored" in outcome) console.warn(`Stripe ${event.type} ${event.id} ignored: ${outcome.ignored}`);
    return { status: 200, body: { received: true, ...outcome } };
  } catch (error) {
    console.error(`Stripe ${event.type} ${event.id} failed; Stripe will retry:`, error);
    return { status: 500, body: { error: "The event could not be processed now; it will be retried." } };
  }
}
