import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { parseId } from "@/lib/http/params";
import { findEmail } from "@/lib/mail/outbox";
import { redactSecretLink } from "@/lib/mail/secret-link";
import { canRetry } from "@/lib/mail/status";
import { DeliveryNotice } from "../_components/delivery-notice";
import { RetryButton } from "../_components/retry-button";
import { EmailStatusBadge } from "../_components/email-status-badge";

export const metadata: Metadata = { title: "Outgoing E-mail" };

// Where a secret link (invitation, password reset, signing) goes: it is stored
// sealed and only the delivered message carries it.
const HIDDEN_LINK = "[personal link: only in the delivered e-mail]";

export default async function OutgoingEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAdmin(`/settings/outbox/${id}`);
  const emailId = parseId(id);
  const stored = emailId !== null ? await findEmail(user.companyId, emailId) : null;
  if (!stored) notFound();
  const email = redactSecretLink(stored, HIDDEN_LINK);
  const retriable = canRetry(email);
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Settings", href: "/settings" }, { label: "Outgoing E-mails", href: "/settings/outbox" }, { label: email.subject }]}
      />
      <div className="space-y-6 px-4 py-6 sm:px-6">
        <DescriptionList
          className="max-w-3xl"
          items={[
            { term: "To", details: email.to },
            { term: "State", details: <EmailStatusBadge row={email} /> },
            { term: "Attempts", details: email.attempts, className: "tabular-nums" },
            email.lastError && { term: "Last error", details: email.lastError, className: "text-red-800" },
            email.state === "QUEUED" && email.attempts > 0 && { term: "Next attempt", details: <DateTime value={email.nextAttemptAt} /> },
            { term: "Created", details: <DateTime value={email.createdAt} /> },
            { term: "Sent", details: <DateTime value={email.sentAt} /> },
            email.messageId && { term: "Message-ID", details: email.messageId, className: "break-all font-mono text-xs" },
          ]}
        />
        {retriable && <RetryButton id={email.id} subject={email.subject} />}
        {email.state !== "SENT" && <DeliveryNotice />}

        <section aria-labelledby="html-version">
          <h2 id="html-version" className="mb-2 text-base font-semibold">HTML version</h2>
          {/* sandbox="": the stored HTML runs no script, submits no form and cannot reach this page or its cookies. */}
          <iframe title={`HTML version of “${email.subject}”`} sandbox="" srcDoc={email.html} className="h-[28rem] w-full rounded-md border border-gray-200 bg-white" />
        </section>
        <section aria-labelledby="text-version">
          <h2 id="text-version" className="mb-2 text-base font-semibold">Plain-text version</h2>
          <pre className="overflow-x-auto whitespace-pre-wrap wrap-anywhere rounded-md border border-gray-200 bg-gray-50 p-4 font-mono text-sm text-gray-800">{email.text}</pre>
        </section>
      </div>
    </>
  );
}
