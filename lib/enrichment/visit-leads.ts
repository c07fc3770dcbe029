import "server-only";
import type { Tx } from "@/lib/db/client";
import type { DirectoryCompanyData } from "./providers/provider";

// Leads revealed from website visits (lib/visitors finds the organisations;
// the lead itself lives here with the mined ones). One lead per company and
// visiting organisation: unique (company_id, organisation_key).

export const REVEAL_AGAIN_AFTER_DAYS = 30;
export const MAX_LEAD_PAGES = 50;

export interface VisitLeadInput {
  companyId: number;
  ruleId: number;
  /** "asn:<number>" */
  organisationKey: string;
  networkOrganisation: string;
  directory: DirectoryCompanyData | null;
  /** Distinct paths, most recent first. */
  pages: string[];
  pageViews: number;
  firstVisitAt: Date;
  lastVisitAt: Date;
}

export type VisitLeadOutcome =
  /** Newly revealed (or revealed again after 30 days): the caller charges 1 credit. */
  | { status: "revealed"; leadId: number }
  /** Known already (revealed within 30 days, or a mined lead of the same company): visits updated, nothing to charge. */
  | { status: "updated"; leadId: number };

/**
 * Create or update the organisation's lead, inside the caller's transaction
 * (which holds the rule's lock). Whether this is a reveal is decided by one
 * conditional statement on the unique key — INSERT, or ON CONFLICT an UPDATE
 * only when the last reveal is over 30 days old — never by a read first, so
 * two runs at once reveal (and charge) an organisation once.
 */
export async function recordVisitLead(tx: Tx, input: VisitLeadInput): Promise<VisitLeadOutcome> {
  const pages = input.pages.slice(0, MAX_LEAD_PAGES);
  const d = input.directory;

  // The same company mined earlier: it was paid for then (which counts as its
  // reveal for the 30 days); it gains the visits.
  if (d) {
    const attached = await tx.$queryRaw<{ id: number }[]>`
      UPDATE lead SET organisation_key = ${input.organisationKey}, network_organisation = ${input.networkOrganisation},
             pages = ${pages}::text[], page_views = ${input.pageViews}, first_visit_at = ${input.firstVisitAt}, last_visit_at = ${input.lastVisitAt},
             revealed_at = created_at
       WHERE company_id = ${input.companyId} AND directory_company_id = ${d.id} AND organisation_key IS NULL
      RETURNING id`;
    if (attached[0]) return { status: "updated", leadId: attached[0].id };
  }

  const revealed = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO lead (company_id, origin, organisation_key, network_organisation, rule_id, directory_company_id, name, country, region,
                      postal_code, city, registration_number, industry, website, source, pages, page_views, first_visit_at, last_visit_at, revealed_at)
    VALUES (${input.companyId}, 'VISIT', ${input.organisationKey}, ${input.networkOrganisation}, ${input.ruleId},
            ${d && d.id}::int, ${d?.name ?? input.networkOrganisation}, ${d?.country ?? null}, ${d?.region ?? null},
            ${d?.postalCode ?? null}, ${d?.city ?? null}, ${d?.registrationNumber ?? null}, ${d?.industry ?? null}, ${d?.website ?? null},
            ${d?.source ?? "network"}, ${pages}::text[], ${input.pageViews}, ${input.firstVisitAt}, ${input.lastVisitAt}, now())
    ON CONFLICT (company_id, organisation_key) DO UPDATE
       SET revealed_at = now(), rule_id = EXCLUDED.rule_id, pages = EXCLUDED.pages, page_views = EXCLUDED.page_views,
           first_visit_at = LEAST(lead.first_visit_at, EXCLUDED.first_visit_at), last_visit_at = GREATEST(lead.last_visit_at, EXCLUDED.last_visit_at)
     WHERE lead.revealed_at IS NULL OR lead.revealed_at < now() - make_interval(days => ${REVEAL_AGAIN_AFTER_DAYS})
    RETURNING id`;
  if (revealed[0]) return { status: "revealed", leadId: revealed[0].id };

  const updated = await tx.$queryRaw<{ id: number }[]>`
    UPDATE lead SET pages = ${pages}::text[], page_views = ${input.pageViews},
           first_visit_at = LEAST(first_visit_at, ${input.firstVisitAt}), last_visit_at = GREATEST(last_visit_at, ${input.lastVisitAt})
     WHERE company_id = ${input.companyId} AND organisation_key = ${input.organisationKey}
    RETURNING id`;
  return { status: "updated", leadId: updated[0].id };
}

/** Leads a rule revealed since the start of today (UTC): what "at most N leads per day" counts. */
export async function revealedToday(tx: Tx, ruleId: number): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM lead WHERE rule_id = ${ruleId} AND revealed_at >= date_trunc('day', now())`;
  return rows[0].n;
}

/** Organisations of a company revealed within the last 30 days: not candidates for a charge. */
export async function recentlyRevealed(tx: Tx, companyId: number, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await tx.$queryRaw<{ k: string }[]>`
    SELECT organisation_key AS k FROM lead
     WHERE company_id = ${companyId} AND organisation_key = ANY(${keys}::text[])
       AND revealed_at >= now() - make_interval(days => ${REVEAL_AGAIN_AFTER_DAYS})`;
  return new Set(rows.map((r) => r.k));
}
