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
import { confirmCardSetup } from "@/lib/billing/auto-topup/card-setup";
import { getAutoTopup } from "@/lib/billing/auto-topup/settings";
import { formatMoney } from "@/lib/money";
import { formatPackCredits } from "@/lib/billing/pack-pricing";
import { listAccountPacks } from "@/lib/billing/packs";
import { getAccountDetail, listOpenHolds, listPurchases } from "@/lib/iap/account-views";
import { listBudgets } from "@/lib/iap/budgets";
import { listHistory } from "@/lib/iap/history";
import { historyFilterParams, historyFilterSchema, isFiltered, type HistoryFilter } from "@/lib/iap/history-filter";
import { accountUsage, USAGE_PERIODS, type UsagePeriod } from "@/lib/iap/usage";
import { UsageChart } from "@/components/usage-chart";
import { TextLink } from "@/components/text-link";
import { creditStatus, LEDGER_KIND_LABELS, purchaseState, showsLowCreditNotice, type PurchaseState } from "@/lib/iap/credit-status";
import { formatCredits } from "@/lib/iap/units";
import { CreditBadge } from "../_components/credit-badge";
import { AutoTopupForm } from "./_components/auto-topup-form";
import { WarningForm } from "./_components/warning-form";
import { accountHistoryCsvPath, buyCreditsPath, referencePath } from "@/lib/routes";
import { BudgetForm } from "./_components/budget-form";
import { FORECAST_METHOD, forecastText, workKindLabel } from "../_messages/usage-words";
import { parseBigId, parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Account Information" };

const PURCHASE_STATE = {
  pending: { label: "Pending", tone: "neutral" },
  paid: { label: "Paid", tone: "success" },
  refunded: { label: "Refunded", tone: "warning" },
  partly_refunded: { label: "Partly refunded", tone: "warning" },
  disputed: { label: "Disputed", tone: "danger" },
  dispute_won: { label: "Paid (dispute won)", tone: "success" },
  dispute_lost: { label: "Dispute lost", tone: "danger" },
  failed: { label: "Failed", tone: "danger" },
  expired: { label: "Expired", tone: "neutral" },
  canceled: { label: "Canceled", tone: "neutral" },
} as const satisfies Record<PurchaseState, { label: string; tone: Tone }>;

/** Why auto top-up turned itself off, and what fixes it. */
const AUTO_TOPUP_OFF_REASONS: Record<string, string> = {
  card_declined: "The card was declined. Turn auto top-up on again to use another card, or buy credits by hand.",
  requires_action: "The bank asked the cardholder to confirm the payment, which cannot happen automatically. Turn auto top-up on again (a card that needs no confirmation), or buy credits by hand.",
  no_card: "No card is saved for auto top-up. Turn it on again to save one.",
  pack_unavailable: "The chosen pack is no longer on sale. Choose another pack and turn auto top-up on again.",
  payments_off: "Payments are not set up on this server (no Stripe key, not in demo mode). Once they are, turn auto top-up on again.",
};

const FAILURE_REASONS: Record<string, string> = { card_declined: "card declined", requires_action: "bank asked for confirmation" };

function monthAfter(date = new Date()): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
}

// Built once: an Intl formatter costs far more to make than to use, and a page formats dozens of days.
const MONTH_YEAR = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY_MONTH = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
const CREDIT_FIGURES = [0, 1, 2, 3, 4, 5, 6].map((decimals) => new Intl.NumberFormat("en", { maximumFractionDigits: decimals }));

