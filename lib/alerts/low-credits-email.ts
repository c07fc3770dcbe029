// The low-credit warning e-mail: balance, threshold and a link to the
// service's Buy Credits page. The alert's own words, next to the job that
// sends it; the outbox (lib/mail) only carries it.
import type { ServiceName } from "@/lib/iap/catalogue";
import { formatCredits } from "@/lib/iap/units";
import { escapeHtml, type EmailContent } from "@/lib/mail/templates";
import { buyCreditsPath } from "@/lib/routes";

export interface LowCreditsInput {
  companyName: string;
  service: { technicalName: ServiceName; name: string; decimals: number; unitName: string };
  /** Units. */
  balance: bigint;
  /** Units. */
  threshold: bigint;
  /** Public base URL of the app, without a trailing slash. */
  appUrl: string;
}

/** The low-credit warning: balance, threshold and a link to the service's Buy Credits page. */
export function lowCreditsEmail(input: LowCreditsInput): EmailContent {
  const { service } = input;
  const balance = formatCredits(input.balance, service.decimals);
  const threshold = formatCredits(input.threshold, service.decimals);
  const unit = service.unitName;
  // Signed-out readers go through sign-in and land on this page (proxy.ts keeps callbackUrl).
  const buyUrl = input.appUrl + buyCreditsPath(service.technicalName);
  const subject = `Low credits: ${service.name} (${balance} left)`;

  const text = [
    `Hello,`,
    ``,
    `${input.companyName} has ${balance} ${unit} left for ${service.name}, below the warning threshold of ${threshold} ${unit}.`,
    `When the credits run out, ${service.name} stops working until more are bought.`,
    ``,
    `Buy credits: ${buyUrl}`,
    ``,
    `You receive this e-mail once each time the balance falls below the threshold.`,
    `To change the threshold or the address, open Settings > IAP Account > ${service.name} and edit "Warn Me".`,
  ].join("\n");

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f3f4f6;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111827">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px">
    <tr><td style="padding:24px">
      <h1 style="margin:0 0 16px;font-size:20px">Low credits: ${e(service.name)}</h1>
      <p style="margin:0 0 16px">${e(input.companyName)} has <strong>${e(balance)} ${e(unit)}</strong> left for ${e(service.name)}, below the warning threshold of <strong>${e(threshold)} ${e(unit)}</strong>.</p>
      <table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 20px;border-collapse:collapse">
        <tr><td style="padding:4px 16px 4px 0;color:#6b7280">Balance</td><td style="padding:4px 0;font-weight:600">${e(balance)} ${e(unit)}</td></tr>
        <tr><td style="padding:4px 16px 4px 0;color:#6b7280">Threshold</td><td style="padding:4px 0">${e(threshold)} ${e(unit)}</td></tr>
      </table>
      <p style="margin:0 0 20px">When the credits run out, ${e(service.name)} stops working until more are bought.</p>
      <p style="margin:0 0 24px"><a href="${e(buyUrl)}" style="display:inline-block;padding:10px 16px;background:#714b67;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">Buy credits</a></p>
      <p style="margin:0;font-size:12px;color:#6b7280">You receive this e-mail once each time the balance falls below the threshold. To change the threshold or the address, open Settings &gt; IAP Account &gt; ${e(service.name)} and edit &ldquo;Warn Me&rdquo;.<br>Link: <a href="${e(buyUrl)}" style="color:#6b7280">${e(buyUrl)}</a></p>
    </td></tr>
  </table>
</body>
</html>`;

  return { subject, html, text };
}
