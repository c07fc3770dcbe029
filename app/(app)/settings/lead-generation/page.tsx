import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { ActionButton } from "@/components/action-button";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { linkChunks } from "@/components/text-link";
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
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("leads.settings", "metaTitle");

type RuleStatus = "inactive" | "stopped" | "active";

// An active rule is "stopped" while its last run ran out of credits (stoppedAt); the next run that finds credits clears it.
const ruleStatus = (rule: { active: boolean; stoppedAt: Date | null }): RuleStatus => (!rule.active ? "inactive" : rule.stoppedAt ? "stopped" : "active");

const RULE_TONES: Record<RuleStatus, Tone> = { inactive: "neutral", stopped: "warning", active: "success" };

export default async function LeadGenerationSettingsPage() {
  const user = await requireAdmin("/settings/lead-generation");
  const [sites, rules] = await Promise.all([listSites(user.companyId), listRules(user.companyId)]);
  const t = await getTranslations("leads.settings");
  const stopped = rules.some((rule) => rule.active && rule.stoppedAt);
  const shortage = stopped ? buyCreditsPrompt(await revealShortage(user.companyId), "revealVisitors") : null;

  return (
    <>
      <PageHeader crumbs={[{ label: t("crumbSettings"), href: "/settings" }, { label: t("crumb") }]} />
      <div className="space-y-10 px-4 py-5 sm:px-6">
        <Section title={t("websites.heading")} intro={t("websites.intro")}>
          {sites.length === 0 ? (
            <p className="rounded-md border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("websites.empty")}</p>
          ) : (
            <ul className="space-y-4" aria-label={t("websites.heading")}>
              {sites.map((site) => {
                const snippet = siteSnippet(env().APP_URL, site.siteKey);
                return (
                  <li key={site.id} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-xs">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div>
                        <h3 className="font-medium text-gray-900">{site.name}</h3>
                        <p className="text-sm text-gray-600">{site.origins.join(", ")}</p>
                        <p className="text-xs text-gray-600">
                          {t.rich("websites.key", { key: site.siteKey, views: site.recentViews, code: (chunks) => <code className="rounded bg-gray-100 px-1">{chunks}</code> })}
                          {site.lastViewAt && <> {t.rich("websites.last", { date: () => <DateTime value={site.lastViewAt!} /> })}</>}
                        </p>
                      </div>
                      <ActionButton action={removeSiteAction} fields={{ siteId: site.id }} pendingLabel={t("removing")} label={t("websites.removeLabel", { name: site.name })} className="text-red-700" showSuccess={false}>
                        {t("remove")}
                      </ActionButton>
                    </div>
                    <Snippet siteName={site.name} code={`${snippet.script}\n${snippet.pixel}`} />
                  </li>
                );
              })}
            </ul>
          )}
          <SiteForm action={registerSiteAction} />
        </Section>

        <Section title={t("rules.heading")} intro={<p className="max-w-3xl">{t.rich("rules.intro", { link: linkChunks("/leads") })}</p>} actions={<RunRulesButton />}>
          {shortage && <InsufficientCreditsNotice {...shortage} />}
          {rules.length > 0 && (
            <DataTable
              caption={t("rules.heading")}
              rows={rules}
              empty={null}
              columns={[
                { key: "rule", header: t("rules.columns.rule"), className: "font-medium text-gray-900", cell: (rule) => rule.name },
                { key: "countries", header: t("rules.columns.countries"), cell: (rule) => (rule.countries.length ? rule.countries.map((c) => countryName(c)).join(", ") : t("rules.anyCountry")) },
                { key: "pages", header: t("rules.columns.pages"), className: "font-mono text-xs", cell: (rule) => (rule.urlPatterns.length ? rule.urlPatterns.join(" ") : t("rules.anyPage")) },
                { key: "views", header: t("rules.columns.views"), numeric: true, cell: (rule) => rule.minPageViews },
                { key: "today", header: t("rules.columns.today"), numeric: true, cell: (rule) => t("rules.today", { revealed: rule.revealedToday, max: rule.maxLeadsPerDay }) },
                { key: "run", header: t("rules.columns.run"), nowrap: true, className: "text-gray-600", cell: (rule) => (rule.lastRunAt ? <DateTime value={rule.lastRunAt} /> : t("rules.notYet")) },
                {
                  key: "status",
                  header: t("rules.columns.status"),
                  cell: (rule) => {
                    const status = ruleStatus(rule);
                    return <StatusBadge tone={RULE_TONES[status]}>{t(`rules.${status}`)}</StatusBadge>;
                  },
                },
                { ...ACTIONS_COLUMN, header: t("rules.columns.actions"), cell: (rule) => (
                  <span className="flex gap-3">
                    <ActionButton action={setRuleActiveAction} fields={{ ruleId: rule.id, active: !rule.active }} pendingLabel={t("saving")} showSuccess={false}>
                      {t(rule.active ? "rules.deactivate" : "rules.activate")}
                    </ActionButton>
                    <ActionButton action={removeRuleAction} fields={{ ruleId: rule.id }} pendingLabel={t("removing")} label={t("rules.removeLabel", { name: rule.name })} className="text-red-700" showSuccess={false}>
                      {t("remove")}
                    </ActionButton>
                  </span>
                ) },
              ]}
            />
          )}
          <RuleForm action={createRuleAction} countries={countryOptions()} />
        </Section>
      </div>
    </>
  );
}
