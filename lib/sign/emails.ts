// E-mails of the Sign app, as plain data (subject, HTML, text) for the outbox.
import { emailLayout as layout, escapeHtml as e, type EmailContent } from "@/lib/mail/templates";
import { formatUtc } from "./stamp";

export interface SigningRequestEmailInput {
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
  const subject = `Please sign: ${input.title}`;
  const verify = input.verifyWith
    ? `Before signing you will be asked to verify your identity with ${input.verifyWith}.`
    : null;
  const text = [
    `Hello ${input.signerName},`,
    ``,
    `${input.requesterName} (${input.companyName}) asks you to sign "${input.title}".`,
    ...(verify ? [verify] : []),
    ``,
    `Open the document and sign: ${input.link}`,
    ``,
    `This link is personal and works until ${formatUtc(input.expiresAt)}. Do not forward it.`,
  ].join("\n");
  const html = layout(
    subject,
    `<p style="margin:0 0 16px">Hello ${e(input.signerName)},</p>
      <p style="margin:0 0 16px">${e(input.requesterName)} (${e(input.companyName)}) asks you to sign <strong>${e(input.title)}</strong>.</p>
      ${verify ? `<p style="margin:0 0 16px">${e(verify)}</p>` : ""}
      <p style="margin:0 0 20px;font-size:13px;color:#6b7280">This link is personal and works until ${e(formatUtc(input.expiresAt))}. Do not forward it.</p>`,
    { label: "Review and sign", href: input.link },
  );
  return { subject, html, text };
}

export interface RequesterNoticeInput {
  title: string;
  requestUrl: string;
  signerName: string;
}

/** A signer could not verify their identity because the company ran out of credits. */
export function verificationUnavailableEmail(input: RequesterNoticeInput & { serviceName: string; buyUrl: string }): EmailContent {
  const subject = `Identity verification unavailable: ${input.title}`;
  const text = [
    `${input.signerName} tried to verify their identity to sign "${input.title}", but your company has no ${input.serviceName} credits left.`,
    `The signer was told that verification is temporarily unavailable; they were not shown anything about billing.`,
    ``,
    `Buy credits: ${input.buyUrl}`,
    `Then ask ${input.signerName} to open their signing link again. The request: ${input.requestUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    `<p style="margin:0 0 16px">${e(input.signerName)} tried to verify their identity to sign <strong>${e(input.title)}</strong>, but your company has no ${e(input.serviceName)} credits left.</p>
      <p style="margin:0 0 16px">The signer was told that verification is temporarily unavailable. Buy credits, then ask them to open their signing link again (<a href="${e(input.requestUrl)}">the request</a>).</p>`,
    { label: "Buy credits", href: input.buyUrl },
  );
  return { subject, html, text };
}

/** Every signer signed, or one refused. */
export function requestOutcomeEmail(input: RequesterNoticeInput & { outcome: "COMPLETED" | "REFUSED"; reason?: string | null }): EmailContent {
  const subject = input.outcome === "COMPLETED" ? `Signed by everyone: ${input.title}` : `Refused by ${input.signerName}: ${input.title}`;
  const line =
    input.outcome === "COMPLETED"
      ? `Every signer has signed "${input.title}". The signed PDF, with its audit page, is ready to download.`
      : `${input.signerName} refused to sign "${input.title}".${input.reason ? ` Reason: ${input.reason}` : ""}`;
  const text = [line, ``, `Open the request: ${input.requestUrl}`].join("\n");
  const html = layout(subject, `<p style="margin:0 0 16px">${e(line)}</p>`, { label: "Open the request", href: input.requestUrl });
  return { subject, html, text };
}
