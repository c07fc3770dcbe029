import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

// Website visitors → a lead, as a user sees it: register a website, paste its
// snippet into a page served from a local HTTP server, load that page in
// Chromium as a visitor whose requests come from the documented test address,
// run the rule, and find the revealed company among the leads.
//
// The test address: 17.1.2.3, in 17.0.0.0–17.253.1.255, AS714 "Apple Inc." in
// the IP dataset (asn-ipv4.csv), which the company directory knows (S&P 500).
// The e2e server runs with TRUST_PROXY_HOPS=1 (tests/run.ts), so the visitor's
// X-Forwarded-For header is its address, as a reverse proxy would set it.
const VISITOR_ADDRESS = "17.1.2.3";
// Headless Chromium says "HeadlessChrome", which the tracker rightly ignores as a bot.
const VISITOR_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

// The screenshots README points at, retaken by every run of this spec.
const SHOTS = "docs/screenshots";

const database = useDatabase();
let site: Server;
let siteOrigin: string;
let snippet = "";

test.beforeAll(async () => {
  site = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><head><title>Acme ${request.url}</title></head><body><h1>Acme Widgets ${request.url}</h1>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
});

test("a website visitor from a company network becomes a lead with its pages, and converts to a contact", async ({ page, browser }) => {
  const db = database();
  const { companyId, email } = await createCompanyWithUser(db, { name: "Vera Visitors", role: "ADMIN", grants: { reveal: 5n } });
  await signIn(page, email);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Websites and rules" }).click();
  await page.getByLabel("Website name").fill("Acme website");
  await page.getByLabel("Addresses").fill(siteOrigin);
  await page.getByRole("button", { name: "Register website" }).click();
  await expect(page.getByText("Acme website registered: copy its snippet into every page of the site.")).toBeVisible();
  snippet = await page.getByLabel("Snippet for Acme website").inputValue();
  expect(snippet).toContain("/api/track/");
  expect(snippet).toContain("<noscript><img");

  await page.getByLabel("Rule name").fill("Pricing and contact visitors");
  await page.getByLabel("URL patterns").fill("/pricing /contact*");
  await page.getByLabel("Minimum page views").fill("2");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("table", { name: "Visits to Leads rules" })).toContainText("Pricing and contact visitors");
  await page.screenshot({ path: `${SHOTS}/issue26-websites-and-rules.png`, fullPage: true });

  const visitor = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": VISITOR_ADDRESS }, userAgent: VISITOR_AGENT });
  const visitorPage = await visitor.newPage();
  for (const path of ["/", "/pricing", "/contact-us"]) {
    await visitorPage.goto(`${siteOrigin}${path}`);
    await expect(visitorPage.getByRole("heading", { name: `Acme Widgets ${path}` })).toBeVisible();
  }
  // The beacons are sent in the background: wait until the three page views are in.
  await expect
    .poll(async () => (await db.query("SELECT count(*)::int AS n FROM page_view WHERE company_id = $1", [companyId])).rows[0].n, { timeout: 15_000 })
    .toBe(3);
  await visitor.close();

  await page.getByRole("button", { name: "Run rules now" }).click();
  await expect(page.getByText("3 new page views processed, 1 organisation revealed, 0 leads updated.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("table", { name: "Visits to Leads rules" }).screenshot({ path: `${SHOTS}/issue26-rule-after-run.png` });

  await page.getByRole("link", { name: "Leads", exact: true }).first().click();
  const leads = page.getByRole("table", { name: "Leads" });
  const row = leads.getByRole("row", { name: /Apple Inc\./ });
  await expect(row).toContainText("Website visit");
  await expect(row).toContainText("United States");
  await expect(row).toContainText("/contact-us /pricing /");
  await expect(row).toContainText("3 views");
  await expect(page.getByRole("link", { name: "IP Geolocation by DB-IP" })).toHaveAttribute("href", "https://db-ip.com");
  await page.screenshot({ path: `${SHOTS}/issue26-leads-revealed.png`, fullPage: true });

  const { rows: accounts } = await db.query(
    "SELECT a.balance FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = 'reveal'",
    [companyId],
  );
  expect(accounts[0].balance).toBe("4");
  // Processed: the visitor's full address is no longer stored, only its /24.
  const { rows: views } = await db.query("SELECT DISTINCT address, network FROM page_view WHERE company_id = $1", [companyId]);
  expect(views).toEqual([{ address: null, network: "17.1.2.0/24" }]);

  await row.getByRole("button", { name: /Convert Apple Inc\. to a contact/ }).click();
  await expect(leads.getByRole("link", { name: "Converted — open contact" })).toBeVisible();
  await leads.getByRole("link", { name: "Converted — open contact" }).click();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("Created from a lead (Lead Generation, website visit: /contact-us, /pricing, /).");
});
