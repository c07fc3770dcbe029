import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { FILTER_CONTROL, FilterField } from "@/components/filter-field";
import { TextLink } from "@/components/text-link";
import type { AccountBudgets } from "@/lib/iap/budgets";
import { LEDGER_KIND_LABELS } from "@/lib/iap/credit-status";
import type { LedgerPage } from "@/lib/iap/history";
import { isFiltered, type HistoryFilter } from "@/lib/iap/history-filter";
import { accountHistoryCsvPath, referencePath } from "@/lib/routes";
import { ledgerDescription } from "../../_messages/ledger-words";
import type { AccountView } from "./account-view";
import { Card } from "./card";

/**
 * The credit history: its filter form (as typed: `raw`, with the errors of a
 * filter that did not parse), one page of entries, the CSV export of the
 * filter, and links to older pages. `pageHref` keeps the filter and period.
 */
export function HistoryCard({
  view,
  history,
  filter,
  raw,
  filterErrors,
  filterParams,
  before,
  period,
  path,
  users,
  pageHref,
}: {
  view: AccountView;
  history: LedgerPage;
  filter: HistoryFilter;
  raw: (key: string) => string | undefined;
  filterErrors: string[];
  filterParams: URLSearchParams;
  before: bigint | null;
  period: number;
  path: string;
  users: AccountBudgets["users"];
  pageHref: (extra: Record<string, string>) => string;
}) {
  const { t, account, plain, signed } = view;
  const one = raw;
  const withParams = pageHref;
  return (
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
              {users.map((line) => (
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
              const description = ledgerDescription(t, entry);
              return href ? <TextLink href={href}>{description}</TextLink> : description;
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
  );
}
