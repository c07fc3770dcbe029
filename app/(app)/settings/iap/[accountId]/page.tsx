import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { requireAdmin } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { getAccountDetail, listLedgerEntries, listOpenHolds, listPurchases } from "@/lib/iap/account-views";
import { creditStatus, LEDGER_KIND_LABELS, showsLowCreditNotice } from "@/lib/iap/credit-status";

import { formatCredits } from "@/lib/iap/units";
import { CreditBadge } from "../_components/credit-badge";
import { WarningForm } from "./_components/warning-form";
import { buyCreditsPath } from "@/lib/routes";
import { parseBigId, parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Account Information" };

const PURCHASE_STATUS = {
  PENDING: { label: "Pending", tone: "neutral" },
  PAID: { label: "Paid", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  EXPIRED: { label: "Expired", tone: "neutral" },
  CANCELED: { label: "Canceled", tone: "neutral" },
} as const satisfies Record<string, { label: string; tone: Tone }>;

/** A titled box; `flush` for a table, which then runs from edge to edge under the title. */
function Card({ title, children, id, flush = false }: { title: string; children: React.ReactNode; id: string; flush?: boolean }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-gray-200 bg-white">
      <h2 id={id} className="border-b border-gray-200 px-4 py-2.5 font-semibold text-gray-900 sm:px-6">
        {title}
      </h2>
      <div className={flush ? "py-2" : "px-4 py-4 sm:px-6"}>{children}</div>
    </section>
  );
}

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { accountId: rawId } = await params;
  const path = `/settings/iap/${rawId}`;
  const user = await requireAdmin(path);
  const accountId = parseId(rawId);
  if (accountId === null) notFound();
  const { before: rawBefore } = await searchParams;
  const before = parseBigId(rawBefore);

  const [account, history, holds, purchases] = await Promise.all([
    getAccountDetail(user.companyId, accountId),
    listLedgerEntries(user.companyId, accountId, { before }),
    listOpenHolds(user.companyId, accountId),
    listPurchases(user.companyId, accountId),
  ]);
  if (!account) notFound();

  const credits = (units: bigint) => `${formatCredits(units, account.decimals)} ${account.unitName}`;
  const signed = (units: bigint) => (units > 0n ? "+" : "") + formatCredits(units, account.decimals);
  const status = creditStatus(account);

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Settings", href: "/settings" }, { label: "IAP Account", href: "/settings/iap" }, { label: account.serviceName }]}
        actions={
          <a href={buyCreditsPath(account.technicalName)} target="_blank" rel="noopener" className={buttonClasses("primary")}>
            Buy Credit<span className="sr-only"> (opens in a new tab)</span>
          </a>
        }
      />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        {status === "no-credits" && (
          <div role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-medium">No credits</p>
            <p>{account.serviceName} cannot be used until you buy credits.</p>
          </div>
        )}
        {showsLowCreditNotice(account) && (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">Low credits</p>
            <p>
              {credits(account.balance)} left
              {status === "low-credits" && account.warningThreshold !== null && <>, below your warning threshold of {credits(account.warningThreshold)}</>}.
            </p>
            <p>
              {account.warnedAt ? (
                <>
                  Last warning: <DateTime value={account.warnedAt} />
                  {account.warningEmail && <> to {account.warningEmail}</>}.
                </>
              ) : (
                <>No warning e-mail sent yet for this drop: it goes out with the next low-credit check.</>
              )}
            </p>
          </div>
        )}

        <Card id="account-information" title="Account Information">
          <DescriptionList
            items={[
              {
                term: "Service",
                details: (
                  <>
                    <span className="font-medium">{account.serviceName}</span>
                    <p className="text-sm text-gray-600">{account.description}</p>
                  </>
                ),
              },
              {
                term: "Balance",
                className: "flex flex-wrap items-center gap-2",
                details: (
                  <>
                    <span className="text-lg font-semibold tabular-nums">{credits(account.balance)}</span>
                    <CreditBadge account={account} />
                  </>
                ),
              },
              account.held > 0n && {
                term: "Available",
                className: "tabular-nums",
                details: (
                  <>
                    {credits(account.balance - account.held)} <span className="text-sm text-gray-500">({credits(account.held)} reserved by work in progress)</span>
                  </>
                ),
              },
            ]}
          />
          <div className="mt-5 border-t border-gray-100 pt-5">
            <WarningForm
              accountId={account.id}
              unitName={account.unitName}
              decimals={account.decimals}
              initial={{
                warnEnabled: account.warnEnabled,
                threshold: account.warningThreshold === null ? "" : formatCredits(account.warningThreshold, account.decimals, { grouping: false }),
                email: account.warningEmail ?? user.email,
              }}
            />
          </div>
        </Card>

        <Card id="credit-history" title="Credit history" flush>
          <DataTable
            framed={false}
            caption="Credit history, newest first"
            rows={history.entries}
            rowKey={(entry) => entry.id.toString()}
            empty={<p className="px-4 py-2 sm:px-6">{before ? "No older entries." : "No credit movements yet."}</p>}
            columns={[
              { key: "date", header: "Date", nowrap: true, className: "text-gray-600", cell: (entry) => <DateTime value={entry.createdAt} /> },
              { key: "kind", header: "Kind", nowrap: true, cell: (entry) => LEDGER_KIND_LABELS[entry.kind] ?? entry.kind },
              { key: "description", header: "Description", className: "min-w-48 text-gray-700", cell: (entry) => entry.description },
              { key: "amount", header: "Amount", numeric: true, cell: (entry) => <span className={entry.amount < 0n ? "text-red-700" : "text-green-700"}>{signed(entry.amount)}</span> },
              { key: "balance", header: "Balance", numeric: true, cell: (entry) => formatCredits(entry.balanceAfter, account.decimals) },
            ]}
          />
          {(before !== null || history.olderCursor !== null) && (
            <nav aria-label="Credit history pages" className="mt-2 flex gap-4 px-4 pb-2 text-sm sm:px-6">
              {before !== null && (
                <Link href={path} className={buttonClasses("link")}>
                  Newest entries
                </Link>
              )}
              {history.olderCursor !== null && (
                <Link href={`${path}?before=${history.olderCursor}`} className={buttonClasses("link")}>
                  Older entries
                </Link>
              )}
            </nav>
          )}
        </Card>

        <Card id="open-holds" title="Reserved credits">
          {holds.length === 0 ? (
            <p className="text-sm text-gray-600">No credits are reserved right now.</p>
          ) : (
            <ul className="divide-y divide-gray-100 text-sm">
              {holds.map((hold) => (
                <li key={hold.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium tabular-nums">{credits(hold.amount)}</span> · {hold.description}
                  </span>
                  <span className="text-gray-600">
                    expires <DateTime value={hold.expiresAt} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card id="purchase-history" title="Purchase history" flush>
          <DataTable
            framed={false}
            caption="Purchases, newest first"
            rows={purchases}
            rowKey={(purchase) => purchase.id}
            empty={<p className="px-4 py-2 sm:px-6">No purchases yet. Use “Buy Credit” to add credits.</p>}
            columns={[
              { key: "date", header: "Date", nowrap: true, className: "text-gray-600", cell: (purchase) => <DateTime value={purchase.paidAt ?? purchase.createdAt} /> },
              { key: "pack", header: "Pack", cell: (purchase) => purchase.packName },
              { key: "credits", header: "Credits", numeric: true, cell: (purchase) => formatCredits(purchase.credits, account.decimals) },
              { key: "paid", header: "Amount paid", numeric: true, cell: (purchase) => formatMoney(purchase.amount, purchase.currency) },
              {
                key: "status",
                header: "Status",
                cell: (purchase) => <StatusBadge tone={PURCHASE_STATUS[purchase.status].tone}>{PURCHASE_STATUS[purchase.status].label}</StatusBadge>,
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
