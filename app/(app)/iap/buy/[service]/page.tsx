import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader, type Crumb } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadBuyPage } from "@/lib/billing/buy-page";
import { formatMoney } from "@/lib/money";
import { formatPackCredits, formatPricePerCredit } from "@/lib/billing/pack-pricing";
import { formatVatRate } from "@/lib/billing/vat";
import { getService } from "@/lib/iap/accounts";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { accountPath, buyCreditsPath } from "@/lib/routes";
import { formatCredits } from "@/lib/iap/units";
import { PackCard } from "./_components/pack-card";
import { SmsPricingHelp } from "./_components/sms-pricing-help";
import { packName, serviceWords } from "../../_messages/service-words";
import { localeOr } from "@/lib/i18n/locales";
import type { SearchParams } from "@/lib/http/search-params";

export async function generateMetadata({ params }: { params: Promise<{ service: string }> }): Promise<Metadata> {
  const technicalName = serviceNameSchema.safeParse((await params).service);
  const service = technicalName.success ? await getService(technicalName.data).catch(() => null) : null;
  const t = await getTranslations("buy");
  if (!service) return { title: t("title") };
  const words = serviceWords(await getTranslations("iap"), { technicalName: service.technicalName, name: service.name, unitName: "credits" });
  return { title: t("titleFor", { service: words.name }) };
}

export default async function BuyCreditsPage({ params, searchParams }: { params: Promise<{ service: string }>; searchParams: SearchParams }) {
  const { service: rawService } = await params;
  const { cancelled } = await searchParams;
  const technicalName = serviceNameSchema.safeParse(rawService);
  if (!technicalName.success) notFound();
  const user = await requireUser(buyCreditsPath(technicalName.data));
  const page = await loadBuyPage(user, technicalName.data);
  if (!page) notFound();
  const { service } = page;
  const t = await getTranslations("buy");
  const iap = await getTranslations("iap");
  const locale = localeOr(await getLocale());
  // Money in the reader's format ("€12.50", "12,50 €", "€12.50"); English keeps lib/money's en-GB.
  const moneyLocale = locale === "en" ? undefined : locale;
  const words = serviceWords(iap, { technicalName: service.technicalName, name: service.name, unitName: service.unitName });

  const title = t("titleFor", { service: words.name });
  const crumbs: Crumb[] =
    user.role === "ADMIN"
      ? [
          { label: iap("crumbs.settings"), href: "/settings" },
          { label: iap("crumbs.iapAccount"), href: "/settings/iap" },
          { label: words.name, href: accountPath(page.accountId) },
          { label: title },
        ]
      : [{ label: title }];
  const rate = formatVatRate(page.vat.rate, locale);
  const vatNote = page.vat.reverseCharge
    ? t("vatNote.reverseCharge")
    : page.vat.stripeTax
      ? page.vat.pricesIncludeVat
        ? t("vatNote.included")
        : t("vatNote.excluded")
      : t("vatNote.rate", { rate });
  const vatStatement = page.vat.reverseCharge
    ? t("vatStatement.reverseCharge")
    : page.vat.stripeTax
      ? page.vat.pricesIncludeVat
        ? t("vatStatement.stripeIncluded")
        : t("vatStatement.stripeExcluded")
      : page.vat.pricesIncludeVat
        ? t("vatStatement.included", { rate })
        : t("vatStatement.added", { rate });
  const askWhom = page.admins.map((admin) => t("admin", { name: admin.name, email: admin.email })).join(t("or")) || t("anAdmin");

  return (
    <>
      <PageHeader crumbs={crumbs} />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        {cancelled === "1" && (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">{t("cancelledTitle")}</p>
            <p>{t("cancelledBody")}</p>
          </div>
        )}
        {page.payments === "none" && (
          <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">{t("paymentsOffTitle")}</p>
            <p>{t.rich("paymentsOffBody", { code: (chunks) => <code>{chunks}</code> })}</p>
          </div>
        )}
        {!page.canBuy && (
          <div role="note" className="rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-950">
            <p className="font-medium">{t("adminsOnlyTitle")}</p>
            <p>{t("askWhom", { whom: askWhom })}</p>
          </div>
        )}

        <section aria-labelledby="balance-heading" className="flex flex-wrap items-baseline justify-between gap-3 rounded-lg border border-gray-200 bg-white px-5 py-4">
          <div>
            <h2 id="balance-heading" className="text-sm text-gray-600">
              {t("balance")}
            </h2>
            <p className="text-2xl font-semibold tabular-nums" data-testid="current-balance">
              {t("balanceValue", { credits: formatCredits(page.balance, service.decimals, { locale }), unit: words.unit })}
            </p>
          </div>
          <p className="max-w-md text-sm text-gray-600">
            {t("prepaid", { service: words.name })}
          </p>
        </section>

        {page.packs.length === 0 ? (
          <p className="text-sm text-gray-600">{t("noPacks", { service: words.name })}</p>
        ) : (
          <ul aria-label={t("packs")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {page.packs.map((pack) => (
              <li key={pack.id} className="flex">
                <div className="flex-1 [&>article]:h-full">
                  <PackCard
                    service={service.technicalName}
                    packId={pack.id}
                    name={packName(iap, pack)}
                    credits={formatPackCredits(pack.credits, service.decimals, locale)}
                    unitName={words.unit}
                    price={formatMoney(pack.charged.gross, pack.currency, moneyLocale)}
                    vatNote={vatNote}
                    pricePerCredit={formatPricePerCredit(pack.charged.gross, pack.currency, pack.credits, service.decimals, moneyLocale)}
                    canBuy={page.canBuy && page.payments !== "none"}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}

        <p className="text-sm text-gray-700" data-testid="vat-statement">
          {t("vatAndInvoice", { vat: vatStatement, invoice: t("invoiceNote") })}
        </p>

        {service.technicalName === "sms" && <SmsPricingHelp />}

        {page.payments !== "none" && (
          <p className="text-sm text-gray-600">
            {page.payments === "demo" ? t.rich("demoMode", { strong: (chunks) => <strong>{chunks}</strong> }) : t("stripeMode")}
          </p>
        )}
      </div>
    </>
  );
}
