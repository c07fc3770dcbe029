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
