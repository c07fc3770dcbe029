import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/button";
import { FILTER_CONTROL, FilterField } from "@/components/filter-field";
import { DataTable, type Column } from "@/components/data-table";
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
import { forecastText, workKindLabel } from "../_messages/usage-words";
import { serviceWords } from "../../../iap/_messages/service-words";
import { parseBigId, parseId } from "@/lib/http/params";
import { localeOr } from "@/lib/i18n/locales";
import type { SearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iap"))("account.title") };
}

const PURCHASE_TONE = {
  pending: "neutral",
  paid: "success",
  refunded: "warning",
  partly_refunded: "warning",
  disputed: "danger",
  dispute_won: "success",
  dispute_lost: "danger",
  failed: "danger",
  expired: "neutral",
  canceled: "neutral",
} as const satisfies Record<PurchaseState, Tone>;

/** The first of next month, as a day of the year in the reader's language ("1 January", "1 janvier", "1月1日"). */
function monthAfter(locale: string, date = new Date()): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toLocaleDateString(locale === "en" ? "en-GB" : locale, { day: "numeric", month: "long", timeZone: "UTC" });
}

// Built once per locale: an Intl formatter costs far more to make than to use, and a page formats dozens of days.
const formatters = new Map<string, { monthYear: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat; figures: Intl.NumberFormat[] }>();
function formattersFor(locale: string) {
  let found = formatters.get(locale);
  if (!found) {
    found = {
      monthYear: new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }),
      dayMonth: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }),
      figures: [0, 1, 2, 3, 4, 5, 6].map((decimals) => new Intl.NumberFormat(locale, { maximumFractionDigits: decimals })),
    };
    formatters.set(locale, found);
  }
  return found;
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

