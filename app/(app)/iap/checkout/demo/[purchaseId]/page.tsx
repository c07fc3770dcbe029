import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { formatPackCredits } from "@/lib/billing/pack-pricing";
import { findPurchase } from "@/lib/billing/purchases";

import { DemoCheckoutForm } from "./_components/demo-checkout-form";
import { buyCreditsPath, checkoutReceiptPath } from "@/lib/routes";
import { DescriptionList } from "@/components/description-list";
import { figureText } from "@/components/plural";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Demo checkout" };

export default async function DemoCheckoutPage({ params }: { params: Promise<{ purchaseId: string }> }) {
  const { purchaseId: rawId } = await params;
  const user = await requireAdmin(`/iap/checkout/demo/${rawId}`);
  const purchaseId = parseId(rawId);
  if (purchaseId === null) notFound();
  const purchase = await findPurchase(purchaseId, user.companyId);
  if (!purchase || purchase.provider !== "DEMO") notFound();

  const price = formatMoney(purchase.amount, purchase.currency);
  const credits = figureText(formatPackCredits(purchase.credits, purchase.service.decimals));

  return (
    <>
      <PageHeader crumbs={[{ label: "Demo checkout — no money moves" }]} />
      <div className="mx-auto max-w-xl space-y-6 px-4 py-6 sm:px-6">
        <div role="note" className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold uppercase tracking-wide">Demo mode</p>
          <p>
            This server has no payment provider configured (no <code>STRIPE_SECRET_KEY</code>). Paying here adds the credits for
            trying the product: no card is asked for and no money moves.
          </p>
        </div>

        <section aria-labelledby="order-heading" className="rounded-lg border border-gray-200 bg-white">
          <h2 id="order-heading" className="border-b border-gray-200 px-5 py-3 font-semibold">
            Your order
          </h2>
          <DescriptionList
            className="px-5 py-4"
            items={[
              { term: "Service", details: purchase.service.name, className: "font-medium" },
              { term: "Pack", details: purchase.packName, className: "font-medium" },
              { term: "Credits", details: credits, className: "tabular-nums" },
              { term: "Price", details: price, className: "font-semibold tabular-nums" },
            ]}
          />
          <div className="border-t border-gray-200 px-5 py-4">
            {purchase.status === "PENDING" && !env().DEMO ? (
              <div role="alert" className="space-y-3 text-sm">
                <p>
                  The demo checkout is off: this server is not in demo mode, so this order can no longer be paid here. Nothing was charged and
                  no credits were added.
                </p>
                <Link href={buyCreditsPath(purchase.service.technicalName)} className={buttonClasses("secondary")}>
                  Back to Buy Credits
                </Link>
              </div>
            ) : purchase.status === "PENDING" ? (
              <DemoCheckoutForm purchaseId={purchase.id} price={price} />
            ) : purchase.status === "PAID" ? (
              <p className="text-sm">
                This order is already paid.{" "}
                <Link href={checkoutReceiptPath(purchase.id)} className="text-brand-600 underline">
                  See the receipt
                </Link>
                .
              </p>
            ) : (
              <div className="space-y-3 text-sm">
                <p>This order was {purchase.status === "CANCELED" ? "cancelled" : purchase.status.toLowerCase()}: nothing was charged and no credits were added.</p>
                <Link href={buyCreditsPath(purchase.service.technicalName)} className={buttonClasses("secondary")}>
                  Choose a pack again
                </Link>
              </div>
            )}
          </div>
        </section>
      </div>
    </>
  );
}
