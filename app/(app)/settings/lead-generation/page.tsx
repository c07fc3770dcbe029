import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { InsufficientCreditsNotice, insufficientCreditsProps } from "@/components/insufficient-credits-notice";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { countryName, countryOptions } from "@/lib/contacts/countries";
import { env } from "@/lib/env";
import { listRules } from "@/lib/visitors/rules";
import { revealShortage } from "@/lib/visitors/run-rules";
import { listSites, siteSnippet } from "@/lib/visitors/sites";
import { createRuleAction, registerSiteAction, removeRuleAction, removeSiteAction, runRulesNowAction, setRuleActiveAction } from "./actions";
import { RuleForm } from "./_components/rule-form";
import { RunRulesButton } from "./_components/run-rules-button";
import { SiteForm } from "./_components/site-form";
import { Snippet } from "./_components/snippet";

export const metadata: Metadata = { title: "Lead Generation" };

export default async function LeadGenerationSettingsPage() {
  const user = await requireAdmin("/settings/lead-generation");
  const [sites, rules] = await Promise.all([listSites(user.companyId), listRules(user.companyId)]);
  const stopped = rules.some((rule) => rule.active && rule.stoppedAt);
  const shortage = stopped ? insufficientCreditsProps(await revealShortage(user.companyId), "to reveal more website visitors (Lead Generation)") : null;
  const th = "px-3 py-2 text-left font-medium text-gray-700";
  const td = "px-3 py-2 align-top";

  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "Lead Generation" }]} />
      <div className="space-y-10 px-4 py-5 sm:px-6">
        <section aria-labelledby="websites-heading" className="space-y-3">
          <div>
            <h2 id="websites-heading" className="text-base font-semibold text-gray-900">
              Websites
            </h2>
            <p className="text-sm text-gray-600">
              Register your website and paste its snippet into its pages. Each page view records the page, the referrer, the time, the browser and
              the visitor&apos;s network address — no cookie is set, and browsers that send Do Not Track or Global Privacy Control are not recorded.
            </p>
          </div>
          {sites.length === 0 ? (
            <p className="rounded-md border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">No website yet.</p>
          ) : (
            <ul className="space-y-4" aria-label="Websites">
              {sites.map((site) => {
                const snippet = siteSnippet(env().APP_URL, site.siteKey);
                return (
                  <li key={site.id} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-xs">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div>
                        <h3 className="font-medium text-gray-900">{site.name}</h3>
                        <p className="text-sm text-gray-600">{site.origins.join(", ")}</p>
                        <p className="text-xs text-gray-500">
                          Site key <code className="rounded bg-gray-100 px-1">{site.siteKey}</code> · {site.recentViews} page views in the last 30 days
                          {site.lastViewAt && (
                            <>
                              {" "}
                              · last <DateTime value={site.lastViewAt} />
                            </>
                          )}
                        </p>
                      </div>
                      <form action={removeSiteAction.bind(null, site.id)}>
                        <button type="submit" aria-label={`Remove ${site.name}`} className="text-sm text-red-700 hover:underline">
                          Remove
                        </button>
                      </form>
                    </div>
                    <Snippet siteName={site.name} code={`${snippet.script}\n${snippet.pixel}`} />
                  </li>
                );
              })}
            </ul>
          )}
          <SiteForm action={registerSiteAction} />
        </section>

        <section aria-labelledby="rules-heading" className="space-y-3">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 id="rules-heading" className="text-base font-semibold text-gray-900">
                Visits to Leads rules
              </h2>
              <p className="max-w-3xl text-sm text-gray-600">
                Every few minutes, new visits are grouped by the organisation whose network they come from. Internet providers, mobile carriers,
                hosting and cloud networks are skipped; the rest are matched to the company directory and become{" "}
                <Link href="/leads" className="text-brand-600 hover:underline">
                  leads
                </Link>{" "}
                with the pages they visited.
              </p>
            </div>
            <RunRulesButton action={runRulesNowAction} />
          </div>
          {shortage && <InsufficientCreditsNotice {...shortage} />}
          {rules.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-xs">
              <table className="min-w-full divide-y divide-gray-200 text-sm" aria-label="Visits to Leads rules">
                <thead className="bg-gray-50">
                  <tr>
                    <th className={th}>Rule</th>
                    <th className={th}>Countries</th>
                    <th className={th}>Pages</th>
                    <th className={th}>Min. views</th>
                    <th className={th}>Leads today</th>
                    <th className={th}>Last run</th>
                    <th className={th}>Status</th>
                    <th className={th}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {rules.map((rule) => (
                    <tr key={rule.id}>
                      <td className={`${td} font-medium text-gray-900`}>{rule.name}</td>
                      <td className={td}>{rule.countries.length ? rule.countries.map((c) => countryName(c)).join(", ") : "Any"}</td>
                      <td className={`${td} font-mono text-xs`}>{rule.urlPatterns.length ? rule.urlPatterns.join(" ") : "Any page"}</td>
                      <td className={td}>{rule.minPageViews}</td>
                      <td className={`${td} tabular-nums`}>
                        {rule.revealedToday} / {rule.maxLeadsPerDay}
                      </td>
                      <td className={`${td} whitespace-nowrap text-gray-600`}>{rule.lastRunAt ? <DateTime value={rule.lastRunAt} /> : "Not yet"}</td>
                      <td className={td}>
                        {!rule.active ? (
                          <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-800">Inactive</span>
                        ) : rule.stoppedAt ? (
                          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Stopped: not enough credits</span>
                        ) : (
                          <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900">Active</span>
                        )}
                      </td>
                      <td className={`${td} whitespace-nowrap`}>
                        <form action={setRuleActiveAction.bind(null, rule.id, !rule.active)} className="inline">
                          <button type="submit" className="text-brand-600 hover:underline">
                            {rule.active ? "Deactivate" : "Activate"}
                          </button>
                        </form>
                        {" · "}
                        <form action={removeRuleAction.bind(null, rule.id)} className="inline">
                          <button type="submit" aria-label={`Remove rule ${rule.name}`} className="text-red-700 hover:underline">
                            Remove
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <RuleForm action={createRuleAction} countries={countryOptions()} />
        </section>
      </div>
    </>
  );
}
