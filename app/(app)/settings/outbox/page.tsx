import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { listOutbox } from "@/lib/mail/outbox";
import { canRetry } from "@/lib/mail/status";
import { outboxEmailPath } from "@/lib/routes";
import { DeliveryNotice } from "./_components/delivery-notice";
import { RetryButton } from "./_components/retry-button";
import { EmailStatusBadge } from "./_components/email-status-badge";
import { TextLink } from "@/components/text-link";
import { parsePage } from "@/lib/http/params";

export const metadata: Metadata = { title: "Outgoing E-mails" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireAdmin("/settings/outbox");
  const { page } = await searchParams;
  const outbox = await listOutbox(user.companyId, parsePage(page));
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "Outgoing E-mails" }]} />
      <div className="space-y-4 px-4 py-6 sm:px-6">
        <DeliveryNotice />
        <DataTable
          cards
          caption="Outgoing e-mails, newest first"
          rows={outbox.rows}
          rowKey={(row) => row.id}
          empty="No e-mails yet. Low-credit warnings appear here when an account with Warn Me on falls below its threshold."
          columns={[
            { key: "to", header: "To", nowrap: true, cell: (row) => row.to },
            { key: "subject", header: "Subject", rowHeader: true, className: "min-w-56", cell: (row) => <TextLink href={outboxEmailPath(row.id)}>{row.subject}</TextLink> },
            { key: "state", header: "State", cell: (row) => <EmailStatusBadge row={row} /> },
            { key: "attempts", header: "Attempts", numeric: true, cell: (row) => row.attempts },
            {
              key: "error",
              header: "Last error",
              className: "max-w-xs text-gray-700",
              cell: (row) => (row.lastError ? <span className="line-clamp-2" title={row.lastError}>{row.lastError}</span> : <span className="text-gray-600">—</span>),
            },
            { key: "created", header: "Created", nowrap: true, cell: (row) => <DateTime value={row.createdAt} /> },
            { key: "sent", header: "Sent", nowrap: true, cell: (row) => <DateTime value={row.sentAt} /> },
            { key: "actions", header: "Actions", headerHidden: true, cell: (row) => canRetry(row) && <RetryButton id={row.id} subject={row.subject} compact /> },
          ]}
        />
        {outbox.pages > 1 && (
          <nav aria-label="Pages" className="flex items-center justify-between text-sm text-gray-600">
            <span>
              Page {outbox.page} of {outbox.pages} ({outbox.total} e-mails)
            </span>
            <span className="flex gap-3">
              {outbox.page > 1 && <Link className="text-brand-700 underline underline-offset-2 hover:decoration-2" href={`/settings/outbox?page=${outbox.page - 1}`}>Newer</Link>}
              {outbox.page < outbox.pages && <Link className="text-brand-700 underline underline-offset-2 hover:decoration-2" href={`/settings/outbox?page=${outbox.page + 1}`}>Older</Link>}
            </span>
          </nav>
        )}
      </div>
    </>
  );
}
