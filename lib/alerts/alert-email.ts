// The shape every credit alert e-mail shares (empty account, budget at 80 %):
// a title, a few lines, an optional button. The low-credit e-mail keeps its own
// richer template (low-credits-email.ts). Words come from the "alerts"
// catalogue (messages/<locale>/alerts.json) in the language the alert is read
// in: the one chosen on the account page for its warning e-mail, else the
// company's (alertLocale).
import { wordsFor } from "./words";
import type { Locale } from "@/lib/i18n/locales";
import { escapeHtml, type EmailContent } from "@/lib/mail/templates";

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
  const e = escapeHtml;
  const text = [t("greeting"), "", ...lines, ...(button ? ["", t("buttonLine", { label: button.label, url: button.url })] : []), "", footer].join("\n");
  const html = `<!doctype html>
<html lang="${e(locale)}">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f3f4f6;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111827">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px">
    <tr><td style="padding:24px">
      <h1 style="margin:0 0 16px;font-size:20px">${e(subject)}</h1>
      ${lines.map((line) => `<p style="margin:0 0 12px">${e(line)}</p>`).join("\n      ")}
      ${button ? `<p style="margin:8px 0 24px"><a href="${e(button.url)}" style="display:inline-block;padding:10px 16px;background:#714b67;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${e(button.label)}</a></p>` : ""}
      <p style="margin:0;font-size:12px;color:#6b7280">${e(footer)}${button ? `<br>${e(t("linkLabel"))} <a href="${e(button.url)}" style="color:#6b7280">${e(button.url)}</a>` : ""}</p>
    </td></tr>
  </table>
</body>
</html>`;
  return { subject, html, text };
}
