// Website visitors → leads, on the real parts: page views recorded through
// the tracking route's handler, the real IP dataset, the company directory,
// the credits engine (hold/capture) and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as trackPost, GET as trackGet } from "@/app/api/track/[siteKey]/route";
import { pool, prisma } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { seedCompanyDirectory } from "@/lib/enrichment/directory-seed";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { verifyLedger } from "@/lib/iap/verify";
import { accountCredits, companyWithCredits } from "@/tests/support/credits";
import { ipIndex } from "./ip-index";
import { purgeOldPageViews } from "./process-visits";
import { createRule } from "./rules";
import { runVisitsToLeads } from "./run-rules";
import { MAX_TRACK_BODY_BYTES, type RuleInput } from "./schemas";
import { registerSite } from "./sites";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const SITE = "https://www.shop.test";

// Addresses from the dataset (asn-ipv4.csv / asn-ipv6.csv rows):
const APPLE = "17.1.2.3"; // 17.0.0.0–17.253.1.255 AS714 Apple Inc. → directory "Apple Inc." (US)
const APPLE_V6 = "2001:506:205:1::42"; // 2001:506:204::/46 AS714 Apple Inc.
const EXXON = "131.126.7.8"; // 131.126.0.0/16 AS1766 Exxon Mobil Corporation → directory "ExxonMobil" (US)
const SIEMENS = "139.23.205.17"; // AS15465 SIEMENS AG → not in the directory: the network's name alone, no country
const TELEKOM = "2.171.4.5"; // AS3320 Deutsche Telekom AG: an ISP, skipped
const AWS = "1.44.96.10"; // AS16509 Amazon.com, Inc.: cloud, skipped
const UNANNOUNCED = "1.0.2.7"; // between two ranges: no organisation

