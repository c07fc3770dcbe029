import "server-only";
import { pool } from "@/lib/db/client";
import type { RuleInput } from "./schemas";

export interface VisitorRuleRow extends RuleInput {
  id: number;
  stoppedAt: Date | null;
  lastRunAt: Date | null;
  /** Leads this rule revealed since midnight (UTC). */
  revealedToday: number;
  revealedTotal: number;
}

const COLUMNS = `r.id, r.name, r.countries, r.url_patterns, r.min_page_views, r.max_leads_per_day, r.active, r.stopped_at, r.last_run_at`;

function toRule(row: Record<string, unknown>): VisitorRuleRow {
  return {
    id: row.id as number,
    name: row.name as string,
    countries: row.countries as string[],
    urlPatterns: row.url_patterns as string[],
    minPageViews: row.min_page_views as number,
    maxLeadsPerDay: row.max_leads_per_day as number,
    active: row.active as boolean,
    stoppedAt: (row.stopped_at as Date | null) ?? null,
    lastRunAt: (row.last_run_at as Date | null) ?? null,
    revealedToday: (row.today as number) ?? 0,
    revealedTotal: (row.total as number) ?? 0,
  };
}

export async function listRules(companyId: number): Promise<VisitorRuleRow[]> {
  const { rows } = await pool().query(
    `SELECT ${COLUMNS}, c.today, c.total FROM visitor_rule r
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE l.revealed_at >= date_trunc('day', now()))::int AS today, count(*)::int AS total
           FROM lead l WHERE l.company_id = r.company_id AND l.rule_id = r.id) c ON true
      WHERE r.company_id = $1 ORDER BY r.created_at, r.id`,
    [companyId],
  );
  return rows.map(toRule);
}

export async function createRule(companyId: number, input: RuleInput): Promise<number> {
  const { rows } = await pool().query(
    `INSERT INTO visitor_rule (company_id, name, countries, url_patterns, min_page_views, max_leads_per_day, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [companyId, input.name, input.countries, input.urlPatterns, input.minPageViews, input.maxLeadsPerDay, input.active],
  );
  return rows[0].id;
}

export async function removeRule(companyId: number, ruleId: number): Promise<boolean> {
  const { rowCount } = await pool().query("DELETE FROM visitor_rule WHERE id = $1 AND company_id = $2", [ruleId, companyId]);
  return rowCount === 1;
}

/** Active rules, of one company or of all (the scheduled run). */
export async function activeRules(scope: { companyId?: number; ruleId?: number } = {}): Promise<(VisitorRuleRow & { companyId: number })[]> {
  const { rows } = await pool().query(
    `SELECT ${COLUMNS}, r.company_id FROM visitor_rule r
      WHERE r.active AND ($1::int IS NULL OR r.company_id = $1) AND ($2::int IS NULL OR r.id = $2)
      ORDER BY r.company_id, r.id`,
    [scope.companyId ?? null, scope.ruleId ?? null],
  );
  return rows.map((row) => ({ ...toRule(row), companyId: row.company_id as number }));
}

/** "/pricing" → exact; "/contact*" → prefix. As LIKE patterns, with LIKE's own wildcards escaped. */
export function toLikePatterns(patterns: string[]): string[] {
  return patterns.map((pattern) => {
    const prefix = pattern.endsWith("*");
    const literal = (prefix ? pattern.slice(0, -1) : pattern).replace(/[\\%_]/g, (ch) => `\\${ch}`);
    return prefix ? `${literal}%` : literal;
  });
}

export async function setRuleActive(companyId: number, ruleId: number, active: boolean): Promise<boolean> {
  const { rowCount } = await pool().query("UPDATE visitor_rule SET active = $3, stopped_at = NULL WHERE id = $1 AND company_id = $2", [ruleId, companyId, active]);
  return rowCount === 1;
}
