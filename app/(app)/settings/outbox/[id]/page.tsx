import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
import { lastErrorText } from "../_components/last-error";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("outbox", "emailTitle");

export default async function OutgoingEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAdmin(`/settings/outbox/${id}`);
  const emailId = parseId(id);
  const stored = emailId !== null ? await findEmail(user.companyId, emailId) : null;
  if (!stored) notFound();
  const [t, common] = await Promise.all([getTranslations("outbox"), getTranslations("common")]);
  // Where a secret link (invitation, password reset, signing) goes: it is stored
  // sealed and only the delivered message carries it.
  const email = redactSecretLink(stored, t("email.hiddenLink"));
  const retriable = canRetry(email);
  return (
    <>
      <PageHeader
        crumbs={[{ label: common("nav.settings"), href: "/settings" }, { label: t("title"), href: "/settings/outbox" }, { label: email.subject }]}
      />
      <div className="space-y-6 px-4 py-6 sm:px-6">
        <DescriptionList
          className="max-w-3xl"
          items={[
            { term: t("fields.to"), details: email.to },
            { term: t("fields.state"), details: <EmailStatusBadge row={email} /> },
            { term: t("fields.attempts"), details: email.attempts, className: "tabular-nums" },
            email.lastError && { term: t("fields.lastError"), details: lastErrorText(email.lastError, t), className: "text-red-800" },
            email.state === "QUEUED" && email.attempts > 0 && { term: t("fields.nextAttempt"), details: <DateTime value={email.nextAttemptAt} /> },
            { term: t("fields.created"), details: <DateTime value={email.createdAt} /> },
            { term: t("fields.sent"), details: <DateTime value={email.sentAt} /> },
            email.messageId && { term: t("fields.messageId"), details: email.messageId, className: "break-all font-mono text-xs" },
          ]}
        />
        {retriable && <RetryButton id={email.id} subject={email.subject} />}
        {email.state !== "SENT" && <DeliveryNotice />}

        <section aria-labelledby="html-version">
          <h2 id="html-version" className="mb-2 text-base font-semibold">{t("email.htmlVersion")}</h2>
          {/* sandbox="": the stored HTML runs no script, submits no form and cannot reach this page or its cookies. */}
          <iframe title={t("email.htmlFrameTitle", { subject: email.subject })} sandbox="" srcDoc={email.html} className="h-[28rem] w-full rounded-md border border-gray-200 bg-white" />
        </section>
        <section aria-labelledby="text-version">
          <h2 id="text-version" className="mb-2 text-base font-semibold">{t("email.textVersion")}</h2>
          <pre className="overflow-x-auto whitespace-pre-wrap wrap-anywhere rounded-md border border-gray-200 bg-gray-50 p-4 font-mono text-sm text-gray-800">{email.text}</pre>
        </section>
      </div>
    </>
  );
}
