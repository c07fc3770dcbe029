import Link from "next/link";
import { DataTable, type Column } from "@/components/data-table";
import { UsageChart } from "@/components/usage-chart";
import { USAGE_PERIODS, type AccountUsage, type UsagePeriod } from "@/lib/iap/usage";
import { forecastText, workKindLabel } from "../../_messages/usage-words";
import type { AccountView } from "./account-view";
import { Card } from "./card";

// The period's credits used, one row per user or per kind of work: who or what, and how much.
function usedBy<Line extends { used: bigint }>({ t, plain }: AccountView, caption: string, rows: Line[], rowKey: (line: Line) => string | number, who: Column<Line>) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={rowKey}
      empty={<p className="py-2">{t("usage.noUsage")}</p>}
      columns={[who, { key: "used", header: t("usage.used"), numeric: true, cell: (line) => plain(line.used) }]}
    />
  );
}

/** Usage at a glance: the forecast, the chart of the period (with its table), and who and what used the credits. */
export function UsageCard({ view, usage, period, periodHref }: { view: AccountView; usage: AccountUsage; period: UsagePeriod; periodHref: (days: UsagePeriod) => string }) {
  const { t, words, unit, plain, figures, dayLabel } = view;
  const unitFactor = 10 ** view.account.decimals;
  return (
    <Card id="usage" title={t("usage.title")}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-base font-medium text-gray-900" data-testid="forecast">
          {forecastText(t, usage.forecast)}
        </p>
        <nav aria-label={t("usage.period")} className="flex gap-1 text-sm">
          {USAGE_PERIODS.map((days) => (
            <Link
              key={days}
              href={periodHref(days)}
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
        {usedBy(view, t("usage.byUser", { days: period }), usage.byUser, (line) => line.userId, {
          key: "user",
          header: t("usage.user"),
          rowHeader: true,
          cell: (line) => (line.userId === 0 ? t("usage.noUser") : (line.userName ?? t("usage.userNumber", { id: line.userId }))),
        })}
        {usedBy(view, t("usage.byKind", { days: period }), usage.byKind, (line) => line.kind, { key: "kind", header: t("usage.kind"), rowHeader: true, cell: (line) => workKindLabel(t, line.kind) })}
      </div>
    </Card>
  );
}
