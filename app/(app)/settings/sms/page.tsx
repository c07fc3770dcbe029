import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/action-button";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { requireAdmin } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { formatE164 } from "@/lib/contacts/phone";
import { listOptOuts } from "@/lib/sms/opt-out";
import { ALPHANUMERIC_REFUSED } from "@/lib/sms/sender";
import { smsSenderSettings } from "@/lib/sms/sender-settings";
import { removeOptOutAction } from "./actions";
import { AddOptOutForm, SenderForm } from "./_components/sms-settings-forms";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("sms", "settings.metaTitle");

const SOURCES = new Set(["reply", "admin", "carrier"]);

export default async function SmsSettingsPage() {
  const user = await requireAdmin("/settings/sms");
  const [optOuts, sender, t, locale] = await Promise.all([listOptOuts(user.companyId), smsSenderSettings(user.companyId), getTranslations("sms.settings"), getLocale()]);
  const source = (code: string) => (SOURCES.has(code) ? t(`source.${code}`) : code);
  return (
    <>
      <PageHeader crumbs={[{ label: t("crumbSettings"), href: "/settings" }, { label: t("crumb") }]} />
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[1fr_20rem]">
        <Section title={t("optOutTitle")} intro={t("optOutIntro")} className="min-w-0">
          <DataTable
            caption={t("optOutCaption")}
            rows={optOuts}
            empty={t("optOutEmpty")}
            columns={[
              { key: "number", header: t("columns.number"), rowHeader: true, nowrap: true, cell: (row) => formatE164(row.number) },
              { key: "how", header: t("columns.how"), cell: (row) => (row.keyword ? t("sourceWithKeyword", { source: source(row.source), keyword: row.keyword }) : source(row.source)) },
              { key: "since", header: t("columns.since"), nowrap: true, cell: (row) => <DateTime value={row.createdAt} /> },
              { ...ACTIONS_COLUMN, header: t("columns.actions"), cell: (row) => (
                <ActionButton action={removeOptOutAction} fields={{ id: row.id }} pendingLabel={t("removing")} label={t("removeLabel", { number: formatE164(row.number) })}>
                  {t("remove")}
                </ActionButton>
              ) },
            ]}
          />
        </Section>
        <div className="space-y-6">
          <Section look="card" title={t("addTitle")}>
            <AddOptOutForm />
          </Section>
          <Section
            look="card"
            title={t("senderTitle")}
            intro={t("senderIntro", {
              countries: ALPHANUMERIC_REFUSED.map((c) => countryName(c, locale)).join(t("listSeparator")),
              number: sender.number ?? t("gatewayNumber"),
            })}
          >
            <SenderForm senderName={sender.senderName} />
          </Section>
        </div>
      </div>
    </>
  );
}
