import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { listOutbox } from "@/lib/mail/outbox";
import { canRetry } from "@/lib/mail/status";
import { DeliveryNotice } from "./_components/delivery-notice";
import { RetryButton } from "./_components/retry-button";
import { DateTime, StatusBadge } from "./_components/outbox-cells";
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
        {outbox.total === 0 ? (
          <p className="rounded-md border border-dashed border-gray-300 px-4 py-10 text-center text-gray-600">
            No e-mails yet. Low-credit warnings appear here when an account with Warn Me on falls below its threshold.
          </p>
        ) : (
          <div className="relative overflow-x-auto rounded-md border border-gray-200 bg-white">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <caption className="sr-only">Outgoing e-mails, newest first</caption>
              <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2">To</th>
                  <th scope="col" className="px-3 py-2">Subject</th>
                  <th scope="col" className="px-3 py-2">State</th>
                  <th scope="col" className="px-3 py-2 text-right">Attempts</th>
                  <th scope="col" className="px-3 py-2">Last error</th>
                  <th scope="col" className="px-3 py-2">Created</th>
                  <th scope="col" className="px-3 py-2">Sent</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {outbox.rows.map((row) => (
                  <tr key={row.id} className="align-top hover:bg-gray-50">
                    <td className="px-3 py-2 whitespace-nowrap">{row.to}</td>
                    <td className="min-w-56 px-3 py-2">
                      <Link href={`/settings/outbox/${row.id}`} className="font-medium text-brand-600 hover:underline">
                        {row.subject}
                      </Link>
                    </td>
                    <td className="px-3 py-2"><StatusBadge row={row} /></td>
                    <td className="px-3 py-2 text-right tabular-nums">{row.attempts}</td>
                    <td className="max-w-xs px-3 py-2 text-gray-700">
                      {row.lastError ? <span className="line-clamp-2" title={row.lastError}>{row.lastError}</span> : <span className="text-gray-400">—</span>}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap"><DateTime value={row.createdAt} /></td>
                    <td className="px-3 py-2 whitespace-nowrap"><DateTime value={row.sentAt} /></td>
                    <td className="px-3 py-2">{canRetry(row) && <RetryButton id={row.id} subject={row.subject} compact />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {outbox.pages > 1 && (
          <nav aria-label="Pages" className="flex items-center justify-between text-sm text-gray-600">
            <span>
              Page {outbox.page} of {outbox.pages} ({outbox.total} e-mails)
            </span>
            <span className="flex gap-3">
              {outbox.page > 1 && <Link className="text-brand-600 hover:underline" href={`/settings/outbox?page=${outbox.page - 1}`}>Newer</Link>}
              {outbox.page < outbox.pages && <Link className="text-brand-600 hover:underline" href={`/settings/outbox?page=${outbox.page + 1}`}>Older</Link>}
            </span>
          </nav>
        )}
      </div>
    </>
  );
}