export default async function AccountPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: SearchParams }) {
  const { accountId: rawId } = await params;
  const path = `/settings/iap/${rawId}`;
  const user = await requireAdmin(path);
  const t = await getTranslations("iap");
  const locale = localeOr(await getLocale());
  const format = formattersFor(locale);
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
  const dayLabel = (day: string) => format.dayMonth.format(new Date(`${day}T00:00:00Z`));
  const figures = format.figures[Math.min(account.decimals, format.figures.length - 1)];
  const plain = (units: bigint) => formatCredits(units, account.decimals, { locale });
  // The period's credits used, one row per user or per kind of work: who or what, and how much.
  const usedBy = <Line extends { used: bigint }>(caption: string, rows: Line[], rowKey: (line: Line) => string | number, who: Column<Line>) => (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={rowKey}
      empty={<p className="py-2">{t("usage.noUsage")}</p>}
      columns={[who, { key: "used", header: t("usage.used"), numeric: true, cell: (line) => plain(line.used) }]}
    />
  );
  const unitFactor = 10 ** account.decimals;
  const words = serviceWords(t, { technicalName: account.technicalName, name: account.serviceName, unitName: account.unitName, description: account.description });
  const unit = words.unit;
  const credits = (units: bigint) => t("list.amount", { credits: plain(units), unit });
  const signed = (units: bigint) => (units > 0n ? "+" : "") + plain(units);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale === "en" ? undefined : locale);
  const status = creditStatus(account);
  const [budgetYear, budgetMonth] = budgets.month.split("-").map(Number);
  const budgetMonthLabel = format.monthYear.format(new Date(Date.UTC(budgetYear, budgetMonth - 1, 15)));

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("crumbs.settings"), href: "/settings" }, { label: t("crumbs.iapAccount"), href: "/settings/iap" }, { label: words.name }]}
        actions={
          <a href={buyCreditsPath(account.technicalName)} target="_blank" rel="noopener" className={buttonClasses("primary")}>
            {t("account.buyCredit")}
            <span className="sr-only">{t("account.opensNewTab")}</span>
          </a>
        }
      />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        {status === "no-credits" && (
          <div role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-medium">{t("account.noCreditsTitle")}</p>
            <p>{t("account.noCreditsBody", { service: words.name })}</p>
          </div>
        )}
        {showsLowCreditNotice(account) && (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">{t("account.lowTitle")}</p>
            <p>
              {status === "low-credits" && account.warningThreshold !== null
                ? t("account.lowLeftBelow", { credits: credits(account.balance), threshold: credits(account.warningThreshold) })
                : t("account.lowLeft", { credits: credits(account.balance) })}
            </p>
            <p>
              {account.warnedAt
                ? t.rich(account.warningEmail ? "account.lastWarningTo" : "account.lastWarning", {
                    date: () => <DateTime value={account.warnedAt} />,
                    email: account.warningEmail ?? "",
                  })
                : t("account.noWarningYet")}
            </p>
          </div>
        )}

        <Card id="account-information" title={t("account.title")}>
          <DescriptionList
            items={[
              {
                term: t("account.service"),
                details: (
                  <>
                    <span className="font-medium">{words.name}</span>
                    <p className="text-sm text-gray-600">{words.description}</p>
                  </>
                ),
              },
              {
                term: t("account.balance"),
                className: "flex flex-wrap items-center gap-2",
                details: (
                  <>
                    <span className="text-lg font-semibold tabular-nums">{credits(account.balance)}</span>
                    <CreditBadge account={account} />
                  </>
                ),
              },
              account.held > 0n && {
                term: t("account.available"),
                className: "tabular-nums",
                details: (
                  <>
                    {credits(account.balance - account.held)} <span className="text-sm text-gray-600">{t("account.reserved", { credits: credits(account.held) })}</span>
                  </>
                ),
              },
            ]}
          />
          <div className="mt-5 border-t border-gray-100 pt-5">
            <WarningForm
              accountId={account.id}
              unitName={unit}
              decimals={account.decimals}
              companyLanguage={t(`warning.languageNames.${account.companyLocale}`)}
              initial={{
                warnEnabled: account.warnEnabled,
                threshold: account.warningThreshold === null ? "" : formatCredits(account.warningThreshold, account.decimals, { grouping: false, locale }),
                email: account.warningEmail ?? user.email,
                warningLocale: account.warningLocale ?? "",
              }}
            />
          </div>
        </Card>

        <Card id="usage" title={t("usage.title")}>
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <p className="text-base font-medium text-gray-900" data-testid="forecast">
              {forecastText(t, usage.forecast)}
            </p>
            <nav aria-label={t("usage.period")} className="flex gap-1 text-sm">
              {USAGE_PERIODS.map((days) => (
                <Link
                  key={days}
                  href={withParams({ period: String(days) })}
                  aria-current={days === period ? "page" : undefined}
                  className={`rounded-md px-2.5 py-1 ${days === period ? "bg-brand-600 text-white" : "text-gray-700 hover:bg-gray-100"}`}
                >
                  {t("usage.days", { days })}
                </Link>
              ))}
            </nav>
          </div>
          <p className="mt-1 text-xs text-gray-500">{t("usage.method")}</p>
          <figure className="mt-4">
            <UsageChart
              label={t("usage.chartLabel", { service: words.name, unit, days: period })}
              points={usage.days.map((point) => ({ day: point.day, used: Number(point.used) / unitFactor, granted: point.granted > 0n }))}
              formatValue={(value) => figures.format(value)}
              formatDay={dayLabel}
              grantLabel={t("usage.added")}
            />
            <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-gray-600">
              <span>
                <span aria-hidden className="mr-1 inline-block size-2.5 rounded-sm bg-brand-600" />
                {t("usage.legendUsed", { unit, total: plain(usage.totalUsed), days: period })}
              </span>
              <span>
                <span aria-hidden className="mr-1 text-emerald-600">▼</span>
                {t("usage.legendGrant")}
              </span>
            </figcaption>
          </figure>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700">{t("usage.showTable")}</summary>
            <DataTable
              caption={t("usage.tableCaption", { unit, days: period })}
              rows={usage.days.filter((point) => point.used > 0n || point.granted > 0n)}
              rowKey={(point) => point.day}
              empty={<p className="py-2">{t("usage.noMovements")}</p>}
              columns={[
                { key: "day", header: t("usage.day"), rowHeader: true, nowrap: true, cell: (point) => point.day },
                { key: "used", header: t("usage.used"), numeric: true, cell: (point) => plain(point.used) },
                { key: "added", header: t("usage.addedColumn"), numeric: true, cell: (point) => plain(point.granted) },
              ]}
            />
          </details>
          <div className="mt-5 grid gap-6 md:grid-cols-2">
            {usedBy(t("usage.byUser", { days: period }), usage.byUser, (line) => line.userId, {
              key: "user",
              header: t("usage.user"),
              rowHeader: true,
              cell: (line) => (line.userId === 0 ? t("usage.noUser") : (line.userName ?? t("usage.userNumber", { id: line.userId }))),
            })}
            {usedBy(t("usage.byKind", { days: period }), usage.byKind, (line) => line.kind, { key: "kind", header: t("usage.kind"), rowHeader: true, cell: (line) => workKindLabel(t, line.kind) })}
          </div>
        </Card>

        <Card id="budgets" title={t("budgets.title", { month: budgetMonthLabel })}>
          <p className="text-sm text-gray-600">{t("budgets.intro", { unit })}</p>
          <div className="mt-4 flex flex-wrap items-center gap-3 rounded-md bg-gray-50 px-3 py-3">
            <span className="text-sm font-medium text-gray-900">{t("budgets.defaultForAll")}</span>
            <BudgetForm
              accountId={account.id}
              target="default"
              label={t("budgets.defaultLabel")}
              unitName={unit}
              initial={{
                limit: budgets.defaultBudget ? formatCredits(budgets.defaultBudget.limit, account.decimals, { grouping: false, locale }) : "",
                mode: budgets.defaultBudget?.hard === false ? "soft" : "hard",
              }}
            />
          </div>
          <div className="mt-3">
            <DataTable
              framed={false}
              caption={t("budgets.caption")}
              rows={budgets.users}
              rowKey={(line) => line.userId}
              empty={<p className="py-2">{t("budgets.noUsers")}</p>}
              columns={[
                { key: "user", header: t("budgets.user"), rowHeader: true, cell: (line) => line.userName },
                {
                  key: "used",
                  header: t("budgets.usedThisMonth"),
                  numeric: true,
                  cell: (line) => (
                    <>
                      {plain(line.used)}
                      {line.effective && <span className="text-gray-500"> / {plain(line.effective.limit)}</span>}
                      {line.effective && line.used * 5n >= line.effective.limit * 4n && (
                        <span className="ml-2">
                          <StatusBadge tone={line.used >= line.effective.limit ? "danger" : "warning"}>{line.used >= line.effective.limit ? t("budgets.usedUp") : t("budgets.eighty")}</StatusBadge>
                        </span>
                      )}
                    </>
                  ),
                },
                {
                  key: "budget",
                  header: t("budgets.own"),
                  cell: (line) => (
                    <BudgetForm
                      accountId={account.id}
                      target={line.userId}
                      label={t("budgets.budgetFor", { name: line.userName })}
                      unitName={unit}
                      initial={{ limit: line.own ? formatCredits(line.own.limit, account.decimals, { grouping: false, locale }) : "", mode: line.own?.hard === false ? "soft" : "hard" }}
                    />
                  ),
                },
              ]}
            />
          </div>
        </Card>

        <Card id="auto-topup" title={t("autoTopup.title")}>
          <div className="space-y-4">
            <p className="text-sm" data-testid="auto-topup-status">
              {autoTopup.enabled ? (
                <span className="font-medium text-green-800">
                  {t("autoTopup.on")}
                  {autoTopup.cardLabel && t("autoTopup.paidWith", { card: autoTopup.cardLabel })}
                  {autoTopup.monthlyCap !== null && t("autoTopup.used", { used: autoTopup.thisMonth, cap: autoTopup.monthlyCap })}
                  {autoTopup.inFlight && t("autoTopup.inFlight")}
                </span>
              ) : (
                <span className="font-medium text-gray-700">{t("autoTopup.off")}</span>
              )}
            </p>
            {!autoTopup.enabled && autoTopup.disabledReason && (
              <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
                <p className="font-medium">
                  {autoTopup.disabledAt ? t.rich("autoTopup.turnedOffOn", { date: () => <DateTime value={autoTopup.disabledAt} /> }) : t("autoTopup.turnedOff")}
                </p>
                <p>
                  {t.has(`autoTopup.offReasons.${autoTopup.disabledReason}`)
                    ? t(`autoTopup.offReasons.${autoTopup.disabledReason}`)
                    : t("autoTopup.paymentFailed", { reason: autoTopup.disabledReason })}
                </p>
                {autoTopup.disabledMessage && <p className="mt-1 text-red-800">{t("autoTopup.stripeSaid", { message: autoTopup.disabledMessage })}</p>}
              </div>
            )}
            {autoTopup.enabled && autoTopup.capped && (
              <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
                <p className="font-medium">{t("autoTopup.cappedTitle")}</p>
                <p>{t("autoTopup.cappedBody", { used: autoTopup.thisMonth, cap: autoTopup.monthlyCap ?? 0, date: monthAfter(locale) })}</p>
              </div>
            )}
            {cardSetup === "cancelled" && (
              <p role="status" className="text-sm text-amber-900">
                {t("autoTopup.cardCancelled")}
              </p>
            )}
            {packs.length > 0 && (
              <AutoTopupForm
                accountId={account.id}
                unitName={unit}
                needsCard={autoTopup.needsCard}
                packs={packs.map((pack) => ({
                  id: pack.id,
                  label: t("autoTopup.packLabel", { pack: pack.name, credits: formatPackCredits(pack.credits, account.decimals, locale), unit, price: money(pack.price, pack.currency) }),
                }))}
                initial={{
                  enabled: autoTopup.enabled,
                  threshold: autoTopup.threshold === null ? "" : formatCredits(autoTopup.threshold, account.decimals, { grouping: false, locale }),
                  packId: String(autoTopup.packId ?? packs[Math.min(1, packs.length - 1)].id),
                  monthlyCap: String(autoTopup.monthlyCap ?? 3),
                }}
              />
            )}
          </div>
        </Card>

        <Card id="credit-history" title={t("history.title")} flush>
          <form method="get" action={path} className="grid gap-3 px-4 pb-3 sm:grid-cols-6 sm:px-6" aria-label={t("history.filterForm")}>
            {period !== 30 && <input type="hidden" name="period" value={period} />}
            <FilterField label={t("history.kind")}>
              {(id) => (
                <select id={id} name="kind" defaultValue={one("kind") ?? ""} className={FILTER_CONTROL}>
                  <option value="">{t("history.all")}</option>
                  {Object.keys(LEDGER_KIND_LABELS).map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`history.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </FilterField>
            <FilterField label={t("history.user")}>
              {(id) => (
                <select id={id} name="user" defaultValue={one("user") ?? ""} className={FILTER_CONTROL}>
                  <option value="">{t("history.everyone")}</option>
                  {budgets.users.map((line) => (
                    <option key={line.userId} value={line.userId}>
                      {line.userName}
                    </option>
                  ))}
                  <option value="0">{t("usage.noUser")}</option>
                </select>
              )}
            </FilterField>
            <FilterField label={t("history.from")}>
              {(id) => <input type="date" id={id} name="from" defaultValue={one("from") ?? ""} className={FILTER_CONTROL} />}
            </FilterField>
            <FilterField label={t("history.to")}>
              {(id) => <input type="date" id={id} name="to" defaultValue={one("to") ?? ""} className={FILTER_CONTROL} />}
            </FilterField>
            <FilterField label={t("history.search")} wide>
              {(id) => <input type="search" id={id} name="q" defaultValue={one("q") ?? ""} maxLength={100} placeholder={t("history.searchPlaceholder")} className={FILTER_CONTROL} />}
            </FilterField>
            <div className="flex flex-wrap items-center gap-3 sm:col-span-6">
              <button type="submit" className={buttonClasses("secondary")}>
                {t("history.apply")}
              </button>
              {isFiltered(filter) && (
                <Link href={period !== 30 ? `${path}?period=${period}` : path} className={buttonClasses("link")}>
                  {t("history.clear")}
                </Link>
              )}
              <a href={accountHistoryCsvPath(account.id, filterParams)} download className={buttonClasses("link")}>
                {isFiltered(filter) ? t("history.exportFiltered") : t("history.export")}
              </a>
            </div>
            {filterErrors.length > 0 && (
              <p role="alert" className="text-sm text-red-700 sm:col-span-6">
                {filterErrors.join(" ")} {t("history.filterUnused")}
              </p>
            )}
          </form>
          <DataTable
            framed={false}
            caption={isFiltered(filter) ? t("history.captionFiltered") : t("history.caption")}
            rows={history.entries}
            rowKey={(entry) => entry.id.toString()}
            empty={<p className="px-4 py-2 sm:px-6">{isFiltered(filter) ? t("history.noMatch") : before ? t("history.noOlder") : t("history.none")}</p>}
            columns={[
              { key: "date", header: t("history.date"), nowrap: true, className: "text-gray-600", cell: (entry) => <DateTime value={entry.createdAt} /> },
              { key: "kind", header: t("history.kind"), nowrap: true, cell: (entry) => (t.has(`history.kinds.${entry.kind}`) ? t(`history.kinds.${entry.kind}`) : entry.kind) },
              {
                key: "description",
                header: t("history.description"),
                className: "min-w-48 text-gray-700",
                cell: (entry) => {
                  const href = referencePath(entry.reference);
                  return href ? <TextLink href={href}>{entry.description}</TextLink> : entry.description;
                },
              },
              { key: "user", header: t("history.user"), className: "text-gray-600", cell: (entry) => entry.userName ?? "—" },
              { key: "amount", header: t("history.amount"), numeric: true, cell: (entry) => <span className={entry.amount < 0n ? "text-red-700" : "text-green-700"}>{signed(entry.amount)}</span> },
              { key: "balance", header: t("history.balance"), numeric: true, cell: (entry) => plain(entry.balanceAfter) },
            ]}
          />
          {(before !== null || history.olderCursor !== null) && (
            <nav aria-label={t("history.pages")} className="mt-2 flex gap-4 px-4 pb-2 text-sm sm:px-6">
              {before !== null && (
                <Link href={withParams({})} className={buttonClasses("link")}>
                  {t("history.newest")}
                </Link>
              )}
              {history.olderCursor !== null && (
                <Link href={withParams({ before: String(history.olderCursor) })} className={buttonClasses("link")}>
                  {t("history.older")}
                </Link>
              )}
            </nav>
          )}
        </Card>

        <Card id="open-holds" title={t("holds.title")}>
          {holds.length === 0 ? (
            <p className="text-sm text-gray-600">{t("holds.none")}</p>
          ) : (
            <ul className="divide-y divide-gray-100 text-sm">
              {holds.map((hold) => (
                <li key={hold.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium tabular-nums">{credits(hold.amount)}</span> · {hold.description}
                  </span>
                  <span className="text-gray-600">
                    {t.rich("holds.expires", { date: () => <DateTime value={hold.expiresAt} /> })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card id="purchase-history" title={t("purchases.title")} flush>
          <DataTable
            framed={false}
            caption={t("purchases.caption")}
            rows={purchases}
            empty={<p className="px-4 py-2 sm:px-6">{t("purchases.none")}</p>}
            columns={[
              { key: "date", header: t("purchases.date"), nowrap: true, className: "text-gray-600", cell: (purchase) => <DateTime value={purchase.paidAt ?? purchase.createdAt} /> },
              {
                key: "pack",
                header: t("purchases.pack"),
                cell: (purchase) => (
                  <>
                    {purchase.packName}
                    {purchase.origin === "AUTO_TOPUP" && <span className="block text-xs text-gray-500">{t("purchases.autoTopup")}</span>}
                  </>
                ),
              },
              { key: "credits", header: t("purchases.credits"), numeric: true, cell: (purchase) => plain(purchase.credits) },
              {
                key: "paid",
                header: t("purchases.paid"),
                numeric: true,
                cell: (purchase) => (
                  <>
                    {money(purchase.amount, purchase.currency)}
                    {purchase.refundedAmount > 0 && (
                      <span className="block text-xs text-amber-900">{t("purchases.refunded", { amount: money(purchase.refundedAmount, purchase.currency) })}</span>
                    )}
                  </>
                ),
              },
              {
                key: "status",
                header: t("purchases.status"),
                cell: (purchase) => {
                  const state = purchaseState(purchase);
                  return (
                    <>
                      <StatusBadge tone={PURCHASE_TONE[state]}>{t(`purchases.states.${state}`)}</StatusBadge>
                      {purchase.status === "FAILED" && purchase.failureCode && (
                        <span className="block text-xs text-red-800">
                          {t.has(`purchases.failures.${purchase.failureCode}`) ? t(`purchases.failures.${purchase.failureCode}`) : purchase.failureCode}
                        </span>
                      )}
                    </>
                  );
                },
              },
              {
                key: "taken-back",
                header: t("purchases.takenBack"),
                className: "min-w-40 text-gray-700",
                cell: (purchase) =>
                  purchase.takenBack > 0n || purchase.alreadyUsed > 0n || purchase.frozen > 0n ? (
                    <>
                      {purchase.takenBack > 0n && <span className="block tabular-nums">{credits(purchase.takenBack)}</span>}
                      {purchase.frozen > 0n && <span className="block tabular-nums">{t("purchases.frozen", { credits: credits(purchase.frozen) })}</span>}
                      {purchase.alreadyUsed > 0n && (
                        <span className="block text-xs text-gray-600">{t("purchases.alreadyUsed", { credits: plain(purchase.alreadyUsed) })}</span>
                      )}
                    </>
                  ) : (
                    <span className="text-gray-400">—</span>
                  ),
              },
              {
                key: "invoice",
                header: t("purchases.invoice"),
                nowrap: true,
                cell: (purchase) =>
                  purchase.invoice ? (
                    <a href={`${path}/purchases/${purchase.id}/invoice`} target="_blank" rel="noopener" className={buttonClasses("link")}>
                      {purchase.invoice.number ?? t("purchases.invoice")}
                      <span className="sr-only">{t("purchases.invoiceOf", { pack: purchase.packName })}</span>
                    </a>
                  ) : purchase.status === "PAID" ? (
                    <span className="text-xs text-gray-500">{t("purchases.preparing")}</span>
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
