import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { formatPackCredits } from "@/lib/billing/pack-pricing";
import { confirmStripeCheckout, purchaseReceipt, type Receipt } from "@/lib/billing/receipts";
import { stripeConfigured } from "@/lib/billing/stripe-client";

import { formatCredits } from "@/lib/iap/units";
import { accountPath, buyCreditsPath } from "@/lib/routes";
import { DescriptionList } from "@/components/description-list";
import { parseId } from "@/lib/http/params";
import { localeOr } from "@/lib/i18n/locales";
import { packName, serviceWords } from "../../_messages/service-words";
import type { SearchParams } from "@/lib/http/search-params";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("buy", "success.title");

async function loadReceipt(companyId: number, sessionId: unknown, purchaseId: unknown): Promise<Receipt | null> {
  // After Stripe: confirm with Stripe (and fulfil) — the webhook may be late.
  if (typeof sessionId === "string" && stripeConfigured()) return confirmStripeCheckout(companyId, sessionId);
  // After the demo checkout's Pay, which already fulfilled the purchase.
  const id = parseId(purchaseId);
  if (id !== null) return purchaseReceipt(companyId, id);
  return null;
}

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: SearchParams }) {
  const { session_id: sessionId, purchase: purchaseId } = await searchParams;
  const query = typeof sessionId === "string" ? `?session_id=${encodeURIComponent(sessionId)}` : typeof purchaseId === "string" ? `?purchase=${purchaseId}` : "";
  const user = await requireAdmin(`/iap/checkout/success${query}`);
  const receipt = await loadReceipt(user.companyId, sessionId, purchaseId);
  if (!receipt) notFound();
  const { purchase, balance } = receipt;
  const t = await getTranslations("buy");
  const iap = await getTranslations("iap");
  const locale = localeOr(await getLocale());
  const money = (minor: number) => formatMoney(minor, purchase.currency, locale === "en" ? undefined : locale);
  const service = serviceWords(iap, { technicalName: purchase.service.technicalName, name: purchase.service.name, unitName: "credits" }).name;
  const pack = packName(iap, { code: purchase.packCode, name: purchase.packName });
  const credits = formatPackCredits(purchase.credits, purchase.service.decimals, locale);
  const accountHref = accountPath(purchase.accountId);

  const heading =
    purchase.status === "PAID"
      ? t("success.added", { credits, count: Number(purchase.credits) / 10 ** purchase.service.decimals })
      : purchase.status === "PENDING"
        ? t("success.processing")
        : t("success.none");

  return (
    <>
      <PageHeader
        crumbs={[
          { label: iap("crumbs.settings"), href: "/settings" },
          { label: iap("crumbs.iapAccount"), href: "/settings/iap" },
          { label: service, href: accountHref },
          { label: t("success.title") },
        ]}
      />
      <div className="mx-auto max-w-xl space-y-6 px-4 py-6 sm:px-6">
        <section
          aria-labelledby="receipt-heading"
          className={`rounded-lg border bg-white px-5 py-5 ${purchase.status === "PAID" ? "border-green-300" : "border-gray-200"}`}
        >
          <h2 id="receipt-heading" className={`text-xl font-semibold ${purchase.status === "PAID" ? "text-green-800" : "text-gray-900"}`}>
            {heading}
          </h2>
          <p className="mt-2 text-sm text-gray-700">
            {purchase.status === "PAID" &&
              (purchase.provider === "DEMO"
                ? t("success.paidDemo", { pack, service, amount: money(purchase.amount) })
                : t("success.paid", { pack, service, amount: money(purchase.amount) }))}
            {purchase.status === "PENDING" && t("success.pending")}
            {purchase.status !== "PAID" && purchase.status !== "PENDING" && t("success.ended", { status: purchase.status })}
          </p>
          <DescriptionList
            className="mt-4"
            items={[
              {
                term: t("success.newBalance"),
                className: "font-semibold tabular-nums",
                details: <span data-testid="new-balance">{t("success.balance", { credits: formatCredits(balance, purchase.service.decimals, { locale }) })}</span>,
              },
              { term: t("success.purchase"), details: t("success.purchaseNumber", { id: purchase.id }), className: "tabular-nums" },
            ]}
          />
          <div className="mt-5 flex flex-wrap gap-3">
            <ButtonLink href={accountHref}>{t("success.back", { service })}</ButtonLink>
            <ButtonLink href={buyCreditsPath(purchase.service.technicalName)} variant="secondary">{t("success.more")}</ButtonLink>
          </div>
        </section>
      </div>
    </>
  );
}
