import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { creditsText } from "@/components/plural";
import { requireAdmin } from "@/lib/auth/session";
import { listServiceAccounts } from "@/lib/iap/account-views";
import { usageTrends } from "@/lib/iap/usage";
import { Sparkline } from "@/components/usage-chart";
import { formatCredits } from "@/lib/iap/units";
import { accountPath, serviceAccountPath } from "@/lib/routes";
import { CreditBadge } from "./_components/credit-badge";

export const metadata: Metadata = { title: "IAP Account" };

const TREND_DAYS = 14;

export default async function IapAccountsPage() {
  const user = await requireAdmin("/settings/iap");
  const [services, trends] = await Promise.all([listServiceAccounts(user.companyId), usageTrends(user.companyId, TREND_DAYS)]);
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "IAP Account" }]} />
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-6 sm:px-6">
        <p className="text-sm text-gray-700">Every service this database can use. Services need no set-up: open one to see its balance, buy credits or set a low-credit warning.</p>
        <DataTable
          cards
          caption="Your IAP accounts, one per service"
          rows={services}
          rowKey={(service) => service.technicalName}
          // The service name's link covers the whole row (after:inset-0): the row opens the account.
          rowClassName={() => "relative cursor-pointer hover:bg-brand-50 focus-within:bg-brand-50"}
          empty="No services are installed."
          columns={[
            {
              key: "service",
              header: "Service",
              rowHeader: true,
              cell: (service) => (
                <Link
                  href={service.account ? accountPath(service.account.id) : serviceAccountPath(service.technicalName)}
                  prefetch={false}
                  className="inline-flex items-center gap-1 text-brand-700 underline decoration-brand-700/40 underline-offset-2 after:absolute after:inset-0 hover:decoration-brand-700"
                >
                  {service.serviceName}
                  <span aria-hidden>›</span>
                </Link>
              ),
            },
            {
              key: "balance",
              header: "Balance",
              numeric: true,
              cell: (service) =>
                service.account ? (
                  creditsText(service.account.balance, service.decimals, service.unitName)
                ) : (
                  <span className="text-gray-700">Not used yet</span>
                ),
            },
            {
              key: "threshold",
              header: "Warning threshold",
              numeric: true,
              className: "text-gray-700",
              cell: (service) =>
                service.account?.warnEnabled && service.account.warningThreshold !== null ? (
                  creditsText(service.account.warningThreshold, service.decimals, service.unitName)
                ) : (
                  <span aria-label="No warning">—</span>
                ),
            },
            {
              key: "trend",
              header: `Use, last ${TREND_DAYS} days`,
              cell: (service) => {
                if (!service.account) return null;
                const trend = trends.get(service.account.id) ?? [];
                const total = trend.reduce((sum, units) => sum + units, 0n);
                const text = `${formatCredits(total, service.decimals)} ${service.unitName} used in the last ${TREND_DAYS} days`;
                return (
                  <span className="relative z-10 inline-flex items-center gap-2 text-xs text-gray-600" title={text}>
                    <Sparkline values={trend.map((units) => Number(units))} label={text} />
                    <span className="tabular-nums">{formatCredits(total, service.decimals)}</span>
                  </span>
                );
              },
            },
            {
              key: "status",
              header: "Status",
              headerHidden: true,
              cell: (service) =>
                service.account ? (
                  <CreditBadge account={service.account} />
                ) : service.trialOnFirstUse > 0n ? (
                  <StatusBadge tone="info">{creditsText(service.trialOnFirstUse, service.decimals, "free trial credits", "free trial credit")} on first use</StatusBadge>
                ) : null,
            },
          ]}
        />
      </div>
    </>
  );
}
