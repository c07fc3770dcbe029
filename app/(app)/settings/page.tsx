import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { paymentsMode, type PaymentsMode } from "@/lib/billing/checkout";
import { env } from "@/lib/env";
import { getSettingsOverview } from "@/lib/settings/overview";
import { listServiceAccounts } from "@/lib/iap/account-views";
import { accountPath, serviceAccountPath } from "@/lib/routes";
import { countText, creditsText } from "@/components/plural";
import { SettingsBoard, type SettingItem } from "./_components/settings-board";
import type { SettingSection } from "./_components/settings-filter";
import { DescriptionList } from "@/components/description-list";

export const metadata: Metadata = { title: "Settings" };

const PAYMENT_LABELS: Record<PaymentsMode, string> = { stripe: "Stripe", demo: "Demo checkout", none: "Not set up" };
const PAYMENT_DESCRIPTIONS: Record<PaymentsMode, string> = {
  stripe: "Credit packs are paid with Stripe Checkout.",
  demo: "Demo checkout: packs are “paid” without moving money. Set STRIPE_SECRET_KEY to take real payments.",
  none: "Payments are not set up: credits cannot be bought until an operator sets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.",
};

const plural = (count: number, word: string) => countText(count, word, `${word}s`);

export default async function SettingsPage() {
  const user = await requireAdmin("/settings");
  const [overview, services] = await Promise.all([getSettingsOverview(user.companyId), listServiceAccounts(user.companyId)]);
  const config = env();
  const payments = paymentsMode();

  const sections: SettingSection<SettingItem>[] = [
    {
      id: "general",
      title: "General",
      settings: [
        {
          id: "company",
          title: "Company",
          description: "Name, country and accounting currency of your company.",
          keywords: ["organisation", "organization", "country", "currency", "address", "vat", "tax", "invoice", "billing"],
          body: (
            <div className="space-y-3">
              <DescriptionList
                items={[
                  { term: "Name", details: overview.company.name },
                  { term: "Country", details: overview.company.country },
                  { term: "Currency", details: overview.company.currency },
                  { term: "VAT number", details: overview.company.vatNumber ?? "not set" },
                ]}
              />
              <Link href="/settings/company" className={buttonClasses("secondary")}>
                Company details
              </Link>
            </div>
          ),
        },
        {
          id: "users",
          title: "Users",
          description: "Invite colleagues, choose who administers settings and services, deactivate those who left.",
          keywords: ["people", "access", "rights", "roles", "administrators", "admin", "invite", "invitation", "deactivate", "colleagues"],
          body: (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/settings/users" className={buttonClasses("secondary")}>
                Manage Users
              </Link>
              <span className="text-gray-500">
                {plural(overview.admins, "administrator")}, {plural(overview.users, "user")}
              </span>
            </div>
          ),
        },
      ],
    },
    {
      id: "contacts",
      title: "Contacts",
      settings: [
        {
          id: "phone-numbers",
          title: "Phone Numbers",
          description: "Numbers typed without a country code are read as numbers of your company's country.",
          keywords: ["mobile", "phone", "country", "format"],
          body: <p className="text-gray-700">Default country: {overview.company.country}</p>,
        },
        {
          id: "sms",
          title: "SMS",
          description: "Sender name, and the numbers that opted out of your SMS (replied STOP).",
          keywords: ["sms", "text message", "opt-out", "opt out", "stop", "unsubscribe", "sender", "alphanumeric"],
          body: (
            <Link href="/settings/sms" className={buttonClasses("secondary")}>
              SMS Settings
            </Link>
          ),
        },
        {
          id: "iap",
          title: "In-App Purchases",
          description: "View your IAP services and recharge your credits",
          keywords: ["iap", "in-app", "in app purchases", "credits", "services", "buy", "recharge", "balance", "account", "warning", "threshold"],
          body: (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/settings/iap" className={buttonClasses("secondary")}>
                View My Services
              </Link>
              <span className="text-gray-700">{plural(overview.accounts, "service")} in use</span>
            </div>
          ),
        },
        {
          id: "lead-generation",
          title: "Lead Generation",
          description: "Turn your website's visitors into leads: register the website, paste its snippet, and set Visits to Leads rules.",
          keywords: ["leads", "visitors", "website", "tracking", "snippet", "reveal", "visits to leads", "rules", "crm"],
          body: (
            <Link href="/settings/lead-generation" className={buttonClasses("secondary")}>
              Websites and rules
            </Link>
          ),
        },
      ],
    },
    {
      // Each service by its own name, so the search finds "sms", "snailmail", "digitization"…
      id: "services",
      title: "In-App Services",
      settings: services.map((service) => ({
        id: `service-${service.technicalName}`,
        title: service.serviceName,
        description: service.description,
        // Not "iap": that word finds the In-App Purchases setting alone, as the seeds describe.
        keywords: ["service", "credits", service.technicalName.replace(/_/g, " ")],
        body: (
          <div className="flex flex-wrap items-center gap-3">
            <Link
              href={service.account ? accountPath(service.account.id) : serviceAccountPath(service.technicalName)}
              prefetch={false}
              className={buttonClasses("secondary")}
              aria-label={`Open ${service.serviceName}`}
            >
              Open
            </Link>
            <span className="text-gray-700">{service.account ? creditsText(service.account.balance, service.decimals, service.unitName) : "Not used yet"}</span>
          </div>
        ),
      })),
    },
    {
      id: "technical",
      title: "Technical",
      settings: [
        {
          id: "outgoing-emails",
          title: "Outgoing E-mails",
          description: config.SMTP_URL
            ? "E-mails the application sends, such as low-credit warnings, delivered through your SMTP server."
            : "E-mails the application sends, such as low-credit warnings. No SMTP server is configured: they are kept here, undelivered.",
          keywords: ["email", "mail", "outbox", "smtp", "queue", "notifications"],
          body: (
            <Link href="/settings/outbox" className={buttonClasses("secondary")}>
              View Outgoing E-mails
            </Link>
          ),
        },
        {
          id: "api-keys",
          title: "API keys",
          description: "Let your own systems read balances and charge credits through the API.",
          keywords: ["api", "key", "token", "integration", "developer", "rest", "bearer"],
          body: (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/settings/api-keys" className={buttonClasses("secondary")}>
                Manage API keys
              </Link>
              <Link href="/developers/api" className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
                API documentation
              </Link>
            </div>
          ),
        },
        {
          id: "webhooks",
          title: "Webhooks",
          description: "Tell your systems, by signed HTTP calls, when a balance runs low, a purchase completes or a hold expires.",
          keywords: ["webhook", "events", "notifications", "callback", "integration", "developer"],
          body: (
            <Link href="/settings/webhooks" className={buttonClasses("secondary")}>
              Manage webhooks
            </Link>
          ),
        },
        {
          id: "background-jobs",
          title: "Background jobs",
          description: "E-mail delivery, low-credit checks, documents, letters and mass SMS: what waits, runs, failed and was done.",
          keywords: ["jobs", "queue", "worker", "cron", "schedule", "retry", "failed", "background", "tasks"],
          body: (
            <Link href="/settings/jobs" className={buttonClasses("secondary")}>
              View Background jobs
            </Link>
          ),
        },
        {
          id: "payments",
          title: "Payment Provider",
          description: PAYMENT_DESCRIPTIONS[payments],
          keywords: ["stripe", "checkout", "payment", "card", "pay"],
          body: <p className="text-gray-700">{PAYMENT_LABELS[payments]}</p>,
        },
      ],
    },
  ];

  return (
    <>
      <PageHeader crumbs={[{ label: "Settings" }]} />
      <SettingsBoard sections={sections} />
    </>
  );
}
