import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { leadCredits, leadFacets } from "@/lib/enrichment/leads";
import { GenerateLeadsForm } from "./_components/generate-leads-form";
import { generateLeadsAction } from "./actions";

export const metadata: Metadata = { title: "Generate Leads" };

export default async function GenerateLeadsPage() {
  const user = await requireUser("/leads/generate");
  const [facets, credits] = await Promise.all([leadFacets(), leadCredits(user.companyId)]);
  const countries = facets.countries.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader crumbs={[{ label: "Leads", href: "/leads" }, { label: "Generate Leads" }]} />
      <div className="max-w-4xl px-4 py-6 sm:px-6">
        <GenerateLeadsForm action={generateLeadsAction} countries={countries} industries={facets.industries} available={credits} />
      </div>
    </>
  );
}
