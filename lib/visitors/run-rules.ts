import "server-only";
import { randomUUID } from "node:crypto";
import { pool, prisma } from "@/lib/db/client";
import { SERVICES } from "@/lib/iap/catalogue";
import { matchOrganisation } from "@/lib/enrichment/organisation-match";
import type { DirectoryCompanyData } from "@/lib/enrichment/providers/provider";
import { recentlyRevealed, recordVisitLead, revealedToday, REVEAL_AGAIN_AFTER_DAYS, type VisitLeadInput } from "@/lib/enrichment/visit-leads";
import { getOrCreateAccount, getService } from "@/lib/iap/accounts";
import { charge } from "@/lib/iap/charge";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { balanceOf } from "@/lib/iap/ledger";
import { creditsToUnits } from "@/lib/iap/units";
import type { IpIndex } from "./ip-index";
import { resolvePageViews, type ResolveResult } from "./process-visits";
import { activeRules, toLikePatterns, type VisitorRuleRow } from "./rules";

/** Visits a rule looks at: the last 30 days (the same span as "not charged twice"). */
export const VISIT_WINDOW_DAYS = REVEAL_AGAIN_AFTER_DAYS;

export interface RuleRunResult {
  ruleId: number;
  companyId: number;
  /** Organisations whose visits meet the rule. */
  candidates: number;
  revealed: number;
  updated: number;
  /** Left out: no country, or not one of the rule's. */
  otherCountry: number;
  /** Why the run stopped early, if it did. */
  stopped: "insufficient-credits" | "daily-limit" | null;
  creditsUsed: bigint;
}

export interface VisitsToLeadsResult {
  resolved: ResolveResult;
  rules: RuleRunResult[];
}

interface Candidate {
  asn: number;
  organisation: string;
  views: number;
  firstVisitAt: Date;
  lastVisitAt: Date;
  pages: string[];
}

// Per organisation (ASN) of the company's visits in the window: those with
// at least the rule's minimum of views of pages its patterns match; for the
// lead, all their views, every page visited (most recent first) and the
// first and last visit.
const CANDIDATES_SQL = `
  WITH views AS (
    SELECT asn, organisation, path, viewed_at, (cardinality($2::text[]) = 0 OR path LIKE ANY($2::text[])) AS matches
      FROM page_view
     WHERE company_id = $1 AND processed_at IS NOT NULL AND asn IS NOT NULL AND network_kind IS NULL
       AND viewed_at > now() - make_interval(days => $4)
  ), orgs AS (
    SELECT asn, min(organisation) AS organisation, count(*)::int AS views, min(viewed_at) AS first_visit_at, max(viewed_at) AS last_visit_at
      FROM views GROUP BY asn HAVING count(*) FILTER (WHERE matches) >= $3
  )
  SELECT o.*, (SELECT array_agg(path ORDER BY last DESC) FROM (SELECT path, max(viewed_at) AS last FROM views v WHERE v.asn = o.asn GROUP BY path) p) AS pages
    FROM orgs o
   ORDER BY o.last_visit_at DESC, o.asn`;

async function candidatesOf(rule: VisitorRuleRow & { companyId: number }): Promise<Candidate[]> {
  const { rows } = await pool().query(CANDIDATES_SQL, [rule.companyId, toLikePatterns(rule.urlPatterns), rule.minPageViews, VISIT_WINDOW_DAYS]);
  return rows.map((row) => ({
    asn: row.asn,
    organisation: row.organisation,
    views: row.views,
    firstVisitAt: row.first_visit_at,
    lastVisitAt: row.last_visit_at,
    pages: row.pages ?? [],
  }));
}

const RULE_LOCK = "visitor-rule";

/**
 * One rule over the company's recent visits. Each organisation not revealed
 * in the last 30 days costs 1 Lead Generation credit, charged with a hold
 * that is captured only when recordVisitLead's conditional upsert really
 * revealed it (0 otherwise: a concurrent run got there first, or the day's
 * limit was reached meanwhile). Out of credits, the rule stops and records
 * when; its next run — after a purchase — carries on where visits still wait.
 */
