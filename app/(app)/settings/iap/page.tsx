import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { requireAdmin } from "@/lib/auth/session";
import { listServiceAccounts } from "@/lib/iap/account-views";
import { usageTrends } from "@/lib/iap/usage";
import { Sparkline } from "@/components/usage-chart";
import { formatCredits } from "@/lib/iap/units";
import { accountPath, serviceAccountPath } from "@/lib/routes";
import { localeOr } from "@/lib/i18n/locales";
import { serviceWords } from "../../iap/_messages/service-words";
import { CreditBadge } from "./_components/credit-badge";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("iap", "list.title");

const TREND_DAYS = 14;

export default async function IapAccountsPage() {
  const user = await requireAdmin("/settings/iap");
  const [services, trends] = await Promise.all([listServiceAccounts(user.companyId), usageTrends(user.companyId, TREND_DAYS)]);
  const [t, tableWords] = await Promise.all([getTranslations("iap"), getTranslations("iap.list")]);
  const locale = localeOr(await getLocale());
  const figure = (units: bigint, decimals: number) => formatCredits(units, decimals, { locale });
  const words = (service: (typeof services)[number]) => serviceWords(t, { technicalName: service.technicalName, name: service.serviceName, unitName: service.unitName });
  return (
    <>
      <PageHeader crumbs={[{ label: t("crumbs.settings"), href: "/settings" }, { label: t("crumbs.iapAccount") }]} />
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-6 sm:px-6">
        <p className="text-sm text-gray-700">{t("list.intro")}</p>
        <DataTable
          cards
          words={tableWords}
          rows={services}
          rowKey={(service) => service.technicalName}
          // The service name's link covers the whole row (after:inset-0): the row opens the account.
          rowClassName={() => "relative cursor-pointer hover:bg-brand-50 focus-within:bg-brand-50"}
          columns={[
            {
              key: "service",
              rowHeader: true,
              cell: (service) => (
                <Link
                  href={service.account ? accountPath(service.account.id) : serviceAccountPath(service.technicalName)}
                  prefetch={false}
                  className="inline-flex items-center gap-1 text-brand-700 underline decoration-brand-700/40 underline-offset-2 after:absolute after:inset-0 hover:decoration-brand-700"
                >
                  {words(service).name}
                  <span aria-hidden>›</span>
                </Link>
              ),
            },
            {
              key: "balance",
              numeric: true,
              cell: (service) =>
                service.account ? (
                  t("list.amount", { credits: figure(service.account.balance, service.decimals), unit: words(service).unit })
                ) : (
                  <span className="text-gray-700">{t("list.notUsed")}</span>
                ),
            },
            {
              key: "threshold",
              numeric: true,
              className: "text-gray-700",
              cell: (service) =>
                service.account?.warnEnabled && service.account.warningThreshold !== null ? (
                  t("list.amount", { credits: figure(service.account.warningThreshold, service.decimals), unit: words(service).unit })
                ) : (
                  <span aria-label={t("list.noWarning")}>—</span>
                ),
            },
            {
              key: "trend",
              header: t("list.trend", { days: TREND_DAYS }),
              cell: (service) => {
                if (!service.account) return null;
                const trend = trends.get(service.account.id) ?? [];
                const total = trend.reduce((sum, units) => sum + units, 0n);
                const text = t("list.trendText", { credits: figure(total, service.decimals), unit: words(service).unit, days: TREND_DAYS });
                return (
                  <span className="relative z-10 inline-flex items-center gap-2 text-xs text-gray-600" title={text}>
                    <Sparkline values={trend.map((units) => Number(units))} label={text} />
                    <span className="tabular-nums">{figure(total, service.decimals)}</span>
                  </span>
                );
              },
            },
            {
              key: "status",
              headerHidden: true,
              cell: (service) =>
                service.account ? (
                  <CreditBadge account={service.account} />
                ) : service.trialOnFirstUse > 0n ? (
                  <StatusBadge tone="info">
                    {t("list.trial", { credits: figure(service.trialOnFirstUse, service.decimals), count: Number(service.trialOnFirstUse) / 10 ** service.decimals })}
                  </StatusBadge>
                ) : null,
            },
          ]}
        />
      </div>
    </>
  );
}
