import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { LEADS_SERVICE, listLeadRequests, listLeads, type LeadRequestRow } from "@/lib/enrichment/leads";
import { buyCreditsPath } from "@/lib/iap/errors";
import { convertLeadAction } from "./actions";

export const metadata: Metadata = { title: "Leads" };

const STATE_STYLES: Record<LeadRequestRow["state"], string> = {
  DRAFT: "bg-gray-100 text-gray-800",
  DONE: "bg-green-100 text-green-900",
  ERROR: "bg-red-100 text-red-900",
};

export default async function LeadsPage({ searchParams }: { searchParams: Promise<{ request?: string }> }) {
  const user = await requireUser("/leads");
  const [leads, requests, { request }] = await Promise.all([listLeads(user.companyId), listLeadRequests(user.companyId), searchParams]);
  const justDone = requests.find((r) => String(r.id) === request);
  const th = "px-3 py-2 text-left font-medium text-gray-700";
  const td = "px-3 py-2 align-top";

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
          {leads.length === 0 ? (
            <p className="rounded-md border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">
              No leads yet. Use Generate Leads to find companies by country and industry, or{" "}
              <Link href="/settings/lead-generation" className="text-brand-600 hover:underline">
                track your website&apos;s visitors
              </Link>{" "}
              (1 Lead Generation credit per company).
            </p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-xs">
              <table className="min-w-full divide-y divide-gray-200 text-sm" aria-label="Leads">
                <thead className="bg-gray-50">
                  <tr>
                    <th className={th}>Company</th>
                    <th className={th}>Country</th>
                    <th className={th}>Industry</th>
                    <th className={th}>Source</th>
                    <th className={th}>Pages visited</th>
                    <th className={th}>Created</th>
                    <th className={th}>Status</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {leads.map((lead) => (
                    <tr key={lead.id}>
                      <td className={`${td} font-medium text-gray-900`}>{lead.name}</td>
                      <td className={td}>{lead.country ? countryName(lead.country) : "Unknown"}</td>
                      <td className={td}>{lead.industry ?? "—"}</td>
                      <td className={td}>
                        {lead.origin === "VISIT" ? "Website visit" : "Mined"}
                        <span className="block text-xs text-gray-500">
                          {lead.origin === "VISIT" && lead.networkOrganisation !== lead.name ? `Network: ${lead.networkOrganisation} · ` : ""}
                          {lead.source}
                        </span>
                      </td>
                      <td className={td}>
                        {lead.origin === "VISIT" ? (
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
                        )}
                      </td>
                      <td className={`${td} whitespace-nowrap text-gray-600`}>
                        <DateTime value={lead.createdAt} />
                      </td>
                      <td className={`${td} whitespace-nowrap`}>
                        {lead.contactId ? (
                          <Link href={`/contacts/${lead.contactId}`} className="text-brand-600 hover:underline">
                            Converted — open contact
                          </Link>
                        ) : (
                          <form action={convertLeadAction.bind(null, lead.id)} className="flex items-center gap-2">
                            <span className="rounded bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-900">New</span>
                            <button type="submit" aria-label={`Convert ${lead.name} to a contact`} className="text-brand-600 hover:underline">
                              Convert to contact
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
          {requests.length === 0 ? (
            <p className="text-sm text-gray-600">No requests yet.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-xs">
              <table className="min-w-full divide-y divide-gray-200 text-sm" aria-label="Lead requests">
                <thead className="bg-gray-50">
                  <tr>
                    <th className={th}>Created</th>
                    <th className={th}>Asked</th>
                    <th className={th}>Countries</th>
                    <th className={th}>Industries</th>
                    <th className={th}>State</th>
                    <th className={th}>Outcome</th>
                    <th className={`${th} text-right`}>Credits used</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {requests.map((r) => (
                    <tr key={r.id}>
                      <td className={`${td} whitespace-nowrap text-gray-600`}>
                        <DateTime value={r.createdAt} />
                      </td>
                      <td className={td}>{r.requested}</td>
                      <td className={td}>{r.countries.map((c) => countryName(c)).join(", ")}</td>
                      <td className={td}>{r.industries.join(", ")}</td>
                      <td className={td}>
                        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLES[r.state]}`}>{r.state.toLowerCase()}</span>
                      </td>
                      <td className={td}>
                        {r.outcome ?? "Running…"}
                        {r.state === "ERROR" && r.outcome === "Not enough credits" && (
                          <>
                            {" — "}
                            <a href={buyCreditsPath(LEADS_SERVICE)} target="_blank" rel="noopener" className="text-brand-600 hover:underline">
                              Buy credits
                            </a>
                          </>
                        )}
                      </td>
                      <td className={`${td} text-right tabular-nums`}>{r.creditsUsed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
