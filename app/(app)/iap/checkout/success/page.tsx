import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { formatPackCredits } from "@/lib/billing/pack-pricing";
import { confirmStripeCheckout, purchaseReceipt, type Receipt } from "@/lib/billing/receipts";
import { stripeConfigured } from "@/lib/billing/stripe-client";

import { formatCredits } from "@/lib/iap/units";
import { accountPath, buyCreditsPath } from "@/lib/routes";
import { DescriptionList } from "@/components/description-list";
import { figureText } from "@/components/plural";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Payment" };

async function loadReceipt(companyId: number, sessionId: unknown, purchaseId: unknown): Promise<Receipt | null> {
  // After Stripe: confirm with Stripe (and fulfil) — the webhook may be late.
  if (typeof sessionId === "string" && stripeConfigured()) return confirmStripeCheckout(companyId, sessionId);
  // After the demo checkout's Pay, which already fulfilled the purchase.
  const id = parseId(purchaseId);
  if (id !== null) return purchaseReceipt(companyId, id);
  return null;
}

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session_id: sessionId, purchase: purchaseId } = await searchParams;
  const query = typeof sessionId === "string" ? `?session_id=${encodeURIComponent(sessionId)}` : typeof purchaseId === "string" ? `?purchase=${purchaseId}` : "";
  const user = await requireAdmin(`/iap/checkout/success${query}`);
  const receipt = await loadReceipt(user.companyId, sessionId, purchaseId);
  if (!receipt) notFound();
  const { purchase, balance } = receipt;
  const credits = formatPackCredits(purchase.credits, purchase.service.decimals);
  const accountHref = accountPath(purchase.accountId);

  const heading =
    purchase.status === "PAID"
      ? `${figureText(credits)} added`
      : purchase.status === "PENDING"
        ? "Payment processing"
        : "No credits were added";

  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "IAP Account", href: "/settings/iap" }, { label: purchase.service.name, href: accountHref }, { label: "Payment" }]} />
      <div className="mx-auto max-w-xl space-y-6 px-4 py-6 sm:px-6">
        <section
          aria-labelledby="receipt-heading"
          className={`rounded-lg border bg-white px-5 py-5 ${purchase.status === "PAID" ? "border-green-300" : "border-gray-200"}`}
        >
          <h2 id="receipt-heading" className={`text-xl font-semibold ${purchase.status === "PAID" ? "text-green-800" : "text-gray-900"}`}>
            {heading}
          </h2>
          <p className="mt-2 text-sm text-gray-700">
            {purchase.status === "PAID" && (
              <>
                {purchase.packName} for {purchase.service.name},{" "}
                {purchase.provider === "DEMO"
                  ? `${formatMoney(purchase.amount, purchase.currency)} on the demo checkout (no money moved)`
                  : `paid ${formatMoney(purchase.amount, purchase.currency)}`}
                .
              </>
            )}
            {purchase.status === "PENDING" &&
              "Your payment is still being confirmed (some payment methods take a few days). The credits are added as soon as it clears."}
            {purchase.status !== "PAID" && purchase.status !== "PENDING" && `The payment was ${purchase.status === "CANCELED" ? "cancelled" : purchase.status.toLowerCase()}.`}
          </p>
          <DescriptionList
            className="mt-4"
            items={[
              {
                term: "New balance",
                className: "font-semibold tabular-nums",
                details: <span data-testid="new-balance">{formatCredits(balance, purchase.service.decimals)} credits</span>,
              },
              { term: "Purchase", details: `#${purchase.id}`, className: "tabular-nums" },
            ]}
          />
          <div className="mt-5 flex flex-wrap gap-3">
            <Link href={accountHref} className={buttonClasses("primary")}>
              Back to the {purchase.service.name} account
            </Link>
            <Link href={buyCreditsPath(purchase.service.technicalName)} className={buttonClasses("secondary")}>
              Buy more credits
            </Link>
          </div>
        </section>
      </div>
    </>
  );
}
