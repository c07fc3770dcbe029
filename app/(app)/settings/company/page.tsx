import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { timeZoneList } from "@/lib/i18n/locales";
import { getCompanyDetails } from "@/lib/settings/company-details";
import { CompanyForm } from "./_components/company-form";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("company", "metaTitle");

export default async function CompanyDetailsPage() {
  const user = await requireAdmin("/settings/company");
  const [t, company] = await Promise.all([getTranslations("company"), getCompanyDetails(user.companyId)]);
  return (
    <>
      <PageHeader crumbs={[{ label: t("settings"), href: "/settings" }, { label: t("title") }]} />
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-6 sm:px-6">
        <p className="text-sm text-gray-600">
          {t("intro", { country: company.country })}{" "}
          {company.vatNumber &&
            (company.vatVerifiedAt
              ? t.rich("vatConfirmed", { date: () => <DateTime value={company.vatVerifiedAt} /> })
              : t("vatFormatOnly"))}
        </p>
        <section className="rounded-lg border border-gray-200 bg-white px-4 py-5 sm:px-6">
          <CompanyForm
            initial={{
              name: company.name,
              street: company.street,
              zip: company.zip,
              city: company.city,
              vatNumber: company.vatNumber ?? "",
              locale: company.locale,
              timeZone: company.timeZone,
            }}
            timeZones={timeZoneList()}
          />
        </section>
      </div>
    </>
  );
}
