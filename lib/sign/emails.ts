// E-mails of the Sign app, as plain data (subject, HTML, text) for the outbox.
// The words are in messages/<locale>/sign.json ("emails"): a signer's e-mail
// is written in the request's language, a notice to the requester in theirs.
import type { Locale } from "@/lib/i18n/locales";
import { emailLayout as layout, escapeHtml as e, type EmailContent } from "@/lib/mail/templates";
import { formatUtc } from "./stamp";
import { signWords, type SignWords } from "./words";

function emailWords(locale: Locale) {
  return signWords(locale, "emails");
}

/** A message with <strong>/<link> tags as HTML: the values are escaped, the catalogue's own words are plain text. */
function htmlOf(t: SignWords, key: string, values: Record<string, string>, href?: string): string {
  const escaped = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, e(value)]));
  return t.markup(key, {
    ...escaped,
    strong: (chunks) => `<strong>${chunks}</strong>`,
    link: (chunks) => `<a href="${e(href ?? "")}">${chunks}</a>`,
  });
}

export interface SigningRequestEmailInput {
  locale: Locale;
  title: string;
  requesterName: string;
  companyName: string;
  signerName: string;
  link: string;
  expiresAt: Date;
  /** Label of the identity provider when the signer must verify their identity first. */
  verifyWith: string | null;
}

/** The signing link for one signer. */
export function signingRequestEmail(input: SigningRequestEmailInput): EmailContent {
  const t = emailWords(input.locale);
  const values = { title: input.title, requester: input.requesterName, company: input.companyName, signer: input.signerName, until: formatUtc(input.expiresAt) };
  const subject = t("request.subject", values);
  const verify = input.verifyWith ? t("request.verify", { provider: input.verifyWith }) : null;
  const text = [
    t("request.greeting", values),
    ``,
    t("request.asks", values),
    ...(verify ? [verify] : []),
    ``,
    t("request.open", { link: input.link }),
    ``,
    t("request.personal", values),
  ].join("\n");
  const html = layout(
    subject,
    `<p style="margin:0 0 16px">${e(t("request.greeting", values))}</p>
      <p style="margin:0 0 16px">${htmlOf(t, "request.asksHtml", { requester: input.requesterName, company: input.companyName, title: input.title })}</p>
      ${verify ? `<p style="margin:0 0 16px">${e(verify)}</p>` : ""}
      <p style="margin:0 0 20px;font-size:13px;color:#6b7280">${e(t("request.personal", values))}</p>`,
    { label: t("request.button"), href: input.link },
    { lang: input.locale, linkLabel: t("linkLabel") },
  );
  return { subject, html, text };
}

export interface RequesterNoticeInput {
  locale: Locale;
  title: string;
  requestUrl: string;
  signerName: string;
}

/** A signer could not verify their identity because the company ran out of credits. */
export function verificationUnavailableEmail(input: RequesterNoticeInput & { serviceName: string; buyUrl: string }): EmailContent {
  const t = emailWords(input.locale);
  const values = { title: input.title, signer: input.signerName, service: input.serviceName, buyUrl: input.buyUrl, requestUrl: input.requestUrl };
  const subject = t("unavailable.subject", values);
  const text = [t("unavailable.tried", values), t("unavailable.told"), ``, t("unavailable.buy", values), t("unavailable.then", values)].join("\n");
  const html = layout(
    subject,
    `<p style="margin:0 0 16px">${htmlOf(t, "unavailable.triedHtml", { signer: input.signerName, service: input.serviceName, title: input.title })}</p>
      <p style="margin:0 0 16px">${htmlOf(t, "unavailable.toldHtml", {}, input.requestUrl)}</p>`,
    { label: t("unavailable.button"), href: input.buyUrl },
    { lang: input.locale, linkLabel: t("linkLabel") },
  );
  return { subject, html, text };
}

/** Every signer signed, or one refused. */
export function requestOutcomeEmail(input: RequesterNoticeInput & { outcome: "COMPLETED" | "REFUSED"; reason?: string | null }): EmailContent {
  const t = emailWords(input.locale);
  const values = { title: input.title, signer: input.signerName, reason: input.reason ?? "" };
  const subject = input.outcome === "COMPLETED" ? t("outcome.completedSubject", values) : t("outcome.refusedSubject", values);
  const line =
    input.outcome === "COMPLETED"
      ? t("outcome.completed", values)
      : input.reason
        ? t("outcome.refusedWithReason", values)
        : t("outcome.refused", values);
  const text = [line, ``, t("outcome.open", { link: input.requestUrl })].join("\n");
  const html = layout(subject, `<p style="margin:0 0 16px">${e(line)}</p>`, { label: t("outcome.button"), href: input.requestUrl }, { lang: input.locale, linkLabel: t("linkLabel") });
  return { subject, html, text };
}
