import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getSettingsOverview } from "@/lib/settings/overview";
import { SettingsBoard, type SettingItem } from "./_components/settings-board";
import type { SettingSection } from "./_components/settings-filter";
import { DescriptionList } from "@/components/description-list";

export const metadata: Metadata = { title: "Settings" };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export default async function SettingsPage() {
  const user = await requireAdmin("/settings");
  const overview = await getSettingsOverview(user.companyId);
  const config = env();

  const sections: SettingSection<SettingItem>[] = [
    {
      id: "general",
      title: "General",
      settings: [
        {
          id: "company",
          title: "Company",
          description: "Name, country and accounting currency of your company.",
          keywords: ["organisation", "organization", "country", "currency", "address"],
          body: (
            <DescriptionList
              items={[
                { term: "Name", details: overview.company.name },
                { term: "Country", details: overview.company.country },
                { term: "Currency", details: overview.company.currency },
              ]}
            />
          ),
        },
        {
          id: "users",
          title: "Users",
          description: "Administrators manage settings and services; users work with the services.",
          keywords: ["people", "access", "rights", "roles", "administrators", "admin"],
          body: (
            <p className="text-gray-700">
              {plural(overview.admins, "administrator")}, {plural(overview.users, "user")}. Add people with{" "}
              <code className="rounded bg-gray-100 px-1">npm run user:create</code>.
            </p>
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
          id: "iap",
          title: "In-App Purchases",
          description: "View your IAP services and recharge your credits",
          keywords: ["iap", "in-app", "in app purchases", "credits", "services", "buy", "recharge", "balance", "account", "warning", "threshold"],
          body: (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/settings/iap" className={buttonClasses("secondary")}>
                View My Services
              </Link>
              <span className="text-gray-500">{plural(overview.accounts, "service")} in use</span>
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
              <Link href="/developers/api" className="text-brand-600 hover:underline">
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
          id: "payments",
          title: "Payment Provider",
          description: config.STRIPE_SECRET_KEY
            ? "Credit packs are paid with Stripe Checkout."
            : "Demo checkout: packs are “paid” without moving money. Set STRIPE_SECRET_KEY to take real payments.",
          keywords: ["stripe", "checkout", "payment", "card", "pay"],
          body: <p className="text-gray-700">{config.STRIPE_SECRET_KEY ? "Stripe" : "Demo checkout"}</p>,
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
