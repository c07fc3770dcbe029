import "server-only";
import { isbot } from "isbot";
import { pool } from "@/lib/db/client";
import { z } from "zod";
import { hasNul } from "@/lib/http/params";

/**
 * What the snippet sends: the page and where the visitor came from. Its
 * refusals go back to a script (the `detail` of a 400), so they stay English.
 */
const pageViewSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "url must be the page's http(s) address" })
    .max(2048)
    .refine((url) => !hasNul(url), { message: "url must not contain a NUL character" }),
  referrer: z.string().max(2048).refine((text) => !hasNul(text), { message: "referrer must not contain a NUL character" }).optional().default(""),
});

export type TrackOutcome =
  | { status: "recorded"; origin: string }
  | { status: "ignored"; reason: "do-not-track" | "bot" | "no-address" }
  | { status: "refused"; reason: "invalid" | "unknown-site" | "origin-not-allowed"; detail?: string };

export interface TrackInput {
  siteKey: string;
  /** The JSON body of the script's beacon, or null for the no-script pixel. */
  body: string | null;
  headers: Headers;
  address: string | null;
}

/** Query strings and fragments can hold e-mail addresses or tokens: only origin + path are kept. */
function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function referrerOf(text: string): string | null {
  if (!text || !URL.canParse(text)) return null;
  const url = new URL(text);
  return url.protocol === "http:" || url.protocol === "https:" ? withoutQuery(url) : null;
}

/** True when the browser asked not to be tracked (Do Not Track or Global Privacy Control). */
export function optedOut(headers: Headers): boolean {
  return headers.get("dnt") === "1" || headers.get("sec-gpc") === "1";
}

/**
 * One page view. The request path does one statement: an INSERT … SELECT that
 * finds the site by its key and checks the page's origin (and the browser's
 * Origin header, when sent) against the site's registered origins, so an
 * unknown key or a foreign page inserts nothing. Only on that refusal does a
 * second query find which of the two it was, to answer with the right error.
 */
export async function recordPageView(input: TrackInput): Promise<TrackOutcome> {
  if (optedOut(input.headers)) return { status: "ignored", reason: "do-not-track" };
  const userAgent = input.headers.get("user-agent") ?? "";
  if (!userAgent || isbot(userAgent)) return { status: "ignored", reason: "bot" };
  if (!input.address) return { status: "ignored", reason: "no-address" };

  let pageUrl: string;
  let referrer = "";
  if (input.body === null) {
    // The pixel: the page is the Referer (the snippet asks for the full URL).
    pageUrl = input.headers.get("referer") ?? "";
  } else {
    let json: unknown;
    try {
      json = JSON.parse(input.body);
    } catch {
      return { status: "refused", reason: "invalid", detail: "the body must be JSON: {\"url\": …, \"referrer\": …}" };
    }
    const parsed = pageViewSchema.safeParse(json);
    if (!parsed.success) return { status: "refused", reason: "invalid", detail: parsed.error.issues.map((i) => i.message).join("; ") };
    pageUrl = parsed.data.url;
    referrer = parsed.data.referrer;
  }
  if (!URL.canParse(pageUrl) || !/^https?:$/.test(new URL(pageUrl).protocol)) {
    return { status: "refused", reason: "invalid", detail: "no page address (url, or the Referer of the pixel)" };
  }
  const page = new URL(pageUrl);
  const originHeader = input.headers.get("origin");

  const { rows } = await pool().query(
    `INSERT INTO page_view (site_id, company_id, url, path, referrer, user_agent, address)
     SELECT s.id, s.company_id, $2, $3, $4, $5, $6 FROM visitor_site s
      WHERE s.site_key = $1 AND $7 = ANY(s.origins) AND ($8::text IS NULL OR $8 = ANY(s.origins))
     RETURNING id`,
    [input.siteKey, withoutQuery(page), page.pathname.slice(0, 1000), referrerOf(referrer), userAgent.slice(0, 500), input.address, page.origin, originHeader],
  );
  if (rows.length) return { status: "recorded", origin: originHeader ?? page.origin };
  const origins = await siteOrigins(input.siteKey);
  return origins ? { status: "refused", reason: "origin-not-allowed" } : { status: "refused", reason: "unknown-site" };
}

/** The registered origins of a site key (for CORS preflights), or null for an unknown key. */
export async function siteOrigins(siteKey: string): Promise<string[] | null> {
  const { rows } = await pool().query("SELECT origins FROM visitor_site WHERE site_key = $1", [siteKey]);
  return rows[0]?.origins ?? null;
}
