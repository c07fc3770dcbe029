import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ButtonLink, buttonClasses } from "@/components/button";
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
import { TextLink } from "@/components/text-link";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("iap", "settingsPage.title");

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
  // A setting as its catalogue entry settingsPage.<key> describes it: title, description, search words.
  const setting = (id: string, key: string, body: ReactNode, description = s(`${key}.description`)): SettingItem => ({ id, title: s(`${key}.title`), description, keywords: keywords(key), body });
  const settingLink = (key: string, href: string) => (
    <ButtonLink href={href} variant="secondary">
      {s(`${key}.link`)}
    </ButtonLink>
  );

  const sections: SettingSection<SettingItem>[] = [
    {
      id: "general",
      title: s("general"),
      settings: [
        setting("company", "company", (
          <div className="space-y-3">
            <DescriptionList
              items={[
                { term: s("company.name"), details: overview.company.name },
                { term: s("company.country"), details: overview.company.country },
                { term: s("company.currency"), details: overview.company.currency },
                { term: s("company.vat"), details: overview.company.vatNumber ?? s("company.notSet") },
              ]}
            />
            {settingLink("company", "/settings/company")}
          </div>
        )),
        setting("users", "users", (
          <div className="flex flex-wrap items-center gap-3">
            {settingLink("users", "/settings/users")}
            <span className="text-gray-500">{s("users.count", { admins: overview.admins, users: overview.users })}</span>
          </div>
        )),
      ],
    },
    {
      id: "contacts",
      title: s("contacts"),
      settings: [
        setting("phone-numbers", "phone", <p className="text-gray-700">{s("phone.country", { country: overview.company.country })}</p>),
        setting("sms", "sms", settingLink("sms", "/settings/sms")),
        setting("iap", "iap", (
          <div className="flex flex-wrap items-center gap-3">
            {settingLink("iap", "/settings/iap")}
            <span className="text-gray-700">{s("iap.inUse", { count: overview.accounts })}</span>
          </div>
        )),
        setting("lead-generation", "leads", settingLink("leads", "/settings/lead-generation")),
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
        setting("outgoing-emails", "outbox", settingLink("outbox", "/settings/outbox"), config.SMTP_URL ? s("outbox.descriptionSmtp") : s("outbox.descriptionKept")),
        setting("api-keys", "apiKeys", (
          <div className="flex flex-wrap items-center gap-3">
            {settingLink("apiKeys", "/settings/api-keys")}
            <TextLink href="/developers/api">{s("apiKeys.docs")}</TextLink>
          </div>
        )),
        setting("webhooks", "webhooks", settingLink("webhooks", "/settings/webhooks")),
        setting("background-jobs", "jobs", settingLink("jobs", "/settings/jobs")),
        setting("payments", "payments", <p className="text-gray-700">{s(`payments.labels.${payments}`)}</p>, s(`payments.descriptions.${payments}`)),
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