export async function runRule(rule: VisitorRuleRow & { companyId: number }): Promise<RuleRunResult> {
  const result: RuleRunResult = { ruleId: rule.id, companyId: rule.companyId, candidates: 0, revealed: 0, updated: 0, otherCountry: 0, stopped: null, creditsUsed: 0n };
  const service = await getService(SERVICES.leadGeneration);
  const oneCredit = creditsToUnits(1, service.decimals);
  const runKey = randomUUID();
  const candidates = await candidatesOf(rule);
  const known = await recentlyRevealed(prisma(), rule.companyId, candidates.map((c) => `asn:${c.asn}`));
  const matches = new Map<string, DirectoryCompanyData | null>();

  for (const candidate of candidates) {
    let directory = matches.get(candidate.organisation);
    if (directory === undefined) {
      directory = await matchOrganisation(candidate.organisation);
      matches.set(candidate.organisation, directory);
    }
    if (rule.countries.length && (!directory || !rule.countries.includes(directory.country))) {
      result.otherCountry++;
      continue;
    }
    result.candidates++;
    const key = `asn:${candidate.asn}`;
    const lead: VisitLeadInput = {
      companyId: rule.companyId,
      ruleId: rule.id,
      organisationKey: key,
      networkOrganisation: candidate.organisation,
      directory,
      pages: candidate.pages,
      pageViews: candidate.views,
      firstVisitAt: candidate.firstVisitAt,
      lastVisitAt: candidate.lastVisitAt,
    };
    if (known.has(key)) {
      await prisma().$transaction((tx) => recordVisitLead(tx, lead));
      result.updated++;
      continue;
    }
    if (result.stopped) continue; // past the day's limit or out of credits: known organisations still get their visits

    try {
      const charged = await charge(
        {
          companyId: rule.companyId,
          service: SERVICES.leadGeneration,
          amount: oneCredit,
          idempotencyKey: `visit-reveal:${rule.id}:${runKey}:${key}`,
          description: `Lead Generation: website visitor ${directory?.name ?? candidate.organisation}`,
          wording: { code: "visitor", params: { organisation: directory?.name ?? candidate.organisation } },
          reference: `visitor_rule:${rule.id}`,
          actualAmount: (outcome: { status: string }) => (outcome.status === "revealed" ? oneCredit : 0n),
        },
        () =>
          prisma().$transaction(async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${RULE_LOCK}), ${rule.id})`;
            if ((await revealedToday(tx, rule.id)) >= rule.maxLeadsPerDay) return { status: "daily-limit" as const };
            return recordVisitLead(tx, lead);
          }),
      );
      if (charged.result.status === "daily-limit") result.stopped = "daily-limit";
      else if (charged.result.status === "revealed") result.revealed++;
      else result.updated++;
      result.creditsUsed += charged.captured;
    } catch (error) {
      if (!(error instanceof InsufficientCreditsError)) throw error;
      result.stopped = "insufficient-credits";
    }
  }

  await pool().query(
    "UPDATE visitor_rule SET last_run_at = now(), stopped_at = CASE WHEN $2 THEN COALESCE(stopped_at, now()) ELSE NULL END WHERE id = $1",
    [rule.id, result.stopped === "insufficient-credits"],
  );
  return result;
}

/**
 * The Visits to Leads job: process new page views (address → network,
 * truncated), then run every active rule (of one company, or of all). Safe to
 * run twice at once: views are claimed with SKIP LOCKED, reveals are decided
 * by the lead's unique key, each rule's day count is read under its lock.
 */
export async function runVisitsToLeads(scope: { companyId?: number; ruleId?: number; index?: IpIndex } = {}): Promise<VisitsToLeadsResult> {
  const resolved = await resolvePageViews(scope.index);
  const rules: RuleRunResult[] = [];
  for (const rule of await activeRules(scope)) rules.push(await runRule(rule));
  return { resolved, rules };
}

/** What a stopped rule needs (1 credit) against what the company has: for the one buy prompt. */
export async function revealShortage(companyId: number): Promise<InsufficientCreditsError> {
  const service = await getService(SERVICES.leadGeneration);
  const account = await getOrCreateAccount(companyId, SERVICES.leadGeneration);
  return new InsufficientCreditsError(service, creditsToUnits(1, service.decimals), await balanceOf(account.id));
}
