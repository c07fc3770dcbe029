import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { linkChunks } from "@/components/text-link";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { formatPackCredits } from "@/lib/billing/pack-pricing";
import { findPurchase } from "@/lib/billing/purchases";

import { DemoCheckoutForm } from "./_components/demo-checkout-form";
import { buyCreditsPath, checkoutReceiptPath } from "@/lib/routes";
import { DescriptionList } from "@/components/description-list";
import { parseId } from "@/lib/http/params";
import { localeOr } from "@/lib/i18n/locales";
import { packName, serviceWords } from "../../../_messages/service-words";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("buy", "demo.title");

export default async function DemoCheckoutPage({ params }: { params: Promise<{ purchaseId: string }> }) {
  const { purchaseId: rawId } = await params;
  const user = await requireAdmin(`/iap/checkout/demo/${rawId}`);
  const purchaseId = parseId(rawId);
  if (purchaseId === null) notFound();
  const purchase = await findPurchase(purchaseId, user.companyId);
  if (!purchase || purchase.provider !== "DEMO") notFound();

  const t = await getTranslations("buy");
  const locale = localeOr(await getLocale());
  const iap = await getTranslations("iap");
  const words = serviceWords(iap, { technicalName: purchase.service.technicalName, name: purchase.service.name, unitName: "credits" });
  const price = formatMoney(purchase.amount, purchase.currency, locale === "en" ? undefined : locale);
  const credits = t("demo.credits", { credits: formatPackCredits(purchase.credits, purchase.service.decimals, locale), count: Number(purchase.credits) / 10 ** purchase.service.decimals });

  return (
    <>
      <PageHeader crumbs={[{ label: t("demo.heading") }]} />
      <div className="mx-auto max-w-xl space-y-6 px-4 py-6 sm:px-6">
        <div role="note" className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold uppercase tracking-wide">{t("demo.mode")}</p>
          <p>{t.rich("demo.explain", { code: (chunks) => <code>{chunks}</code> })}</p>
        </div>

        <Section look="panel" title={t("demo.order")}>
          <DescriptionList
            className="px-5 py-4"
            items={[
              { term: t("demo.service"), details: words.name, className: "font-medium" },
              { term: t("demo.pack"), details: packName(iap, { code: purchase.packCode, name: purchase.packName }), className: "font-medium" },
              { term: t("demo.creditsTerm"), details: credits, className: "tabular-nums" },
              { term: t("pack.price"), details: price, className: "font-semibold tabular-nums" },
            ]}
          />
          <div className="border-t border-gray-200 px-5 py-4">
            {purchase.status === "PENDING" && !env().DEMO ? (
              <div role="alert" className="space-y-3 text-sm">
                <p>{t("demo.off")}</p>
                <ButtonLink href={buyCreditsPath(purchase.service.technicalName)} variant="secondary">{t("demo.backToBuy")}</ButtonLink>
              </div>
            ) : purchase.status === "PENDING" ? (
              <DemoCheckoutForm purchaseId={purchase.id} price={price} />
            ) : purchase.status === "PAID" ? (
              <p className="text-sm">
                {t.rich("demo.alreadyPaid", { link: linkChunks(checkoutReceiptPath(purchase.id)) })}
              </p>
            ) : (
              <div className="space-y-3 text-sm">
                <p>{t("demo.ended", { status: purchase.status })}</p>
                <ButtonLink href={buyCreditsPath(purchase.service.technicalName)} variant="secondary">{t("demo.chooseAgain")}</ButtonLink>
              </div>
            )}
          </div>
        </Section>
      </div>
    </>
  );
}
