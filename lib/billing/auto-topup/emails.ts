// The auto top-up e-mails, as plain data (subject, HTML, text), like lib/mail/templates.ts.
import { emailLayout, escapeHtml, type EmailContent } from "@/lib/mail/templates";

interface Common {
  companyName: string;
  serviceName: string;
  packName: string;
  /** Formatted amount charged ("€12.00"). */
  amount: string;
  /** Account Information page. */
  accountUrl: string;
}

function content(title: string, paragraphs: string[], link: { label: string; url: string }): EmailContent {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("\n      ");
  return { subject: title, html: emailLayout(title, body, { label: link.label, href: link.url }), text: [...paragraphs, `${link.label}: ${link.url}`].join("\n\n") };
}

/** Sent after every successful top-up, with its invoice. */
export function topupPaidEmail(input: Common & { credits: string; invoiceNumber: string | null; invoiceUrl: string }): EmailContent {
  return content(
    `Auto top-up: ${input.credits} ${input.serviceName} credits bought (${input.amount})`,
    [
      `The ${input.serviceName} balance of ${input.companyName} fell below its auto top-up threshold, so the ${input.packName} (${input.credits} credits) was bought for ${input.amount}.`,
      `Invoice ${input.invoiceNumber ?? ""} is ready for your accounts.`.replace("  ", " "),
    ],
    { label: "Open the invoice", url: input.invoiceUrl },
  );
}

/** Sent when a top-up payment fails: auto top-up is off until an admin turns it on again. */
export function topupFailedEmail(input: Common & { reason: string }): EmailContent {
  return content(
    `Auto top-up failed: ${input.serviceName} credits were not bought`,
    [
      `The ${input.serviceName} balance of ${input.companyName} fell below its auto top-up threshold, but paying ${input.amount} for the ${input.packName} failed: ${input.reason}`,
      `Auto top-up is now off, so no further payment is attempted. When the credits run out, ${input.serviceName} stops working. Buy credits or turn auto top-up on again (with another card if needed) on the account page.`,
    ],
    { label: "Open the account", url: input.accountUrl },
  );
}

/** The failure codes auto top-up records, in the e-mail's words. */
export function failureReasonText(code: string, stripeMessage: string | null): string {
  const base: Record<string, string> = {
    card_declined: "the card was declined.",
    requires_action: "the bank asked for the cardholder to confirm the payment, which cannot happen while no one is at the checkout.",
    no_card: "no card is saved for auto top-up.",
    pack_unavailable: "the chosen pack is no longer on sale.",
    payments_off: "payments are not set up on this server (no Stripe key, not in demo mode).",
  };
  const text = base[code] ?? `the payment failed (${code}).`;
  return stripeMessage ? `${text} Stripe said: “${stripeMessage}”` : text;
}
