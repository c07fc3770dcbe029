import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { TextLink } from "@/components/text-link";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { listLeadRequests, listLeads, NOT_ENOUGH_CREDITS_OUTCOME, type LeadRequestRow } from "@/lib/enrichment/leads";
import { SERVICES } from "@/lib/iap/catalogue";
import { buyCreditsPath, contactPath } from "@/lib/routes";
import { ConvertLeadButton } from "./_components/convert-lead-button";

export const metadata: Metadata = { title: "Leads" };

const REQUEST_TONES: Record<LeadRequestRow["state"], Tone> = { DRAFT: "neutral", DONE: "success", ERROR: "danger" };
const REQUEST_LABELS: Record<LeadRequestRow["state"], string> = { DRAFT: "Draft", DONE: "Done", ERROR: "Error" };

export default async function LeadsPage({ searchParams }: { searchParams: Promise<{ request?: string }> }) {
  const user = await requireUser("/leads");
  const [leads, requests, { request }] = await Promise.all([listLeads(user.companyId), listLeadRequests(user.companyId), searchParams]);
  const justDone = requests.find((r) => String(r.id) === request);

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Leads" }]}
        actions={
          <Link href="/leads/generate" className={buttonClasses("primary")}>
            Generate Leads
          </Link>
        }
      />
      <div className="space-y-8 px-4 py-5 sm:px-6">
        {justDone && (
          <p role="status" className={`rounded-md border px-3 py-2 text-sm ${justDone.state === "ERROR" ? "border-red-200 bg-red-50 text-red-900" : "border-green-200 bg-green-50 text-green-900"}`}>
            Lead request {justDone.state === "ERROR" ? "failed" : justDone.state === "DONE" ? "done" : "running"}: {justDone.outcome ?? "…"}.
          </p>
        )}
        <section aria-labelledby="leads-heading" className="space-y-3">
          <h2 id="leads-heading" className="text-base font-semibold text-gray-900">
            Leads <span className="font-normal text-gray-500">({leads.length})</span>
          </h2>
          <DataTable
            caption="Leads"
            rows={leads}
            rowKey={(lead) => lead.id}
            empty={
              <>
                No leads yet. Use Generate Leads to find companies by country and industry, or{" "}
                <TextLink href="/settings/lead-generation">track your website&apos;s visitors</TextLink> (1 Lead Generation credit per company).
              </>
            }
            columns={[
              { key: "company", header: "Company", className: "font-medium text-gray-900", cell: (lead) => lead.name },
              { key: "country", header: "Country", cell: (lead) => (lead.country ? countryName(lead.country) : "Unknown") },
              { key: "industry", header: "Industry", cell: (lead) => lead.industry ?? "—" },
              {
                key: "source",
                header: "Source",
                cell: (lead) => (
                  <>
                    {lead.origin === "VISIT" ? "Website visit" : "Mined"}
                    <span className="block text-xs text-gray-500">
                      {lead.origin === "VISIT" && lead.networkOrganisation !== lead.name ? `Network: ${lead.networkOrganisation} · ` : ""}
                      {lead.source}
                    </span>
                  </>
                ),
              },
              {
                key: "pages",
                header: "Pages visited",
                cell: (lead) =>
                  lead.origin === "VISIT" ? (
                    <>
                      <span className="block max-w-64 truncate font-mono text-xs" title={lead.pages.join(" ")}>
                        {lead.pages.slice(0, 4).join(" ")}
                        {lead.pages.length > 4 ? ` +${lead.pages.length - 4}` : ""}
                      </span>
                      <span className="block text-xs text-gray-500">
                        {lead.pageViews} {lead.pageViews === 1 ? "view" : "views"}
                        {lead.firstVisitAt && lead.lastVisitAt && (
                          <>
                            {", "}
                            <DateTime value={lead.firstVisitAt} /> – <DateTime value={lead.lastVisitAt} />
                          </>
                        )}
                      </span>
                    </>
                  ) : (
                    "—"
                  ),
              },
              { key: "created", header: "Created", nowrap: true, className: "text-gray-600", cell: (lead) => <DateTime value={lead.createdAt} /> },
              {
                key: "status",
                header: "Status",
                nowrap: true,
                cell: (lead) =>
                  lead.contactId ? (
                    <Link href={contactPath(lead.contactId)} className="text-brand-600 hover:underline">
                      Converted — open contact
                    </Link>
                  ) : (
                    <ConvertLeadButton leadId={lead.id} leadName={lead.name} />
                  ),
              },
            ]}
          />
          {leads.some((lead) => lead.origin === "VISIT") && (
            <p className="text-xs text-gray-500">
              Visiting organisations are found from their network address with open data from Route Views and{" "}
              <a href="https://db-ip.com" className="text-brand-600 hover:underline">
                IP Geolocation by DB-IP
              </a>
              .
            </p>
          )}
        </section>

        <section aria-labelledby="requests-heading" className="space-y-3">
          <h2 id="requests-heading" className="text-base font-semibold text-gray-900">
            Lead requests
          </h2>
          <DataTable
            caption="Lead requests"
            rows={requests}
            rowKey={(r) => r.id}
            empty="No requests yet."
            columns={[
              { key: "created", header: "Created", nowrap: true, className: "text-gray-600", cell: (r) => <DateTime value={r.createdAt} /> },
              { key: "asked", header: "Asked", numeric: true, cell: (r) => r.requested },
              { key: "countries", header: "Countries", cell: (r) => r.countries.map((c) => countryName(c)).join(", ") },
              { key: "industries", header: "Industries", cell: (r) => r.industries.join(", ") },
              { key: "state", header: "State", cell: (r) => <StatusBadge tone={REQUEST_TONES[r.state]}>{REQUEST_LABELS[r.state]}</StatusBadge> },
              {
                key: "outcome",
                header: "Outcome",
                cell: (r) => (
                  <>
                    {r.outcome ?? "Running…"}
                    {r.state === "ERROR" && r.outcome === NOT_ENOUGH_CREDITS_OUTCOME && (
                      <>
                        {" — "}
                        <a href={buyCreditsPath(SERVICES.leadGeneration)} target="_blank" rel="noopener" className="text-brand-600 hover:underline">
                          Buy credits
                        </a>
                      </>
                    )}
                  </>
                ),
              },
              { key: "credits", header: "Credits used", numeric: true, cell: (r) => r.creditsUsed },
            ]}
          />
        </section>
      </div>
    </>
  );
}
