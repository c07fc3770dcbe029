import { getTranslations } from "next-intl/server";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { listOutbox } from "@/lib/mail/outbox";
import { canRetry } from "@/lib/mail/status";
import { outboxEmailPath } from "@/lib/routes";
import { DeliveryNotice } from "./_components/delivery-notice";
import { RetryButton } from "./_components/retry-button";
import { EmailStatusBadge } from "./_components/email-status-badge";
import { lastErrorText } from "./_components/last-error";
import { TextLink } from "@/components/text-link";
import { parsePage } from "@/lib/http/params";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("outbox", "title");

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireAdmin("/settings/outbox");
  const { page } = await searchParams;
  const [t, common, outbox] = await Promise.all([getTranslations("outbox"), getTranslations("common"), listOutbox(user.companyId, parsePage(page))]);
  return (
    <>
      <PageHeader crumbs={[{ label: common("nav.settings"), href: "/settings" }, { label: t("title") }]} />
      <div className="space-y-4 px-4 py-6 sm:px-6">
        <DeliveryNotice />
        <DataTable
          cards
          caption={t("list.caption")}
          rows={outbox.rows}
          empty={t("list.empty")}
          columns={[
            { key: "to", header: t("fields.to"), nowrap: true, cell: (row) => row.to },
            { key: "subject", header: t("fields.subject"), rowHeader: true, className: "min-w-56", cell: (row) => <TextLink href={outboxEmailPath(row.id)}>{row.subject}</TextLink> },
            { key: "state", header: t("fields.state"), cell: (row) => <EmailStatusBadge row={row} /> },
            { key: "attempts", header: t("fields.attempts"), numeric: true, cell: (row) => row.attempts },
            {
              key: "error",
              header: t("fields.lastError"),
              className: "max-w-xs text-gray-700",
              cell: (row) => {
                if (!row.lastError) return <span className="text-gray-600">—</span>;
                const error = lastErrorText(row.lastError, t);
                return (
                  <span className="line-clamp-2" title={error}>
                    {error}
                  </span>
                );
              },
            },
            { key: "created", header: t("fields.created"), nowrap: true, cell: (row) => <DateTime value={row.createdAt} /> },
            { key: "sent", header: t("fields.sent"), nowrap: true, cell: (row) => <DateTime value={row.sentAt} /> },
            { ...ACTIONS_COLUMN, header: t("fields.actions"), cell: (row) => canRetry(row) && <RetryButton id={row.id} subject={row.subject} compact /> },
          ]}
        />
        {outbox.pages > 1 && (
          <nav aria-label={t("list.pages")} className="flex items-center justify-between text-sm text-gray-600">
            <span>{t("list.pageOf", { page: outbox.page, pages: outbox.pages, total: outbox.total })}</span>
            <span className="flex gap-3">
              {outbox.page > 1 && <TextLink href={`/settings/outbox?page=${outbox.page - 1}`}>{t("list.newer")}</TextLink>}
              {outbox.page < outbox.pages && <TextLink href={`/settings/outbox?page=${outbox.page + 1}`}>{t("list.older")}</TextLink>}
            </span>
          </nav>
        )}
      </div>
    </>
  );
}
