// The shape every credit alert e-mail shares (empty account, budget at 80 %):
// a title, a few lines, an optional button, in the app's one e-mail layout
// (lib/mail/templates emailLayout), like the richer low-credit e-mail. Words
// come from the "alerts" catalogue (messages/<locale>/alerts.json) in the language the alert is read
// in: the one chosen on the account page for its warning e-mail, else the
// company's (alertLocale).
import { wordsFor } from "./words";
import type { Locale } from "@/lib/i18n/locales";
import { emailLayout, escapeHtml, type EmailContent } from "@/lib/mail/templates";

export function alertEmail({
  locale,
  subject,
  lines,
  button,
  footer,
}: {
  locale: Locale;
  subject: string;
  lines: string[];
  button?: { label: string; url: string };
  footer: string;
}): EmailContent {
  const t = wordsFor(locale, "alerts");
  const text = [t("greeting"), "", ...lines, ...(button ? ["", t("buttonLine", { label: button.label, url: button.url })] : []), "", footer].join("\n");
  const paragraphs = lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`).join("\n      ");
  const html = emailLayout(subject, paragraphs, button && { label: button.label, href: button.url }, { lang: locale, footer, linkLabel: t("linkLabel") });
  return { subject, html, text };
}
