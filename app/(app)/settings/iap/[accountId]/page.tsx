import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { formatMoney } from "@/lib/billing/money";
import { getAccountDetail, listLedgerEntries, listOpenHolds, listPurchases } from "@/lib/iap/account-views";
import { creditStatus, LEDGER_KIND_LABELS, showsLowCreditNotice } from "@/lib/iap/credit-status";
import { buyCreditsPath } from "@/lib/iap/errors";
import { formatCredits } from "@/lib/iap/units";
import { CreditBadge } from "../_components/credit-badge";
import { WarningForm } from "./_components/warning-form";
import { parseBigId, parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Account Information" };

const PURCHASE_STATUS = { PENDING: "Pending", PAID: "Paid", FAILED: "Failed", EXPIRED: "Expired", CANCELED: "Canceled" } as const;

function Card({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-gray-200 bg-white">
      <h2 id={id} className="border-b border-gray-200 px-4 py-2.5 font-semibold text-gray-900 sm:px-6">
        {title}
      </h2>
      <div className="px-4 py-4 sm:px-6">{children}</div>
    </section>
  );
}

/** Column headings; the first and last are padded like the card's edges. */
function TableHead({ columns }: { columns: (string | [string, "right"])[] }) {
  return (
    <thead className="text-gray-600">
      <tr>
        {columns.map((column, index) => {
          const [label, align] = typeof column === "string" ? [column, "left"] : column;
          const edge = index === 0 || index === columns.length - 1 ? "sm:px-6" : "";
          return (
            <th key={label} scope="col" className={`px-4 py-2 font-medium ${align === "right" ? "text-right" : ""} ${edge}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
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
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
            <dt className="text-sm text-gray-500">Service</dt>
            <dd>
              <span className="font-medium">{account.serviceName}</span>
              <p className="text-sm text-gray-600">{account.description}</p>
            </dd>
            <dt className="text-sm text-gray-500">Balance</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <span className="text-lg font-semibold tabular-nums">{credits(account.balance)}</span>
              <CreditBadge account={account} />
            </dd>
            {account.held > 0n && (
              <>
                <dt className="text-sm text-gray-500">Available</dt>
                <dd className="tabular-nums">
                  {credits(account.balance - account.held)}{" "}
                  <span className="text-sm text-gray-500">({credits(account.held)} reserved by work in progress)</span>
                </dd>
              </>
            )}
          </dl>
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

        <Card id="credit-history" title="Credit history">
          {history.entries.length === 0 ? (
            <p className="text-sm text-gray-600">{before ? "No older entries." : "No credit movements yet."}</p>
          ) : (
            <div className="-mx-4 overflow-x-auto sm:-mx-6">
              <table className="w-full text-left text-sm">
                <TableHead columns={["Date", "Kind", "Description", ["Amount", "right"], ["Balance", "right"]]} />
                <tbody className="divide-y divide-gray-100">
                  {history.entries.map((entry) => (
                    <tr key={entry.id.toString()}>
                      <td className="whitespace-nowrap px-4 py-2 text-gray-600 sm:px-6"><DateTime value={entry.createdAt} /></td>
                      <td className="whitespace-nowrap px-4 py-2">{LEDGER_KIND_LABELS[entry.kind] ?? entry.kind}</td>
                      <td className="min-w-48 px-4 py-2 text-gray-700">{entry.description}</td>
                      <td className={`whitespace-nowrap px-4 py-2 text-right tabular-nums ${entry.amount < 0n ? "text-red-700" : "text-green-700"}`}>
                        {signed(entry.amount)}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums sm:px-6">{formatCredits(entry.balanceAfter, account.decimals)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(before !== null || history.olderCursor !== null) && (
            <nav aria-label="Credit history pages" className="mt-4 flex gap-4 text-sm">
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

        <Card id="purchase-history" title="Purchase history">
          {purchases.length === 0 ? (
            <p className="text-sm text-gray-600">No purchases yet. Use “Buy Credit” to add credits.</p>
          ) : (
            <div className="-mx-4 overflow-x-auto sm:-mx-6">
              <table className="w-full text-left text-sm">
                <TableHead columns={["Date", "Pack", ["Credits", "right"], ["Amount paid", "right"], "Status"]} />
                <tbody className="divide-y divide-gray-100">
                  {purchases.map((purchase) => (
                    <tr key={purchase.id}>
                      <td className="whitespace-nowrap px-4 py-2 text-gray-600 sm:px-6"><DateTime value={purchase.paidAt ?? purchase.createdAt} /></td>
                      <td className="px-4 py-2">{purchase.packName}</td>
                      <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatCredits(purchase.credits, account.decimals)}</td>
                      <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatMoney(purchase.amount, purchase.currency)}</td>
                      <td className="px-4 py-2 sm:px-6">{PURCHASE_STATUS[purchase.status] ?? purchase.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
