import type { Metadata } from "next";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { getCompanyDetails } from "@/lib/settings/company-details";
import { CompanyForm } from "./_components/company-form";

export const metadata: Metadata = { title: "Company details" };

export default async function CompanyDetailsPage() {
  const user = await requireAdmin("/settings/company");
  const company = await getCompanyDetails(user.companyId);
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "Company details" }]} />
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-6 sm:px-6">
        <p className="text-sm text-gray-600">
          What your invoices print as the buyer. Country: {company.country}.{" "}
          {company.vatNumber &&
            (company.vatVerifiedAt ? (
              <>
                VAT number confirmed by VIES on <DateTime value={company.vatVerifiedAt} />.
              </>
            ) : (
              <>VAT number checked by format only.</>
            ))}
        </p>
        <section className="rounded-lg border border-gray-200 bg-white px-4 py-5 sm:px-6">
          <CompanyForm initial={{ name: company.name, street: company.street, zip: company.zip, city: company.city, vatNumber: company.vatNumber ?? "" }} />
        </section>
      </div>
    </>
  );
}
