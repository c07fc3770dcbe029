import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/action-button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { formatE164 } from "@/lib/contacts/phone";
import { listOptOuts } from "@/lib/sms/opt-out";
import { ALPHANUMERIC_REFUSED } from "@/lib/sms/sender";
import { smsSenderSettings } from "@/lib/sms/sender-settings";
import { removeOptOutAction } from "./actions";
import { AddOptOutForm, SenderForm } from "./_components/sms-settings-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sms"))("settings.metaTitle") };
}

const SOURCES = new Set(["reply", "admin", "carrier"]);

export default async function SmsSettingsPage() {
  const user = await requireAdmin("/settings/sms");
  const [optOuts, sender, t, locale] = await Promise.all([listOptOuts(user.companyId), smsSenderSettings(user.companyId), getTranslations("sms.settings"), getLocale()]);
  const source = (code: string) => (SOURCES.has(code) ? t(`source.${code}`) : code);
  return (
    <>
      <PageHeader crumbs={[{ label: t("crumbSettings"), href: "/settings" }, { label: t("crumb") }]} />
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="opt-out-heading" className="min-w-0">
          <h2 id="opt-out-heading" className="mb-1 font-medium text-gray-900">
            {t("optOutTitle")}
          </h2>
          <p className="mb-3 text-sm text-gray-600">
            {t("optOutIntro")}
          </p>
          <DataTable
            caption={t("optOutCaption")}
            rows={optOuts}
            empty={t("optOutEmpty")}
            columns={[
              { key: "number", header: t("columns.number"), rowHeader: true, nowrap: true, cell: (row) => formatE164(row.number) },
              { key: "how", header: t("columns.how"), cell: (row) => (row.keyword ? t("sourceWithKeyword", { source: source(row.source), keyword: row.keyword }) : source(row.source)) },
              { key: "since", header: t("columns.since"), nowrap: true, cell: (row) => <DateTime value={row.createdAt} /> },
              {
                key: "actions",
                header: t("columns.actions"),
                headerHidden: true,
                cell: (row) => (
                  <ActionButton action={removeOptOutAction} fields={{ id: row.id }} pendingLabel={t("removing")} label={t("removeLabel", { number: formatE164(row.number) })}>
                    {t("remove")}
                  </ActionButton>
                ),
              },
            ]}
          />
        </section>
        <div className="space-y-6">
          <section aria-labelledby="add-opt-out-heading" className="rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="add-opt-out-heading" className="mb-3 font-medium text-gray-900">
              {t("addTitle")}
            </h2>
            <AddOptOutForm />
          </section>
          <section aria-labelledby="sender-heading" className="rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="sender-heading" className="mb-1 font-medium text-gray-900">
              {t("senderTitle")}
            </h2>
            <p className="mb-3 text-sm text-gray-600">
              {t("senderIntro", {
                countries: ALPHANUMERIC_REFUSED.map((c) => countryName(c, locale)).join(t("listSeparator")),
                number: sender.number ?? t("gatewayNumber"),
              })}
            </p>
            <SenderForm senderName={sender.senderName} />
          </section>
        </div>
      </div>
    </>
  );
}
