// What every e-mail is, as plain data: a subject, an HTML part and a
// plain-text part. Everything interpolated into HTML goes through escapeHtml.
// The e-mails themselves live with the slice that sends them (the low-credit
// warning in lib/alerts, signing e-mails in lib/sign): the outbox knows none.

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

export interface EmailLayoutOptions {
  /** The language the e-mail is written in, for <html lang>. */
  lang: string;
  /** The small print under the button (why this e-mail came, how to stop it). */
  footer?: string;
  /** The words before the button's link spelled out, in the e-mail's language ("Link:", "Lien :", "链接："): no default, so no e-mail gets an English label by omission. */
  linkLabel: string;
}

/**
 * The one-column layout of every e-mail the app sends: a title, paragraphs
 * (HTML, already escaped), an optional button, then the small print with the
 * button's link spelled out for mail clients that hide buttons.
 */
export function emailLayout(title: string, body: string, button: { label: string; href: string } | undefined, { lang, footer, linkLabel }: EmailLayoutOptions): string {
  const e = escapeHtml;
  const smallPrint = [footer ? e(footer) : null, button ? `${e(linkLabel)} <a href="${e(button.href)}" style="color:#6b7280">${e(button.href)}</a>` : null].filter(Boolean).join("<br>");
  const action = button
    ? `<p style="margin:0 0 20px"><a href="${e(button.href)}" style="display:inline-block;padding:10px 16px;background:#714b67;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${e(button.label)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="${e(lang)}">
<head><meta charset="utf-8"><title>${e(title)}</title></head>
<body style="margin:0;padding:24px;background:#f3f4f6;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111827">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px">
    <tr><td style="padding:24px">
      <h1 style="margin:0 0 16px;font-size:20px">${e(title)}</h1>
      ${body}
      ${action}
      ${smallPrint ? `<p style="margin:0;font-size:12px;color:#6b7280">${smallPrint}</p>` : ""}
    </td></tr>
  </table>
</body>
</html>`;
}
