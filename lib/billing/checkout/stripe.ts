import "server-only";
import type Stripe from "stripe";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { buyCreditsPath, CHECKOUT_SUCCESS_PATH } from "@/lib/routes";
import { formatMoney } from "@/lib/money";
import { formatPackCredits } from "../pack-pricing";
import type { PurchaseView } from "../purchases";
import { stripeClient } from "../stripe-client";
import { formatVatRate } from "../vat";
import type { CheckoutProvider } from "./provider";

/**
 * How the invoice Checkout creates shows VAT. With Stripe Tax
 * (STRIPE_AUTOMATIC_TAX=1) Stripe prints its own tax lines; otherwise the
 * VAT the app computed is printed as a custom field, and the reverse charge
 * as the footer.
 */
function invoiceVatFields(purchase: PurchaseView): Pick<Stripe.Checkout.SessionCreateParams.InvoiceCreation.InvoiceData, "custom_fields" | "footer"> {
  if (purchase.netAmount === null || purchase.vatAmount === null) return {};
  const money = (minor: number) => formatMoney(minor, purchase.currency);
  if (purchase.vatReverseCharge) {
    return {
      custom_fields: [{ name: "VAT", value: `Reverse charge, net ${money(purchase.netAmount)}` }],
      footer: "Reverse charge: VAT to be accounted for by the customer (VAT Directive, art. 196).",
    };
  }
  return {
    custom_fields: [
      { name: "Net", value: money(purchase.netAmount) },
      { name: `VAT ${formatVatRate(purchase.vatRate ?? 0)}`, value: money(purchase.vatAmount) },
    ],
  };
}

/** A Stripe Checkout Session in payment mode, priced from the purchase's snapshot. */
export const stripeCheckout: CheckoutProvider = {
  name: "STRIPE",
  async start({ purchase, buyerEmail }) {
    const appUrl = env().APP_URL;
    const id = String(purchase.id);
    const credits = formatPackCredits(purchase.credits, purchase.service.decimals);
    const config = env();
    const automaticTax = purchase.netAmount === null && config.STRIPE_AUTOMATIC_TAX;
    // The line item keeps the stored English names: it is what Stripe's dashboard, receipts and
    // exports show the operator, whatever language the buyer reads the app in.
    const description = `${purchase.service.name} — ${purchase.packName} (${credits} credits)`;
    const { rows } = await pool().query("SELECT stripe_customer_id FROM company WHERE id = $1", [purchase.companyId]);
    const customer: string | null = rows[0]?.stripe_customer_id ?? null;
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: purchase.currency.toLowerCase(),
              unit_amount: purchase.amount,
              product_data: { name: description },
              ...(automaticTax ? { tax_behavior: config.PRICES_INCLUDE_VAT ? ("inclusive" as const) : ("exclusive" as const) } : {}),
            },
          },
        ],
        // Every paid purchase gets Stripe's invoice; its metadata names the
        // purchase so invoice.* webhooks find it.
        invoice_creation: { enabled: true, invoice_data: { description, metadata: { purchaseId: id }, ...invoiceVatFields(purchase) } },
        tax_id_collection: { enabled: true },
        ...(automaticTax ? { automatic_tax: { enabled: true }, billing_address_collection: "required" as const } : {}),
        // The company's Stripe Customer once it has one (its saved details and
        // tax ID, the card of auto top-up); the first Checkout creates it.
        ...(customer
          ? { customer, customer_update: { name: "auto" as const, address: "auto" as const } }
          : { customer_creation: "always" as const, customer_email: buyerEmail }),
        // The purchase id comes back in every event about this session and
        // decides what gets fulfilled; the session id on the purchase is
        // checked against it.
        metadata: { purchaseId: id },
        client_reference_id: id,
        payment_intent_data: { metadata: { purchaseId: id } },
        success_url: `${appUrl}${CHECKOUT_SUCCESS_PATH}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${appUrl}${buyCreditsPath(purchase.service.technicalName)}?cancelled=1`,
      },
      // A retried request (network error, double submit of the same purchase)
      // returns the same session instead of opening a second one.
      { idempotencyKey: `checkout-session:purchase:${id}` },
    );
    if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
    return { url: session.url, providerRef: session.id };
  },
};
