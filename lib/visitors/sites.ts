import "server-only";
import { randomBytes } from "node:crypto";
import { pool } from "@/lib/db/client";

export interface VisitorSiteRow {
  id: number;
  name: string;
  siteKey: string;
  origins: string[];
  createdAt: Date;
  /** Page views recorded in the last 30 days. */
  recentViews: number;
  lastViewAt: Date | null;
}

/** Public, but unguessable: a key only lets a page of the site's origins record page views. */
export function newSiteKey(): string {
  return randomBytes(16).toString("base64url");
}

export async function registerSite(companyId: number, input: { name: string; origins: string[] }): Promise<VisitorSiteRow> {
  const { rows } = await pool().query(
    `INSERT INTO visitor_site (company_id, name, site_key, origins) VALUES ($1, $2, $3, $4) RETURNING id, name, site_key, origins, created_at`,
    [companyId, input.name, newSiteKey(), input.origins],
  );
  return { ...toSite(rows[0]), recentViews: 0, lastViewAt: null };
}

export async function listSites(companyId: number): Promise<VisitorSiteRow[]> {
  const { rows } = await pool().query(
    `SELECT s.id, s.name, s.site_key, s.origins, s.created_at, v.views, v.last_view_at
       FROM visitor_site s
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS views, max(viewed_at) AS last_view_at FROM page_view p
          WHERE p.site_id = s.id AND p.viewed_at > now() - interval '30 days') v ON true
      WHERE s.company_id = $1
      ORDER BY s.created_at, s.id`,
    [companyId],
  );
  return rows.map((row) => ({ ...toSite(row), recentViews: row.views ?? 0, lastViewAt: row.last_view_at ?? null }));
}

/** Removes a site of this company and the page views it recorded (leads stay). */
export async function removeSite(companyId: number, siteId: number): Promise<boolean> {
  const { rowCount } = await pool().query("DELETE FROM visitor_site WHERE id = $1 AND company_id = $2", [siteId, companyId]);
  return rowCount === 1;
}

function toSite(row: Record<string, unknown>) {
  return { id: row.id as number, name: row.name as string, siteKey: row.site_key as string, origins: row.origins as string[], createdAt: row.created_at as Date };
}

export interface Snippet {
  script: string;
  pixel: string;
  endpoint: string;
}

/**
 * What a site puts in its pages: an inline script that sends one beacon per
 * page load (skipped when the browser asks not to be tracked) and, for
 * browsers without JavaScript, a 1×1 image whose Referer names the page. No
 * cookie, no identifier: the server sees the page, the referrer, the user
 * agent and the address, nothing else.
 */
export function siteSnippet(appUrl: string, siteKey: string): Snippet {
  const endpoint = `${appUrl.replace(/\/$/, "")}/api/track/${siteKey}`;
  const script =
    `<script>(function(){var n=navigator;if(n.doNotTrack=="1"||n.globalPrivacyControl)return;` +
    `var u=${JSON.stringify(endpoint)},b=JSON.stringify({url:location.href,referrer:document.referrer});` +
    `if(!(n.sendBeacon&&n.sendBeacon(u,b)))fetch(u,{method:"POST",body:b,keepalive:true,credentials:"omit"})})();</script>`;
  const pixel = `<noscript><img src="${endpoint}" alt="" width="1" height="1" referrerpolicy="no-referrer-when-downgrade" style="position:absolute;left:-9999px"></noscript>`;
  return { script, pixel, endpoint };
}
