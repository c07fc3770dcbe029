// E-mails about a user's account, as plain data for the outbox. `link` is the
// secret link; callers pass it through withSecretLink (lib/mail/secret-link.ts)
// so the stored e-mail never holds it.
import { emailLayout, escapeHtml as e, type EmailContent } from "@/lib/mail/templates";

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function invitationEmail(input: { inviteeName: string; inviterName: string; companyName: string; link: string; expiresAt: Date }): EmailContent {
  const subject = `${input.inviterName} invited you to ${input.companyName}`;
  const until = `${DATE_FORMAT.format(input.expiresAt)} UTC`;
  const text = [
    `Hello ${input.inviteeName},`,
    ``,
    `${input.inviterName} invited you to join ${input.companyName} on IAP Credits.`,
    `Choose your password to sign in: ${input.link}`,
    ``,
    `The link works once, until ${until}. If you did not expect this invitation, ignore this e-mail.`,
  ].join("\n");
  const html = emailLayout(
    subject,
    `<p style="margin:0 0 16px">Hello ${e(input.inviteeName)},</p>
      <p style="margin:0 0 16px">${e(input.inviterName)} invited you to join <strong>${e(input.companyName)}</strong> on IAP Credits. Choose your password to sign in.</p>
      <p style="margin:0 0 20px;font-size:13px;color:#6b7280">The link works once, until ${e(until)}. If you did not expect this invitation, ignore this e-mail.</p>`,
    { label: "Choose your password", href: input.link },
  );
  return { subject, html, text };
}

export function passwordResetEmail(input: { name: string; link: string }): EmailContent {
  const subject = "Reset your IAP Credits password";
  const text = [
    `Hello ${input.name},`,
    ``,
    `Someone asked to reset the password of your IAP Credits account. To choose a new password, open: ${input.link}`,
    ``,
    `The link works once, for one hour. If you did not ask for it, ignore this e-mail: your password stays as it is.`,
  ].join("\n");
  const html = emailLayout(
    subject,
    `<p style="margin:0 0 16px">Hello ${e(input.name)},</p>
      <p style="margin:0 0 16px">Someone asked to reset the password of your IAP Credits account. To choose a new password, use the button below.</p>
      <p style="margin:0 0 20px;font-size:13px;color:#6b7280">The link works once, for one hour. If you did not ask for it, ignore this e-mail: your password stays as it is.</p>`,
    { label: "Choose a new password", href: input.link },
  );
  return { subject, html, text };
}
