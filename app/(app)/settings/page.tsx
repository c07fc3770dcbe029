import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { paymentsMode } from "@/lib/billing/checkout";
import { env } from "@/lib/env";
import { getSettingsOverview } from "@/lib/settings/overview";
import { listServiceAccounts } from "@/lib/iap/account-views";
import { accountPath, serviceAccountPath } from "@/lib/routes";
import { formatCredits } from "@/lib/iap/units";
import { localeOr } from "@/lib/i18n/locales";
import { serviceWords } from "../iap/_messages/service-words";
import { SettingsBoard, type SettingItem } from "./_components/settings-board";
import type { SettingSection } from "./_components/settings-filter";
import { DescriptionList } from "@/components/description-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iap"))("settingsPage.title") };
}

export default async function SettingsPage() {
  const user = await requireAdmin("/settings");
  const t = await getTranslations("iap");
  const locale = localeOr(await getLocale());
  const s = (key: string, values?: Record<string, string | number>) => t(`settingsPage.${key}`, values);
  // What people type to find a setting: the English words (every language's users type "sms", "iap", "api") and the reader's own.
  const english = await getTranslations({ locale: "en", namespace: "iap" });
  const words = (text: string) => text.split(",").map((word) => word.trim()).filter(Boolean);
  const keywords = (id: string) => [...words(english(`settingsPage.${id}.keywords`)), ...(locale === "en" ? [] : words(s(`${id}.keywords`)))];
  const [overview, services] = await Promise.all([getSettingsOverview(user.companyId), listServiceAccounts(user.companyId)]);
  const config = env();
  const payments = paymentsMode();

  const sections: SettingSection<SettingItem>[] = [
    {
      id: "general",
      title: s("general"),
      settings: [
        {
          id: "company",
          title: s("company.title"),
          description: s("company.description"),
          keywords: keywords("company"),
          body: (
            <div className="space-y-3">
              <DescriptionList
                items={[
                  { term: s("company.name"), details: overview.company.name },
                  { term: s("company.country"), details: overview.company.country },
                  { term: s("company.currency"), details: overview.company.currency },
                  { term: s("company.vat"), details: overview.company.vatNumber ?? s("company.notSet") },
                ]}
              />
              <Link href="/settings/company" className={buttonClasses("secondary")}>
                {s("company.link")}
              </Link>
            </div>
          ),
        },
        {
          id: "users",
          title: s("users.title"),
          description: s("users.description"),
          keywords: keywords("users"),
          body: (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/settings/users" className={buttonClasses("secondary")}>
                {s("users.link")}
              </Link>
              <span className="text-gray-500">{s("users.count", { admins: overview.admins, users: overview.users })}</span>
            </div>
          ),
        },
      ],
    },
    {
      id: "contacts",
      title: s("contacts"),
      settings: [
        {
          id: "phone-numbers",
          title: s("phone.title"),
          description: s("phone.description"),
          keywords: keywords("phone"),
          body: <p className="text-gray-700">{s("phone.country", { country: overview.company.country })}</p>,
        },
        {
          id: "sms",
          title: s("sms.title"),
          description: s("sms.description"),
          keywords: keywords("sms"),
          body: (
            <Link href="/settings/sms" className={buttonClasses("secondary")}>
              {s("sms.link")}
            </Link>
          ),
        },
        {
          id: "iap",
          title: s("iap.title"),
          description: s("iap.description"),
          keywords: keywords("iap"),
          body: (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/settings/iap" className={buttonClasses("secondary")}>
                {s("iap.link")}
              </Link>
              <span className="text-gray-700">{s("iap.inUse", { count: overview.accounts })}</span>
            </div>
          ),
        },
        {
          id: "lead-generation",
          title: s("leads.title"),
          description: s("leads.description"),
          keywords: keywords("leads"),
          body: (
            <Link href="/settings/lead-generation" className={buttonClasses("secondary")}>
              {s("leads.link")}
            </Link>
          ),
        },
      ],
    },
    {
      // Each service by its own name, so the search finds "sms", "snailmail", "digitization"…
      id: "services",
      title: s("services.title"),
      settings: services.map((service) => {
        const words = serviceWords(t, { technicalName: service.technicalName, name: service.serviceName, unitName: service.unitName, description: service.description });
        return {
        id: `service-${service.technicalName}`,
        title: words.name,
        description: words.description,
        // Not "iap": that word finds the In-App Purchases setting alone, as the seeds describe.
        keywords: [...keywords("services"), service.technicalName.replace(/_/g, " "), service.serviceName],
        body: (
          <div className="flex flex-wrap items-center gap-3">
            <Link
              href={service.account ? accountPath(service.account.id) : serviceAccountPath(service.technicalName)}
              prefetch={false}
              className={buttonClasses("secondary")}
              aria-label={s("services.openService", { service: words.name })}
            >
              {s("services.open")}
            </Link>
            <span className="text-gray-700">
              {service.account
                ? t("list.amount", { credits: formatCredits(service.account.balance, service.decimals, { locale }), unit: words.unit })
                : t("list.notUsed")}
            </span>
          </div>
        ),
      };
      }),
    },
    {
      id: "technical",
      title: s("technical"),
      settings: [
        {
          id: "outgoing-emails",
          title: s("outbox.title"),
          description: config.SMTP_URL ? s("outbox.descriptionSmtp") : s("outbox.descriptionKept"),
          keywords: keywords("outbox"),
          body: (
            <Link href="/settings/outbox" className={buttonClasses("secondary")}>
              {s("outbox.link")}
            </Link>
          ),
        },
        {
          id: "api-keys",
          title: s("apiKeys.title"),
          description: s("apiKeys.description"),
          keywords: keywords("apiKeys"),
          body: (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/settings/api-keys" className={buttonClasses("secondary")}>
                {s("apiKeys.link")}
              </Link>
              <Link href="/developers/api" className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
                {s("apiKeys.docs")}
              </Link>
            </div>
          ),
        },
        {
          id: "webhooks",
          title: s("webhooks.title"),
          description: s("webhooks.description"),
          keywords: keywords("webhooks"),
          body: (
            <Link href="/settings/webhooks" className={buttonClasses("secondary")}>
              {s("webhooks.link")}
            </Link>
          ),
        },
        {
          id: "background-jobs",
          title: s("jobs.title"),
          description: s("jobs.description"),
          keywords: keywords("jobs"),
          body: (
            <Link href="/settings/jobs" className={buttonClasses("secondary")}>
              {s("jobs.link")}
            </Link>
          ),
        },
        {
          id: "payments",
          title: s("payments.title"),
          description: s(`payments.descriptions.${payments}`),
          keywords: keywords("payments"),
          body: <p className="text-gray-700">{s(`payments.labels.${payments}`)}</p>,
        },
      ],
    },
  ];

  return (
    <>
      <PageHeader crumbs={[{ label: s("title") }]} />
      <SettingsBoard sections={sections} />
    </>
  );
}
