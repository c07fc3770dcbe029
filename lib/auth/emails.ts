// E-mails about a user's account, as plain data for the outbox, in the
// recipient's language (auth.emails in the catalogues). `link` is the secret
// link; callers pass it through withSecretLink (lib/mail/secret-link.ts) so
// the stored e-mail never holds it.
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { emailLayout, escapeHtml as e, type EmailContent } from "@/lib/mail/templates";

/** "21 November 2026 at 20:51 UTC", "21 novembre 2026 à 21:51 Europe/Paris": the zone named, since the reader may be elsewhere. */
function until(expiresAt: Date, locale: Locale, timeZone: string): string {
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { dateStyle: "long", timeStyle: "short", timeZone });
  return `${format.format(expiresAt)} ${timeZone}`;
}

const strong = (chunks: string) => `<strong>${chunks}</strong>`;

const words = (locale: Locale) => translatorFor(locale, "auth.emails");

/** An invitation, in the inviting company's language; the expiry in its time zone. */
export function invitationEmail(input: {
  inviteeName: string;
  inviterName: string;
  companyName: string;
  link: string;
  expiresAt: Date;
  locale?: Locale;
  timeZone?: string;
}): EmailContent {
  const { locale = "en", timeZone = "UTC" } = input;
  const t = words(locale);
  const names = { inviter: input.inviterName, company: input.companyName };
  const subject = t("invitation.subject", names);
  const validity = t("invitation.validity", { until: until(input.expiresAt, locale, timeZone) });
  const text = [
    t("hello", { name: input.inviteeName }),
    ``,
    t("invitation.body", names),
    t("invitation.linkLine", { link: input.link }),
    ``,
    validity,
  ].join("\n");
  const html = emailLayout(
    subject,
    `<p style="margin:0 0 16px">${e(t("hello", { name: input.inviteeName }))}</p>
      <p style="margin:0 0 16px">${t.markup("invitation.bodyHtml", { inviter: e(input.inviterName), company: e(input.companyName), strong })}</p>
      <p style="margin:0 0 20px;font-size:13px;color:#6b7280">${e(validity)}</p>`,
    { label: t("invitation.button"), href: input.link },
    { lang: locale, linkLabel: t("linkLabel") },
  );
  return { subject, html, text };
}

/** A password reset link, in the user's language. */
export function passwordResetEmail(input: { name: string; link: string; locale?: Locale }): EmailContent {
  const { locale = "en" } = input;
  const t = words(locale);
  const subject = t("reset.subject");
  const text = [t("hello", { name: input.name }), ``, t("reset.body", { link: input.link }), ``, t("reset.validity")].join("\n");
  const html = emailLayout(
    subject,
    `<p style="margin:0 0 16px">${e(t("hello", { name: input.name }))}</p>
      <p style="margin:0 0 16px">${e(t("reset.bodyHtml"))}</p>
      <p style="margin:0 0 20px;font-size:13px;color:#6b7280">${e(t("reset.validity"))}</p>`,
    { label: t("reset.button"), href: input.link },
    { lang: locale, linkLabel: t("linkLabel") },
  );
  return { subject, html, text };
}