function budgetMonthLabel(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return MONTH_YEAR.format(new Date(Date.UTC(year, number - 1, 15)));
}

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
  const query = await searchParams;
  const one = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
  const before = parseBigId(one("before"));
  const period: UsagePeriod = one("period") === "90" ? 90 : 30;
  // A filter that does not parse is shown with its errors and filters nothing.
  const parsedFilter = historyFilterSchema.safeParse({ kind: one("kind"), user: one("user"), from: one("from"), to: one("to"), q: one("q") });
  const filter: HistoryFilter = parsedFilter.success ? parsedFilter.data : {};
  const filterErrors = parsedFilter.success ? [] : parsedFilter.error.issues.map((issue) => issue.message);

  const cardSetup = one("card_setup");
  // Back from Stripe's card page: keep the card now rather than wait for the webhook.
  if (cardSetup !== undefined && cardSetup !== "cancelled") await confirmCardSetup(user.companyId, cardSetup);
  const [account, history, holds, purchases, usage, budgets, autoTopup, packs] = await Promise.all([
    getAccountDetail(user.companyId, accountId),
    listHistory(user.companyId, accountId, filter, { before }),
    listOpenHolds(user.companyId, accountId),
    listPurchases(user.companyId, accountId),
    accountUsage(user.companyId, accountId, period),
    listBudgets(user.companyId, accountId),
    getAutoTopup(user.companyId, accountId),
    listAccountPacks(user.companyId, accountId),
  ]);
  if (!account || !usage || !budgets) notFound();

  const filterParams = historyFilterParams(filter);
  const withParams = (extra: Record<string, string>) => {
    const params = new URLSearchParams(filterParams);
    if (period !== 30) params.set("period", String(period));
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  const dayLabel = (day: string) => DAY_MONTH.format(new Date(`${day}T00:00:00Z`));
  const figures = CREDIT_FIGURES[Math.min(account.decimals, CREDIT_FIGURES.length - 1)];
  const plain = (units: bigint) => formatCredits(units, account.decimals);
  const unitFactor = 10 ** account.decimals;
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
                    {credits(account.balance - account.held)} <span className="text-sm text-gray-600">({credits(account.held)} reserved by work in progress)</span>
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

        <Card id="usage" title="Usage">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <p className="text-base font-medium text-gray-900" data-testid="forecast">
              {forecastText(usage.forecast)}
            </p>
            <nav aria-label="Usage period" className="flex gap-1 text-sm">
              {USAGE_PERIODS.map((days) => (
                <Link
                  key={days}
                  href={withParams({ period: String(days) })}
                  aria-current={days === period ? "page" : undefined}
                  className={`rounded-md px-2.5 py-1 ${days === period ? "bg-brand-600 text-white" : "text-gray-700 hover:bg-gray-100"}`}
                >
                  {days} days
                </Link>
              ))}
            </nav>
          </div>
          <p className="mt-1 text-xs text-gray-500">{FORECAST_METHOD}</p>
          <figure className="mt-4">
            <UsageChart
              label={`${account.serviceName} ${account.unitName} used per day, last ${period} days`}
              points={usage.days.map((point) => ({ day: point.day, used: Number(point.used) / unitFactor, granted: point.granted > 0n }))}
              formatValue={(value) => figures.format(value)}
              formatDay={dayLabel}
              grantLabel="credits added"
            />
            <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-gray-600">
              <span>
                <span aria-hidden className="mr-1 inline-block size-2.5 rounded-sm bg-brand-600" />
                {account.unitName} used per day: {plain(usage.totalUsed)} in {period} days
              </span>
              <span>
                <span aria-hidden className="mr-1 text-emerald-600">▼</span>
                purchase or top-up
              </span>
            </figcaption>
          </figure>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700">Show the chart as a table</summary>
            <DataTable
              caption={`${account.unitName} used and added per day, last ${period} days (days with movements)`}
              rows={usage.days.filter((point) => point.used > 0n || point.granted > 0n)}
              rowKey={(point) => point.day}
              empty={<p className="py-2">No movements in this period.</p>}
              columns={[
                { key: "day", header: "Day", rowHeader: true, nowrap: true, cell: (point) => point.day },
                { key: "used", header: "Used", numeric: true, cell: (point) => plain(point.used) },
                { key: "added", header: "Added", numeric: true, cell: (point) => plain(point.granted) },
              ]}
            />
          </details>
          <div className="mt-5 grid gap-6 md:grid-cols-2">
            <DataTable
              caption={`By user, last ${period} days`}
              rows={usage.byUser}
              rowKey={(line) => line.userId}
              empty={<p className="py-2">No usage in this period.</p>}
              columns={[
                { key: "user", header: "User", rowHeader: true, cell: (line) => (line.userId === 0 ? "No user (API, background work)" : (line.userName ?? `User ${line.userId}`)) },
                { key: "used", header: "Used", numeric: true, cell: (line) => plain(line.used) },
              ]}
            />
            <DataTable
              caption={`By kind of work, last ${period} days`}
              rows={usage.byKind}
              rowKey={(line) => line.kind}
              empty={<p className="py-2">No usage in this period.</p>}
              columns={[
                { key: "kind", header: "Kind of work", rowHeader: true, cell: (line) => workKindLabel(line.kind) },
                { key: "used", header: "Used", numeric: true, cell: (line) => plain(line.used) },
              ]}
            />
          </div>
        </Card>

        <Card id="budgets" title={`Budgets for ${budgetMonthLabel(budgets.month)}`}>
          <p className="text-sm text-gray-600">
            A monthly limit per user, in {account.unitName}. Hard budgets refuse use beyond the limit; soft ones only warn. At 80 % the user and the
            administrators are told. Months begin at midnight in your company&apos;s time zone; a change applies to the next use.
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-3 rounded-md bg-gray-50 px-3 py-3">
            <span className="text-sm font-medium text-gray-900">Default for all users</span>
            <BudgetForm
              accountId={account.id}
              target="default"
              label="Default budget"
              unitName={account.unitName}
              initial={{
                limit: budgets.defaultBudget ? formatCredits(budgets.defaultBudget.limit, account.decimals, { grouping: false }) : "",
                mode: budgets.defaultBudget?.hard === false ? "soft" : "hard",
              }}
            />
          </div>
          <div className="mt-3">
            <DataTable
              framed={false}
              caption="Budgets per user"
              rows={budgets.users}
              rowKey={(line) => line.userId}
              empty={<p className="py-2">No users.</p>}
              columns={[
                { key: "user", header: "User", rowHeader: true, cell: (line) => line.userName },
                {
                  key: "used",
                  header: "Used this month",
                  numeric: true,
                  cell: (line) => (
                    <>
                      {plain(line.used)}
                      {line.effective && <span className="text-gray-500"> / {plain(line.effective.limit)}</span>}
                      {line.effective && line.used * 5n >= line.effective.limit * 4n && (
                        <span className="ml-2">
                          <StatusBadge tone={line.used >= line.effective.limit ? "danger" : "warning"}>{line.used >= line.effective.limit ? "Used up" : "80 %"}</StatusBadge>
                        </span>
                      )}
                    </>
                  ),
                },
                {
                  key: "budget",
                  header: "Own budget",
                  cell: (line) => (
                    <BudgetForm
                      accountId={account.id}
                      target={line.userId}
                      label={`Budget for ${line.userName}`}
                      unitName={account.unitName}
                      initial={{ limit: line.own ? formatCredits(line.own.limit, account.decimals, { grouping: false }) : "", mode: line.own?.hard === false ? "soft" : "hard" }}
                    />
                  ),
                },
              ]}
            />
          </div>
        </Card>

        <Card id="auto-topup" title="Auto top-up">
          <div className="space-y-4">
            <p className="text-sm" data-testid="auto-topup-status">
              {autoTopup.enabled ? (
                <span className="font-medium text-green-800">
                  On
                  {autoTopup.cardLabel && <> · paid with the saved card {autoTopup.cardLabel}</>}
                  {autoTopup.monthlyCap !== null && <> · {autoTopup.thisMonth} of {autoTopup.monthlyCap} top-ups used this month</>}
                  {autoTopup.inFlight && <> · a top-up is being paid right now</>}
                </span>
              ) : (
                <span className="font-medium text-gray-700">Off</span>
              )}
            </p>
            {!autoTopup.enabled && autoTopup.disabledReason && (
              <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
                <p className="font-medium">
                  Auto top-up turned itself off{autoTopup.disabledAt && <> on <DateTime value={autoTopup.disabledAt} /></>}.
                </p>
                <p>{AUTO_TOPUP_OFF_REASONS[autoTopup.disabledReason] ?? `The payment failed (${autoTopup.disabledReason}).`}</p>
                {autoTopup.disabledMessage && <p className="mt-1 text-red-800">Stripe said: “{autoTopup.disabledMessage}”</p>}
              </div>
            )}
            {autoTopup.enabled && autoTopup.capped && (
              <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
                <p className="font-medium">Monthly limit reached</p>
                <p>
                  {autoTopup.thisMonth} of {autoTopup.monthlyCap} top-ups were bought this month, so no more are bought until {monthAfter()}. Raise the limit or buy credits by hand.
                </p>
              </div>
            )}
            {cardSetup === "cancelled" && (
              <p role="status" className="text-sm text-amber-900">No card was saved, so auto top-up stays off.</p>
            )}
            {packs.length > 0 && (
              <AutoTopupForm
                accountId={account.id}
                unitName={account.unitName}
                needsCard={autoTopup.needsCard}
                packs={packs.map((pack) => ({ id: pack.id, label: `${pack.name} (${formatPackCredits(pack.credits, account.decimals)} ${account.unitName}, ${formatMoney(pack.price, pack.currency)})` }))}
                initial={{
                  enabled: autoTopup.enabled,
                  threshold: autoTopup.threshold === null ? "" : formatCredits(autoTopup.threshold, account.decimals, { grouping: false }),
                  packId: String(autoTopup.packId ?? packs[Math.min(1, packs.length - 1)].id),
                  monthlyCap: String(autoTopup.monthlyCap ?? 3),
                }}
              />
            )}
          </div>
        </Card>

        <Card id="credit-history" title="Credit history" flush>
          <form method="get" action={path} className="grid gap-3 px-4 pb-3 sm:grid-cols-6 sm:px-6" aria-label="Filter the credit history">
            {period !== 30 && <input type="hidden" name="period" value={period} />}
            <div className="text-sm sm:col-span-1">
              <label htmlFor="history-kind" className="block font-medium text-gray-800">
                Kind
              </label>
              <select id="history-kind" name="kind" defaultValue={one("kind") ?? ""} className="mt-1 w-full rounded-md border border-gray-300 bg-white px-2 py-1.5">
                <option value="">All</option>
                {Object.entries(LEDGER_KIND_LABELS).map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="text-sm sm:col-span-1">
              <label htmlFor="history-user" className="block font-medium text-gray-800">
                User
              </label>
              <select id="history-user" name="user" defaultValue={one("user") ?? ""} className="mt-1 w-full rounded-md border border-gray-300 bg-white px-2 py-1.5">
                <option value="">Everyone</option>
                {budgets.users.map((line) => (
                  <option key={line.userId} value={line.userId}>
                    {line.userName}
                  </option>
                ))}
                <option value="0">No user (API, background work)</option>
              </select>
            </div>
            <div className="text-sm sm:col-span-1">
              <label htmlFor="history-from" className="block font-medium text-gray-800">
                From
              </label>
              <input type="date" id="history-from" name="from" defaultValue={one("from") ?? ""} className="mt-1 w-full rounded-md border border-gray-300 px-2 py-1" />
            </div>
            <div className="text-sm sm:col-span-1">
              <label htmlFor="history-to" className="block font-medium text-gray-800">
                To
              </label>
              <input type="date" id="history-to" name="to" defaultValue={one("to") ?? ""} className="mt-1 w-full rounded-md border border-gray-300 px-2 py-1" />
            </div>
            <div className="text-sm sm:col-span-2">
              <label htmlFor="history-q" className="block font-medium text-gray-800">
                Search
              </label>
              <input type="search" id="history-q" name="q" defaultValue={one("q") ?? ""} maxLength={100} placeholder="Description or reference" className="mt-1 w-full rounded-md border border-gray-300 px-2 py-1.5" />
            </div>
            <div className="flex flex-wrap items-center gap-3 sm:col-span-6">
              <button type="submit" className={buttonClasses("secondary")}>
                Apply filters
              </button>
              {isFiltered(filter) && (
                <Link href={period !== 30 ? `${path}?period=${period}` : path} className={buttonClasses("link")}>
                  Clear filters
                </Link>
              )}
              <a href={accountHistoryCsvPath(account.id, filterParams)} download className={buttonClasses("link")}>
                Export CSV{isFiltered(filter) ? " (filtered)" : ""}
              </a>
            </div>
            {filterErrors.length > 0 && (
              <p role="alert" className="text-sm text-red-700 sm:col-span-6">
                {filterErrors.join(" ")} The history is shown unfiltered.
              </p>
            )}
          </form>
          <DataTable
            framed={false}
            caption={isFiltered(filter) ? "Credit history, filtered, newest first" : "Credit history, newest first"}
            rows={history.entries}
            rowKey={(entry) => entry.id.toString()}
            empty={<p className="px-4 py-2 sm:px-6">{isFiltered(filter) ? "No entries match these filters." : before ? "No older entries." : "No credit movements yet."}</p>}
            columns={[
              { key: "date", header: "Date", nowrap: true, className: "text-gray-600", cell: (entry) => <DateTime value={entry.createdAt} /> },
              { key: "kind", header: "Kind", nowrap: true, cell: (entry) => LEDGER_KIND_LABELS[entry.kind] ?? entry.kind },
              {
                key: "description",
                header: "Description",
                className: "min-w-48 text-gray-700",
                cell: (entry) => {
                  const href = referencePath(entry.reference);
                  return href ? <TextLink href={href}>{entry.description}</TextLink> : entry.description;
                },
              },
              { key: "user", header: "User", className: "text-gray-600", cell: (entry) => entry.userName ?? "—" },
              { key: "amount", header: "Amount", numeric: true, cell: (entry) => <span className={entry.amount < 0n ? "text-red-700" : "text-green-700"}>{signed(entry.amount)}</span> },
              { key: "balance", header: "Balance", numeric: true, cell: (entry) => formatCredits(entry.balanceAfter, account.decimals) },
            ]}
          />
          {(before !== null || history.olderCursor !== null) && (
            <nav aria-label="Credit history pages" className="mt-2 flex gap-4 px-4 pb-2 text-sm sm:px-6">
              {before !== null && (
                <Link href={withParams({})} className={buttonClasses("link")}>
                  Newest entries
                </Link>
              )}
              {history.olderCursor !== null && (
                <Link href={withParams({ before: String(history.olderCursor) })} className={buttonClasses("link")}>
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
              {
                key: "pack",
                header: "Pack",
                cell: (purchase) => (
                  <>
                    {purchase.packName}
                    {purchase.origin === "AUTO_TOPUP" && <span className="block text-xs text-gray-500">Auto top-up</span>}
                  </>
                ),
              },
              { key: "credits", header: "Credits", numeric: true, cell: (purchase) => formatCredits(purchase.credits, account.decimals) },
              {
                key: "paid",
                header: "Amount paid",
                numeric: true,
                cell: (purchase) => (
                  <>
                    {formatMoney(purchase.amount, purchase.currency)}
                    {purchase.refundedAmount > 0 && <span className="block text-xs text-amber-900">{formatMoney(purchase.refundedAmount, purchase.currency)} refunded</span>}
                  </>
                ),
              },
              {
                key: "status",
                header: "Status",
                cell: (purchase) => {
                  const state = PURCHASE_STATE[purchaseState(purchase)];
                  return (
                    <>
                      <StatusBadge tone={state.tone}>{state.label}</StatusBadge>
                      {purchase.status === "FAILED" && purchase.failureCode && (
                        <span className="block text-xs text-red-800">{FAILURE_REASONS[purchase.failureCode] ?? purchase.failureCode}</span>
                      )}
                    </>
                  );
                },
              },
              {
                key: "taken-back",
                header: "Credits taken back",
                className: "min-w-40 text-gray-700",
                cell: (purchase) =>
                  purchase.takenBack > 0n || purchase.alreadyUsed > 0n || purchase.frozen > 0n ? (
                    <>
                      {purchase.takenBack > 0n && <span className="block tabular-nums">{credits(purchase.takenBack)}</span>}
                      {purchase.frozen > 0n && <span className="block tabular-nums">{credits(purchase.frozen)} frozen while disputed</span>}
                      {purchase.alreadyUsed > 0n && (
                        <span className="block text-xs text-gray-600">{formatCredits(purchase.alreadyUsed, account.decimals)} credits had already been used</span>
                      )}
                    </>
                  ) : (
                    <span className="text-gray-400">—</span>
                  ),
              },
              {
                key: "invoice",
                header: "Invoice",
                nowrap: true,
                cell: (purchase) =>
                  purchase.invoice ? (
                    <a href={`${path}/purchases/${purchase.id}/invoice`} target="_blank" rel="noopener" className={buttonClasses("link")}>
                      {purchase.invoice.number ?? "Invoice"}
                      <span className="sr-only"> (invoice of the {purchase.packName}, opens in a new tab)</span>
                    </a>
                  ) : purchase.status === "PAID" ? (
                    <span className="text-xs text-gray-500">Being prepared</span>
                  ) : (
                    <span className="text-gray-400">—</span>
                  ),
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
