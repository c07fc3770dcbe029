import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { Section } from "@/components/section";
import { linkChunks, TextLink } from "@/components/text-link";
import { ListPage } from "@/components/list-page";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { listLeadRequests, listLeads, type LeadRequestOutcome, type LeadRequestRow } from "@/lib/enrichment/leads";
import { SERVICES } from "@/lib/iap/catalogue";
import { buyCreditsPath, contactPath } from "@/lib/routes";
import { ConvertLeadButton } from "./_components/convert-lead-button";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("leads.list", "metaTitle");

const REQUEST_TONES: Record<LeadRequestRow["state"], Tone> = { DRAFT: "neutral", DONE: "success", ERROR: "danger" };

type Words = Awaited<ReturnType<typeof getTranslations>>;

/** A request's outcome in words: lib/enrichment gives the code and the figures. */
function outcomeText(t: Words, outcome: LeadRequestOutcome): string {
  return outcome.code === "found" ? t("outcome.found", { found: outcome.found, used: outcome.used, released: outcome.released }) : t(`outcome.${outcome.code}`);
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<{ request?: string }> }) {
  const user = await requireUser("/leads");
  const [leads, requests, { request }] = await Promise.all([listLeads(user.companyId), listLeadRequests(user.companyId), searchParams]);
  const justDone = requests.find((r) => String(r.id) === request);
  const t = await getTranslations("leads");
  const sourceName = (source: string) => (t.has(`sources.${source}`) ? t(`sources.${source}`) : source);

  return (
    <ListPage title={t("list.crumb")} action={<ButtonLink href="/leads/generate">{t("list.generate")}</ButtonLink>} className="space-y-8">
      {justDone && (
        <p role="status" className={`rounded-md border px-3 py-2 text-sm ${justDone.state === "ERROR" ? "border-red-200 bg-red-50 text-red-900" : "border-green-200 bg-green-50 text-green-900"}`}>
          {t(`list.justDone.${justDone.state}`, { outcome: outcomeText(t, justDone.outcome) })}
        </p>
      )}
      <Section title={t.rich("list.heading", { count: leads.length, muted: (chunks) => <span className="font-normal text-gray-600">{chunks}</span> })}>
        <DataTable
          cards
          caption={t("list.caption")}
          rows={leads}
          empty={
            <>
              {t.rich("list.empty", { link: linkChunks("/settings/lead-generation") })}
            </>
          }
          columns={[
            { key: "company", header: t("list.columns.company"), rowHeader: true, className: "text-gray-900", cell: (lead) => lead.name },
            { key: "country", header: t("list.columns.country"), cell: (lead) => (lead.country ? countryName(lead.country) : t("list.unknownCountry")) },
            { key: "industry", header: t("list.columns.industry"), cell: (lead) => lead.industry ?? "—" },
            {
              key: "source",
              header: t("list.columns.source"),
              cell: (lead) => t(lead.origin === "VISIT" ? "list.origin.visit" : "list.origin.mined"),
              detail: (lead) => (
                <>
                  {lead.origin === "VISIT" && lead.networkOrganisation !== lead.name ? t("list.network", { network: lead.networkOrganisation ?? "" }) : ""}
                  {sourceName(lead.source)}
                </>
              ),
            },
            {
              key: "pages",
              header: t("list.columns.pages"),
              cell: (lead) =>
                lead.origin === "VISIT" ? (
                  <>
                    <span className="block max-w-64 truncate font-mono text-xs" title={lead.pages.join(" ")}>
                      {lead.pages.slice(0, 4).join(" ")}
                      {lead.pages.length > 4 ? ` +${lead.pages.length - 4}` : ""}
                    </span>
                    <span className="block text-xs text-gray-600">
                      {t("list.views", { count: lead.pageViews })}
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
            { key: "created", header: t("list.columns.created"), nowrap: true, className: "text-gray-600", cell: (lead) => <DateTime value={lead.createdAt} /> },
            {
              key: "status",
              header: t("list.columns.status"),
              nowrap: true,
              cell: (lead) =>
                lead.contactId ? (
                  <TextLink href={contactPath(lead.contactId)}>{t("list.converted")}</TextLink>
                ) : (
                  <ConvertLeadButton leadId={lead.id} leadName={lead.name} />
                ),
            },
          ]}
        />
        {leads.some((lead) => lead.origin === "VISIT") && (
          <p className="text-xs text-gray-600">
            {t.rich("list.attribution", { link: linkChunks("https://db-ip.com") })}
          </p>
        )}
      </Section>

      <Section title={t("requests.heading")}>
        <DataTable
          caption={t("requests.caption")}
          rows={requests}
          empty={t("requests.empty")}
          columns={[
            { key: "created", header: t("requests.columns.created"), nowrap: true, className: "text-gray-600", cell: (r) => <DateTime value={r.createdAt} /> },
            { key: "asked", header: t("requests.columns.asked"), numeric: true, cell: (r) => r.requested },
            { key: "countries", header: t("requests.columns.countries"), cell: (r) => r.countries.map((c) => countryName(c)).join(", ") },
            { key: "industries", header: t("requests.columns.industries"), cell: (r) => r.industries.join(", ") },
            { key: "state", header: t("requests.columns.state"), cell: (r) => <StatusBadge tone={REQUEST_TONES[r.state]}>{t(`requests.states.${r.state}`)}</StatusBadge> },
            {
              key: "outcome",
              header: t("requests.columns.outcome"),
              cell: (r) => (
                <>
                  {outcomeText(t, r.outcome)}
                  {r.outcome.code === "not-enough-credits" && (
                    <>
                      {" — "}
                      <a href={buyCreditsPath(SERVICES.leadGeneration)} target="_blank" rel="noopener" className="text-link">
                        {t("requests.buyCredits")}
                      </a>
                    </>
                  )}
                </>
              ),
            },
            { key: "credits", header: t("requests.columns.credits"), numeric: true, cell: (r) => r.creditsUsed },
          ]}
        />
      </Section>
    </ListPage>
  );
}
