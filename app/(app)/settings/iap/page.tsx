import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { listAccounts } from "@/lib/iap/account-views";
import { formatCredits } from "@/lib/iap/units";
import { accountPath } from "@/lib/routes";
import { CreditBadge } from "./_components/credit-badge";

export const metadata: Metadata = { title: "IAP Account" };

export default async function IapAccountsPage() {
  const user = await requireAdmin("/settings/iap");
  const accounts = await listAccounts(user.companyId);
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "IAP Account" }]} />
      <div className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
        <DataTable
          caption="Your IAP accounts, one per service"
          rows={accounts}
          rowKey={(account) => account.id}
          // The service name's link covers the whole row (after:inset-0), so the row opens the account.
          rowClassName={() => "relative hover:bg-brand-50 focus-within:bg-brand-50"}
          empty={
            <>
              <h2 className="font-medium text-gray-900">No service used yet</h2>
              <p className="mx-auto mt-2 max-w-md">
                Services need no set-up: an account appears here, with its balance, the first time someone in your company uses a service such as SMS.
              </p>
            </>
          }
          columns={[
            {
              key: "service",
              header: "Service",
              rowHeader: true,
              cell: (account) => (
                <Link href={accountPath(account.id)} className="text-gray-900 after:absolute after:inset-0">
                  {account.serviceName}
                </Link>
              ),
            },
            { key: "balance", header: "Balance", numeric: true, cell: (account) => `${formatCredits(account.balance, account.decimals)} ${account.unitName}` },
            {
              key: "threshold",
              header: "Warning threshold",
              numeric: true,
              className: "text-gray-600",
              cell: (account) =>
                account.warnEnabled && account.warningThreshold !== null ? (
                  `${formatCredits(account.warningThreshold, account.decimals)} ${account.unitName}`
                ) : (
                  <span className="text-gray-400" aria-label="No warning">
                    —
                  </span>
                ),
            },
            { key: "status", header: "Status", headerHidden: true, cell: (account) => <CreditBadge account={account} /> },
          ]}
        />
      </div>
    </>
  );
}
