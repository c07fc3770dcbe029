import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { findEmail } from "@/lib/mail/outbox";
import { canRetry } from "@/lib/mail/status";
import { DeliveryNotice } from "../_components/delivery-notice";
import { RetryButton } from "../_components/retry-button";
import { DateTime, StatusBadge } from "../_components/outbox-cells";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Outgoing E-mail" };

export default async function OutgoingEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAdmin(`/settings/outbox/${id}`);
  const emailId = parseId(id);
  const email = emailId !== null ? await findEmail(user.companyId, emailId) : null;
  if (!email) notFound();
  const retriable = canRetry(email);
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Settings", href: "/settings" }, { label: "Outgoing E-mails", href: "/settings/outbox" }, { label: email.subject }]}
      />
      <div className="space-y-6 px-4 py-6 sm:px-6">
        <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-gray-600">To</dt>
          <dd>{email.to}</dd>
          <dt className="text-gray-600">State</dt>
          <dd><StatusBadge row={email} /></dd>
          <dt className="text-gray-600">Attempts</dt>
          <dd className="tabular-nums">{email.attempts}</dd>
          {email.lastError && (
            <>
              <dt className="text-gray-600">Last error</dt>
              <dd className="text-red-800">{email.lastError}</dd>
            </>
          )}
          {email.state === "QUEUED" && email.attempts > 0 && (
            <>
              <dt className="text-gray-600">Next attempt</dt>
              <dd><DateTime value={email.nextAttemptAt} /></dd>
            </>
          )}
          <dt className="text-gray-600">Created</dt>
          <dd><DateTime value={email.createdAt} /></dd>
          <dt className="text-gray-600">Sent</dt>
          <dd><DateTime value={email.sentAt} /></dd>
          {email.messageId && (
            <>
              <dt className="text-gray-600">Message-ID</dt>
              <dd className="break-all font-mono text-xs">{email.messageId}</dd>
            </>
          )}
        </dl>
        {retriable && <RetryButton id={email.id} subject={email.subject} />}
        {email.state !== "SENT" && <DeliveryNotice />}

        <section aria-labelledby="html-version">
          <h2 id="html-version" className="mb-2 text-base font-semibold">HTML version</h2>
          {/* sandbox="": the stored HTML runs no script, submits no form and cannot reach this page or its cookies. */}
          <iframe title={`HTML version of “${email.subject}”`} sandbox="" srcDoc={email.html} className="h-[28rem] w-full rounded-md border border-gray-200 bg-white" />
        </section>
        <section aria-labelledby="text-version">
          <h2 id="text-version" className="mb-2 text-base font-semibold">Plain-text version</h2>
          <pre className="overflow-x-auto whitespace-pre-wrap rounded-md border border-gray-200 bg-gray-50 p-4 font-mono text-sm text-gray-800">{email.text}</pre>
        </section>
      </div>
    </>
  );
}
