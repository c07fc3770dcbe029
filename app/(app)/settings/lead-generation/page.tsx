import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { ActionButton } from "@/components/action-button";
import { DataTable } from "@/components/data-table";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { requireAdmin } from "@/lib/auth/session";
import { countryName, countryOptions } from "@/lib/contacts/countries";
import { env } from "@/lib/env";
import { buyCreditsPrompt } from "@/lib/iap/insufficient-credits";
import { listRules } from "@/lib/visitors/rules";
import { revealShortage } from "@/lib/visitors/run-rules";
import { listSites, siteSnippet } from "@/lib/visitors/sites";
import { createRuleAction, registerSiteAction, removeRuleAction, removeSiteAction, setRuleActiveAction } from "./actions";
import { RuleForm } from "./_components/rule-form";
import { RunRulesButton } from "./_components/run-rules-button";
import { SiteForm } from "./_components/site-form";
import { Snippet } from "./_components/snippet";

export const metadata: Metadata = { title: "Lead Generation" };

export default async function LeadGenerationSettingsPage() {
  const user = await requireAdmin("/settings/lead-generation");
  const [sites, rules] = await Promise.all([listSites(user.companyId), listRules(user.companyId)]);
  const stopped = rules.some((rule) => rule.active && rule.stoppedAt);
  const shortage = stopped ? buyCreditsPrompt(await revealShortage(user.companyId), "to reveal more website visitors (Lead Generation)") : null;

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
                      <ActionButton action={removeSiteAction} fields={{ siteId: site.id }} pendingLabel="Removing…" label={`Remove ${site.name}`} className="text-red-700" showSuccess={false}>
                        Remove
                      </ActionButton>
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
            <RunRulesButton />
          </div>
          {shortage && <InsufficientCreditsNotice {...shortage} />}
          {rules.length > 0 && (
            <DataTable
              caption="Visits to Leads rules"
              rows={rules}
              rowKey={(rule) => rule.id}
              empty={null}
              columns={[
                { key: "rule", header: "Rule", className: "font-medium text-gray-900", cell: (rule) => rule.name },
                { key: "countries", header: "Countries", cell: (rule) => (rule.countries.length ? rule.countries.map((c) => countryName(c)).join(", ") : "Any") },
                { key: "pages", header: "Pages", className: "font-mono text-xs", cell: (rule) => (rule.urlPatterns.length ? rule.urlPatterns.join(" ") : "Any page") },
                { key: "views", header: "Min. views", numeric: true, cell: (rule) => rule.minPageViews },
                { key: "today", header: "Leads today", numeric: true, cell: (rule) => `${rule.revealedToday} / ${rule.maxLeadsPerDay}` },
                { key: "run", header: "Last run", nowrap: true, className: "text-gray-600", cell: (rule) => (rule.lastRunAt ? <DateTime value={rule.lastRunAt} /> : "Not yet") },
                {
                  key: "status",
                  header: "Status",
                  cell: (rule) =>
                    !rule.active ? (
                      <StatusBadge tone="neutral">Inactive</StatusBadge>
                    ) : rule.stoppedAt ? (
                      <StatusBadge tone="warning">Stopped: not enough credits</StatusBadge>
                    ) : (
                      <StatusBadge tone="success">Active</StatusBadge>
                    ),
                },
                {
                  key: "actions",
                  header: "Actions",
                  headerHidden: true,
                  nowrap: true,
                  cell: (rule) => (
                    <span className="flex gap-3">
                      <ActionButton action={setRuleActiveAction} fields={{ ruleId: rule.id, active: !rule.active }} pendingLabel="Saving…" showSuccess={false}>
                        {rule.active ? "Deactivate" : "Activate"}
                      </ActionButton>
                      <ActionButton action={removeRuleAction} fields={{ ruleId: rule.id }} pendingLabel="Removing…" label={`Remove rule ${rule.name}`} className="text-red-700" showSuccess={false}>
                        Remove
                      </ActionButton>
                    </span>
                  ),
                },
              ]}
            />
          )}
          <RuleForm action={createRuleAction} countries={countryOptions()} />
        </section>
      </div>
    </>
  );
}
