// The auto top-up e-mails, as plain data (subject, HTML, text), like
// lib/mail/templates.ts, in the account's alert language (its warning e-mail's,
// else the company's): words in messages/<locale>/billing.json.
import { wordsFor } from "@/lib/alerts/words";
import type { Locale } from "@/lib/i18n/locales";
import { emailLayout, escapeHtml, type EmailContent } from "@/lib/mail/templates";

interface Common {
  locale: Locale;
  companyName: string;
  /** In `locale` (lib/alerts/service-names serviceNameIn). */
  serviceName: string;
  /** In `locale` too (lib/alerts/service-names packNameIn). */
  packName: string;
  /** Formatted amount charged, in `locale` ("€12.00", "12,00 €"). */
  amount: string;
  /** Account Information page. */
  accountUrl: string;
}

function content(locale: Locale, title: string, paragraphs: string[], link: { label: string; url: string }): EmailContent {
  const t = wordsFor(locale, "billing");
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("\n      ");
  return {
    subject: title,
    html: emailLayout(title, body, { label: link.label, href: link.url }, { lang: locale, linkLabel: t("autoTopup.linkLabel") }),
    text: [...paragraphs, t("autoTopup.linkLine", { label: link.label, url: link.url })].join("\n\n"),
  };
}

/** Sent after every successful top-up, with its invoice. */
export function topupPaidEmail(input: Common & { credits: string; invoiceNumber: string | null; invoiceUrl: string }): EmailContent {
  const t = wordsFor(input.locale, "billing");
  const values = { service: input.serviceName, company: input.companyName, pack: input.packName, credits: input.credits, amount: input.amount };
  return content(
    input.locale,
    t("autoTopup.paidSubject", values),
    [t("autoTopup.paidBody", values), input.invoiceNumber ? t("autoTopup.invoiceReady", { number: input.invoiceNumber }) : t("autoTopup.invoiceReadyUnnumbered")],
    { label: t("autoTopup.openInvoice"), url: input.invoiceUrl },
  );
}

/** Sent when a top-up payment fails: auto top-up is off until an admin turns it on again. */
export function topupFailedEmail(input: Common & { reason: string }): EmailContent {
  const t = wordsFor(input.locale, "billing");
  const values = { service: input.serviceName, company: input.companyName, pack: input.packName, amount: input.amount, reason: input.reason };
  return content(input.locale, t("autoTopup.failedSubject", values), [t("autoTopup.failedBody", values), t("autoTopup.failedOff", values)], {
    label: t("autoTopup.openAccount"),
    url: input.accountUrl,
  });
}

/** The failure codes auto top-up records, in the e-mail's words. */
export function failureReasonText(locale: Locale, code: string, stripeMessage: string | null): string {
  const t = wordsFor(locale, "billing");
  const text = t.has(`autoTopup.reasons.${code}`) ? t(`autoTopup.reasons.${code}`) : t("autoTopup.reasons.other", { code });
  return stripeMessage ? t("autoTopup.stripeSaid", { text, message: stripeMessage }) : text;
}
