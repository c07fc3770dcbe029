import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { leadCredits, leadFacets } from "@/lib/enrichment/leads";
import { GenerateLeadsForm } from "./_components/generate-leads-form";
import { generateLeadsAction } from "./actions";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("leads.generate", "metaTitle");

export default async function GenerateLeadsPage() {
  const user = await requireUser("/leads/generate");
  const [facets, credits] = await Promise.all([leadFacets(), leadCredits(user.companyId)]);
  const t = await getTranslations("leads.generate");
  const countries = facets.countries.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader crumbs={[{ label: t("crumbLeads"), href: "/leads" }, { label: t("crumb") }]} />
      <div className="max-w-4xl px-4 py-6 sm:px-6">
        <GenerateLeadsForm action={generateLeadsAction} countries={countries} industries={facets.industries} available={credits} />
      </div>
    </>
  );
}
