import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { listAccounts } from "@/lib/iap/account-views";
import { formatCredits } from "@/lib/iap/units";
import { CreditBadge } from "./_components/credit-badge";

export const metadata: Metadata = { title: "IAP Account" };

export default async function IapAccountsPage() {
  const user = await requireAdmin("/settings/iap");
  const accounts = await listAccounts(user.companyId);
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "IAP Account" }]} />
      <div className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
        {accounts.length === 0 ? (
          <div className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-12 text-center">
            <h2 className="font-medium text-gray-900">No service used yet</h2>
            <p className="mx-auto mt-2 max-w-md text-sm text-gray-600">
              Services need no set-up: an account appears here, with its balance, the first time someone in your company uses a
              service such as SMS.
            </p>
          </div>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your IAP accounts, one per service</caption>
              <thead className="bg-gray-50 text-gray-600">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">Service</th>
                  <th scope="col" className="px-4 py-2.5 text-right font-medium">Balance</th>
                  <th scope="col" className="px-4 py-2.5 text-right font-medium">Warning threshold</th>
                  <th scope="col" className="px-4 py-2.5 font-medium"><span className="sr-only">Status</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {accounts.map((account) => (
                  // The service name's link covers the whole row (after:inset-0), so the row opens the account.
                  <tr key={account.id} className="relative hover:bg-brand-50 focus-within:bg-brand-50">
                    <th scope="row" className="px-4 py-3 font-medium">
                      <Link href={`/settings/iap/${account.id}`} className="text-gray-900 after:absolute after:inset-0">
                        {account.serviceName}
                      </Link>
                    </th>
                    <td className="px-4 py-3 text-right tabular-nums">
                      {formatCredits(account.balance, account.decimals)} {account.unitName}
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums text-gray-600">
                      {account.warnEnabled && account.warningThreshold !== null
                        ? `${formatCredits(account.warningThreshold, account.decimals)} ${account.unitName}`
                        : <span className="text-gray-400" aria-label="No warning">—</span>}
                    </td>
                    <td className="px-4 py-3">
                      <CreditBadge account={account} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
