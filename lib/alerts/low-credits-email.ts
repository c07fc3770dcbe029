// The low-credit warning e-mail: balance, threshold and a link to the
// service's Buy Credits page, in the language chosen for it on the account
// page (else the company's), with figures formatted for that language. The
// words are in messages/<locale>/alerts.json; the outbox (lib/mail) only carries it.
import type { ServiceName } from "@/lib/iap/catalogue";
import { wordsFor, type Words } from "./words";
import type { Locale } from "@/lib/i18n/locales";
import { formatCredits } from "@/lib/iap/units";
import { emailLayout, escapeHtml, type EmailContent } from "@/lib/mail/templates";
import { buyCreditsPath } from "@/lib/routes";
import type { Forecast } from "@/lib/iap/forecast";
import { serviceNameIn, unitNameIn } from "./service-names";

export interface LowCreditsInput {
  /** The language the e-mail is written in (default English). */
  locale?: Locale;
  companyName: string;
  /** `name` and `unitName` as stored: the catalogue gives them in `locale` when it knows the service. */
  service: { technicalName: ServiceName; name: string; decimals: number; unitName: string };
  /** Units. */
  balance: bigint;
  /** Units. */
  threshold: bigint;
  /** Public base URL of the app, without a trailing slash. */
  appUrl: string;
  /** How long the credits last at the current rate (lib/iap/forecast.ts); absent when unknown. */
  forecast?: Forecast;
}

/** The forecast as the e-mails say it. */
export function forecastSentence(t: Words, forecast: Forecast | undefined): string | null {
  if (!forecast) return null;
  if (forecast.kind === "no-usage") return t("lowCredits.forecast.noUsage");
  if (forecast.days === 0) return t("lowCredits.forecast.today");
  return t("lowCredits.forecast.days", { days: forecast.days });
}

/** The low-credit warning: balance, threshold and a link to the service's Buy Credits page. */
export function lowCreditsEmail(input: LowCreditsInput): EmailContent {
  const locale = input.locale ?? "en";
  const t = wordsFor(locale, "alerts");
  const { service: stored } = input;
  const service = serviceNameIn(locale, stored.technicalName, stored.name);
  const unit = unitNameIn(locale, stored.unitName);
  const balance = formatCredits(input.balance, stored.decimals, { locale });
  const threshold = formatCredits(input.threshold, stored.decimals, { locale });
  // Signed-out readers go through sign-in and land on this page (proxy.ts keeps callbackUrl).
  const buyUrl = input.appUrl + buyCreditsPath(stored.technicalName);
  const subject = t("lowCredits.subject", { service, balance });
  const outlook = forecastSentence(t, input.forecast);
  const values = { company: input.companyName, balance, threshold, unit, service };

  const text = [
    t("greeting"),
    ``,
    t.markup("lowCredits.body", { ...values, b: (chunks) => chunks }),
    ...(outlook ? [outlook] : []),
    t("lowCredits.stops", { service }),
    ``,
    t("buttonLine", { label: t("buyCredits"), url: buyUrl }),
    ``,
    t("lowCredits.once"),
    t("lowCredits.change", { service }),
  ].join("\n");

  const e = escapeHtml;
  // Every value is escaped before it enters the markup; the catalogue's own <b> is the only tag.
  const body = t.markup("lowCredits.body", {
    company: e(input.companyName),
    balance: e(balance),
    threshold: e(threshold),
    unit: e(unit),
    service: e(service),
    b: (chunks) => `<strong>${chunks}</strong>`,
  });
  const html = emailLayout(
    t("lowCredits.heading", { service }),
    `<p style="margin:0 0 16px">${body}</p>
      <table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 20px;border-collapse:collapse">
        <tr><td style="padding:4px 16px 4px 0;color:#6b7280">${e(t("lowCredits.balance"))}</td><td style="padding:4px 0;font-weight:600">${e(balance)} ${e(unit)}</td></tr>
        <tr><td style="padding:4px 16px 4px 0;color:#6b7280">${e(t("lowCredits.threshold"))}</td><td style="padding:4px 0">${e(threshold)} ${e(unit)}</td></tr>
      </table>
      ${outlook ? `<p style="margin:0 0 12px;font-weight:600">${e(outlook)}</p>` : ""}
      <p style="margin:0 0 20px">${e(t("lowCredits.stops", { service }))}</p>`,
    { label: t("buyCredits"), href: buyUrl },
    { lang: locale, footer: `${t("lowCredits.once")} ${t("lowCredits.change", { service })}`, linkLabel: t("linkLabel") },
  );

  return { subject, html, text };
}