beforeAll(async () => {
  // The route is called directly here, as from behind one trusted proxy that set
  // X-Forwarded-For (lib/http/client-address.ts believes no client-set header otherwise).
  vi.stubEnv("TRUST_PROXY_HOPS", "1");
  reloadEnv();
  await Promise.all([seedCompanyDirectory(), ipIndex()]);
}, 60_000);
afterAll(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

function beacon(siteKey: string, address: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const request = new Request(`http://app.test/api/track/${siteKey}`, {
    method: "POST",
    headers: { "content-type": "text/plain;charset=UTF-8", origin: SITE, "user-agent": BROWSER, "x-forwarded-for": address, ...headers },
    body: body ?? JSON.stringify({ url: `${SITE}${path}?utm_source=mail&email=someone%40example.com`, referrer: "https://www.google.com/search?q=secret" }),
  });
  return trackPost(request, { params: Promise.resolve({ siteKey }) });
}

async function visit(siteKey: string, address: string, ...paths: string[]) {
  for (const path of paths) expect((await beacon(siteKey, address, path)).status).toBe(204);
}

const rule = (overrides: Partial<RuleInput> = {}): RuleInput => ({
  name: "Pricing and contact visitors",
  countries: [],
  urlPatterns: ["/pricing", "/contact*"],
  minPageViews: 2,
  maxLeadsPerDay: 10,
  active: true,
  ...overrides,
});

async function leadsOf(companyId: number) {
  return prisma().lead.findMany({ where: { companyId }, orderBy: { name: "asc" } });
}

describe("a Visits to Leads rule over synthetic visits", () => {
  it("reveals each organisation once, charged once each; ISPs, clouds and unknown addresses are skipped; the ledger is conserved", async () => {
    const { companyId, accountId } = await companyWithCredits("reveal", 10n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    await visit(site.siteKey, APPLE, "/", "/pricing", "/contact-us");
    await visit(site.siteKey, APPLE_V6, "/contact");
    await visit(site.siteKey, EXXON, "/pricing", "/pricing");
    await visit(site.siteKey, SIEMENS, "/pricing", "/contact", "/jobs");
    await visit(site.siteKey, TELEKOM, "/pricing", "/contact");
    await visit(site.siteKey, AWS, "/pricing", "/contact");
    await visit(site.siteKey, UNANNOUNCED, "/pricing", "/contact");
    await visit(site.siteKey, "139.23.206.1", "/about"); // Siemens again, a page the rule does not count
    const ruleId = await createRule(companyId, rule());

    const first = await runVisitsToLeads({ companyId });
    expect(first.rules).toEqual([expect.objectContaining({ ruleId, candidates: 3, revealed: 3, updated: 0, stopped: null, creditsUsed: 3n })]);

    const leads = await leadsOf(companyId);
    expect(leads.map((l) => [l.name, l.country, l.industry, l.origin, l.networkOrganisation, l.pageViews])).toEqual([
      ["Apple Inc.", "US", "Information Technology", "VISIT", "Apple Inc.", 4],
      ["ExxonMobil", "US", "Energy", "VISIT", "Exxon Mobil Corporation", 2],
      ["SIEMENS AG", null, null, "VISIT", "SIEMENS AG", 4],
    ]);
    const apple = leads[0];
    // Every page visited, most recent first, without query strings; IPv4 and IPv6 visits of one network are one organisation.
    expect(apple.pages).toEqual(["/contact", "/contact-us", "/pricing", "/"]);
    expect(apple.firstVisitAt!.getTime()).toBeLessThan(apple.lastVisitAt!.getTime());
    expect(leads[2].pages).toEqual(["/about", "/jobs", "/contact", "/pricing"]);
    expect(await accountCredits(accountId)).toEqual({ balance: 7n, held: 0n });

    // Processed views keep the network, not the address; the page's query string was never stored.
    const views = await pool().query("SELECT address, network, url, referrer, network_kind FROM page_view WHERE company_id = $1 ORDER BY id", [companyId]);
    expect(views.rows.every((v) => v.address === null)).toBe(true);
    expect(views.rows[0]).toEqual({ address: null, network: "17.1.2.0/24", url: `${SITE}/`, referrer: "https://www.google.com/search", network_kind: null });
    expect(views.rows[3].network).toBe("2001:506:205::/48");
    expect(views.rows.filter((v) => v.network_kind).map((v) => v.network_kind)).toEqual(["isp", "isp", "cloud", "cloud"]);

    // More visits and a second run: the same organisations are updated, never charged again within 30 days.
    await visit(site.siteKey, APPLE, "/pricing/enterprise");
    const second = await runVisitsToLeads({ companyId });
    expect(second.rules[0]).toMatchObject({ candidates: 3, revealed: 0, updated: 3, creditsUsed: 0n });
    expect((await leadsOf(companyId))[0].pages[0]).toBe("/pricing/enterprise");
    expect(await accountCredits(accountId)).toEqual({ balance: 7n, held: 0n });
    const usage = await pool().query("SELECT amount FROM ledger_entry WHERE account_id = $1 AND kind = 'USAGE'", [accountId]);
    expect(usage.rows).toHaveLength(3);
    expect(await verifyLedger({ companyId })).toMatchObject({ ok: true, problems: [] });
  });

  it("two runs at once reveal and charge each organisation once", async () => {
    const { companyId, accountId } = await companyWithCredits("reveal", 10n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    await visit(site.siteKey, APPLE, "/pricing", "/contact");
    await visit(site.siteKey, EXXON, "/pricing", "/contact");
    await createRule(companyId, rule());
    await createRule(companyId, rule({ name: "Second rule, same visitors" }));
    const runs = await Promise.all([runVisitsToLeads({ companyId }), runVisitsToLeads({ companyId })]);
    const revealed = runs.flatMap((run) => run.rules).reduce((sum, r) => sum + r.revealed, 0);
    expect(revealed).toBe(2);
    expect(await prisma().lead.count({ where: { companyId } })).toBe(2);
    expect(await accountCredits(accountId)).toEqual({ balance: 8n, held: 0n });
    expect(await verifyLedger({ companyId })).toMatchObject({ ok: true });
  });

  it("countries, the minimum of page views and the daily limit decide who becomes a lead", async () => {
    const { companyId, accountId } = await companyWithCredits("reveal", 10n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    await visit(site.siteKey, APPLE, "/pricing", "/pricing", "/pricing");
    await visit(site.siteKey, EXXON, "/pricing", "/pricing", "/pricing");
    await visit(site.siteKey, SIEMENS, "/pricing", "/pricing", "/pricing");
    // US only: Siemens (no country known) is left out; at most 1 a day: one of the two US companies today.
    await createRule(companyId, rule({ countries: ["US"], minPageViews: 3, maxLeadsPerDay: 1 }));
    const run = await runVisitsToLeads({ companyId });
    expect(run.rules[0]).toMatchObject({ candidates: 2, revealed: 1, otherCountry: 1, stopped: "daily-limit", creditsUsed: 1n });
    expect(await accountCredits(accountId)).toEqual({ balance: 9n, held: 0n });
    // A rule asking 4 views finds nobody.
    const strict = await createRule(companyId, rule({ minPageViews: 4 }));
    const none = await runVisitsToLeads({ companyId, ruleId: strict });
    expect(none.rules[0]).toMatchObject({ candidates: 0, revealed: 0 });
  });
});

describe("out of credits", () => {
  it("the rule stops when credits run out, and resumes after a purchase", async () => {
    const { companyId, accountId } = await companyWithCredits("reveal", 1n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    await visit(site.siteKey, APPLE, "/pricing", "/contact");
    await visit(site.siteKey, EXXON, "/pricing", "/contact");
    await visit(site.siteKey, SIEMENS, "/pricing", "/contact");
    const ruleId = await createRule(companyId, rule());

    const dry = await runVisitsToLeads({ companyId });
    expect(dry.rules[0]).toMatchObject({ revealed: 1, stopped: "insufficient-credits", creditsUsed: 1n });
    expect(await prisma().lead.count({ where: { companyId } })).toBe(1);
    expect(await accountCredits(accountId)).toEqual({ balance: 0n, held: 0n });
    const stopped = await prisma().visitorRule.findUniqueOrThrow({ where: { id: ruleId } });
    expect(stopped.stoppedAt).not.toBeNull();

    // Still no credits: nothing changes, the rule stays stopped.
    expect((await runVisitsToLeads({ companyId })).rules[0]).toMatchObject({ revealed: 0, stopped: "insufficient-credits" });

    // A purchase (a grant through the ledger, as fulfilPurchase makes): the next run reveals the rest.
    await grant(await getOrCreateAccount(companyId, "reveal"), 5n, { kind: "PURCHASE", description: "Starter pack", idempotencyKey: "purchase:test" });
    const resumed = await runVisitsToLeads({ companyId });
    expect(resumed.rules[0]).toMatchObject({ revealed: 2, stopped: null, creditsUsed: 2n });
    expect((await prisma().visitorRule.findUniqueOrThrow({ where: { id: ruleId } })).stoppedAt).toBeNull();
    expect(await prisma().lead.count({ where: { companyId } })).toBe(3);
    expect(await accountCredits(accountId)).toEqual({ balance: 3n, held: 0n });
    expect(await verifyLedger({ companyId })).toMatchObject({ ok: true });
  });
});

describe("the tracking endpoint", () => {
  it("records a page view with CORS for the registered origin only, and sets no cookie", async () => {
    const { companyId } = await companyWithCredits("reveal", 0n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    const ok = await beacon(site.siteKey, APPLE, "/");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(ok.headers.get("set-cookie")).toBeNull();

    const foreign = await beacon(site.siteKey, APPLE, "/", { origin: "https://evil.test" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    // A page of another site posted from a registered origin: also refused.
    const otherPage = await beacon(site.siteKey, APPLE, "/", {}, JSON.stringify({ url: "https://evil.test/" }));
    expect(otherPage.status).toBe(403);
    expect((await beacon("x".repeat(22), APPLE, "/")).status).toBe(404);
    expect((await beacon(site.siteKey, APPLE, "/", {}, "not json")).status).toBe(400);
    expect(await pool().query("SELECT count(*)::int AS n FROM page_view WHERE company_id = $1", [companyId])).toMatchObject({ rows: [{ n: 1 }] });
  });

  it("the no-script pixel records the page named by its Referer and answers a GIF", async () => {
    const { companyId } = await companyWithCredits("reveal", 0n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    const response = await trackGet(
      new Request(`http://app.test/api/track/${site.siteKey}`, { headers: { referer: `${SITE}/pricing?x=1`, "user-agent": BROWSER, "x-forwarded-for": EXXON } }),
      { params: Promise.resolve({ siteKey: site.siteKey }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
    const { rows } = await pool().query("SELECT path, address FROM page_view WHERE company_id = $1", [companyId]);
    expect(rows).toEqual([{ path: "/pricing", address: EXXON }]);
  });

  it("honours Do Not Track and Global Privacy Control, and ignores bots: nothing is stored", async () => {
    const { companyId } = await companyWithCredits("reveal", 0n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    expect((await beacon(site.siteKey, APPLE, "/", { dnt: "1" })).status).toBe(204);
    expect((await beacon(site.siteKey, APPLE, "/", { "sec-gpc": "1" })).status).toBe(204);
    expect((await beacon(site.siteKey, APPLE, "/", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" })).status).toBe(204);
    expect((await beacon(site.siteKey, APPLE, "/", { "user-agent": "curl/8.5.0" })).status).toBe(204);
    expect(await pool().query("SELECT count(*)::int AS n FROM page_view WHERE company_id = $1", [companyId])).toMatchObject({ rows: [{ n: 0 }] });
  });

  it("refuses a body over 8 KB, and more than 30 views a minute from one address", async () => {
    const { companyId } = await companyWithCredits("reveal", 0n);
    const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
    const big = JSON.stringify({ url: `${SITE}/`, referrer: "x".repeat(MAX_TRACK_BODY_BYTES) });
    const refused = await beacon(site.siteKey, APPLE, "/", {}, big);
    expect(refused.status).toBe(413);
    // Without a Content-Length (a streamed body), the limit holds while reading.
    const streamed = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const request = new Request(`http://app.test/api/track/${site.siteKey}`, {
      method: "POST",
      headers: { origin: SITE, "user-agent": BROWSER, "x-forwarded-for": APPLE },
      body: streamed,
      duplex: "half",
    } as RequestInit);
    expect((await trackPost(request, { params: Promise.resolve({ siteKey: site.siteKey }) })).status).toBe(413);

    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await beacon(site.siteKey, EXXON, `/p${i}`)).status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect(await pool().query("SELECT count(*)::int AS n FROM page_view WHERE company_id = $1", [companyId])).toMatchObject({ rows: [{ n: 30 }] });
  });

  it("another company's site key never creates this company's leads", async () => {
    const mine = await companyWithCredits("reveal", 10n);
    const theirs = await companyWithCredits("reveal", 10n);
    const theirSite = await registerSite(theirs.companyId, { name: "Their shop", origins: [SITE] });
    await registerSite(mine.companyId, { name: "My shop", origins: [SITE] });
    await visit(theirSite.siteKey, APPLE, "/pricing", "/contact");
    await createRule(mine.companyId, rule());
    const run = await runVisitsToLeads({ companyId: mine.companyId });
    expect(run.rules[0]).toMatchObject({ candidates: 0, revealed: 0 });
    expect(await prisma().lead.count({ where: { companyId: mine.companyId } })).toBe(0);
    expect(await accountCredits(mine.accountId)).toEqual({ balance: 10n, held: 0n });
    const views = await pool().query("SELECT DISTINCT company_id FROM page_view WHERE site_id = $1", [theirSite.id]);
    expect(views.rows).toEqual([{ company_id: theirs.companyId }]);
  });
});

it("page views older than 90 days are deleted; leads stay", async () => {
  const { companyId } = await companyWithCredits("reveal", 0n);
  const site = await registerSite(companyId, { name: "Shop", origins: [SITE] });
  await visit(site.siteKey, APPLE, "/old", "/new");
  await pool().query("UPDATE page_view SET viewed_at = now() - interval '91 days' WHERE company_id = $1 AND path = '/old'", [companyId]);
  expect(await purgeOldPageViews()).toBeGreaterThanOrEqual(1);
  const { rows } = await pool().query("SELECT path FROM page_view WHERE company_id = $1", [companyId]);
  expect(rows).toEqual([{ path: "/new" }]);
});
