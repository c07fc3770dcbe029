// What a newcomer tripped over (#18): a walk through EVERY page of the app —
// checked against the app/ tree, so a new page cannot be left out — at 390 px
// (no page wider than the phone) and through axe-core (no serious or critical
// violation), on a company of its own filled through the UI where it can be:
// a contact with a long URL in a note and a 1,000-character SMS, a letter, a
// signature request, a purchase, a document to review. Plus the dialogs'
// focus, a contact's "Saved", kept input after a refused Confirm, and the
// unsaved-changes question.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { samplePdf } from "@/tests/support/pdf";
import { createCompanyWithUser } from "./db";
import { signIn } from "./support";

const PHONE = { width: 390, height: 844 };
const LONG_URL = `https://intranet.example.com/projects/2026/onboarding/${"very-long-path-segment-".repeat(4)}documents?ref=${"a1b2c3".repeat(6)}`;
const LONG_SMS = `Reminder:${"ABC123xyz-".repeat(99)}`.slice(0, 1000);
const SHOTS = "docs/screenshots";

/** Every page of the app/ tree as a route pattern ("/contacts/[id]"), route groups left out. */
function appRoutes(dir = path.resolve("app"), prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (!statSync(full).isDirectory()) {
      if (entry === "page.tsx") routes.push(prefix || "/");
      continue;
    }
    // Private folders, and the route handlers under app/api (not pages; app/developers/api is one).
    if (entry.startsWith("_") || (dir === path.resolve("app") && entry === "api")) continue;
    routes.push(...appRoutes(full, /^\(.*\)$/.test(entry) ? prefix : `${prefix}/${entry}`));
  }
  return routes;
}

interface World {
  email: string;
  companyId: number;
  contactId: number;
  addressContactId: number;
  documentId: number;
  /** A second document, for the test that deletes one. */
  spareDocumentId: number;
  webhookId: number;
  /** Working secret links (only their hashes are stored, as the app stores them). */
  inviteToken: string;
  resetToken: string;
  accountId?: number;
  purchaseUrl?: string;
  successUrl?: string;
  signUrl?: string;
  signingUrl?: string;
  emailUrl?: string;
  /** The admin's signed-in session, for every page opened after the one that signed in. */
  session?: Awaited<ReturnType<BrowserContext["storageState"]>>;
  baseURL: string;
}

/**
 * The walk: each page of the app and the URL it is visited at. A page added to
 * app/ must be added here (the first test fails until it is); `signedOut` for
 * pages a visitor sees without an account.
 */
const WALK: Record<string, { url: (w: World) => string | undefined; signedOut?: boolean; redirects?: boolean }> = {
  "/": { url: () => "/", redirects: true },
  "/login": { url: () => "/login", signedOut: true },
  "/developers/api": { url: () => "/developers/api", signedOut: true },
  "/forgot-password": { url: () => "/forgot-password", signedOut: true },
  "/reset-password/[token]": { url: (w) => `/reset-password/${w.resetToken}`, signedOut: true },
  "/invite/[token]": { url: (w) => `/invite/${w.inviteToken}`, signedOut: true },
  // The company exists: set-up sends a visitor to sign in (its form is walked in production-mode.spec.ts, on an empty database).
  "/setup": { url: () => "/setup", signedOut: true, redirects: true },
  "/profile": { url: () => "/profile" },
  "/settings/users": { url: () => "/settings/users" },
  "/contacts": { url: () => "/contacts" },
  "/contacts/new": { url: () => "/contacts/new" },
  "/contacts/[id]": { url: (w) => `/contacts/${w.contactId}` },
  "/contacts/[id]/post": { url: (w) => `/contacts/${w.addressContactId}/post` },
  "/documents": { url: () => "/documents" },
  "/documents/[id]": { url: (w) => `/documents/${w.documentId}` },
  "/iap/buy/[service]": { url: () => "/iap/buy/sms" },
  "/iap/checkout/demo/[purchaseId]": { url: (w) => w.purchaseUrl },
  "/iap/checkout/success": { url: (w) => w.successUrl },
  "/leads": { url: () => "/leads" },
  "/leads/generate": { url: () => "/leads/generate" },
  "/letters": { url: () => "/letters" },
  "/settings": { url: () => "/settings" },
  "/settings/iap": { url: () => "/settings/iap" },
  "/settings/iap/[accountId]": { url: (w) => (w.accountId ? `/settings/iap/${w.accountId}` : undefined) },
  "/settings/iap/service/[service]": { url: () => "/settings/iap/service/snailmail", redirects: true },
  "/settings/lead-generation": { url: () => "/settings/lead-generation" },
  "/settings/company": { url: () => "/settings/company" },
  "/settings/jobs": { url: () => "/settings/jobs" },
  "/settings/sms": { url: () => "/settings/sms" },
  "/settings/api-keys": { url: () => "/settings/api-keys" },
  "/settings/webhooks": { url: () => "/settings/webhooks" },
  "/settings/webhooks/[id]": { url: (w) => `/settings/webhooks/${w.webhookId}` },
  "/settings/outbox": { url: () => "/settings/outbox" },
  "/settings/outbox/[id]": { url: (w) => w.emailUrl },
  "/sign": { url: () => "/sign" },
  "/sign/new": { url: () => "/sign/new" },
  "/sign/[id]": { url: (w) => w.signUrl },
  "/s/[token]": { url: (w) => w.signingUrl, signedOut: true },
};

// A 1×1 PNG: the document's preview.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const field = (value: string | null, confidence = 0.95) => ({ value, confidence, flags: [] as string[] });

// Each worker makes its own company once, so the tests need not run in order.
// A worker fixture, not a beforeAll: Playwright runs a parallel file with
// beforeAll hooks as one group of tests per worker (4 + 3 here), while tests
// without one spread over both workers one at a time. The walk's pages list a
// letter, a signature request, an e-mail and a purchase made through the UI.
const test = base.extend<object, { walkWorld: World }>({
  walkWorld: [
    async ({ browser }, use, workerInfo) => {
      const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
      const world = await makeWorld(db, workerInfo.project.use.baseURL!).finally(() => db.end());
      // Signed in once, through the form; every later page reuses the session.
      const context = await phoneContext(browser, world);
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, world.email);
      await page.setViewportSize(PHONE);
      await makeTheRest(page, world);
      await page.goto("/settings/iap");
      await page.screenshot({ path: `${SHOTS}/issue18-iap-accounts-390.png`, fullPage: true });
      world.session = await context.storageState();
      await context.close();
      await use(world);
    },
    { scope: "worker", timeout: 300_000 },
  ],
});

/** The company and the records the database can hold directly: contacts, documents, a webhook, an invitation and a reset link. */
async function makeWorld(db: pg.Pool, baseURL: string): Promise<World> {
  const { companyId, email } = await createCompanyWithUser(db, {
    name: "Walk Admin",
    role: "ADMIN",
    grants: { sms: 5_000n, snailmail: 20n, reveal: 3n, invoice_ocr: 5n },
  });
  await db.query("UPDATE company SET street = 'Rue de la Loi 16', zip = '1000', city = 'Brussels' WHERE id = $1", [companyId]);
  const insertContact = async (name: string, values: Record<string, string | null>) => {
    const { rows } = await db.query(
      "INSERT INTO contact (company_id, name, email, phone, mobile, country, street, zip, city) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      [companyId, name, values.email ?? null, values.phone ?? null, values.mobile ?? null, values.country ?? null, values.street ?? null, values.zip ?? null, values.city ?? null],
    );
    return rows[0].id as number;
  };
  const contactId = await insertContact("Marie Dupont", { email: "marie.dupont@example.com", mobile: "+33 6 12 34 56 78", country: "FR" });
  const addressContactId = await insertContact("Brasserie Cantillon", { phone: "+32 2 521 49 28", country: "BE", street: "Rue Gheude 56", zip: "1070", city: "Anderlecht" });
  for (const [name, mail] of [
    ["Anne-Sophie Vandenbroucke-Delacroix de la Montagne", "anne-sophie.vandenbroucke-delacroix@a-very-long-company-domain-name.example"],
    ["Jan Peeters", "jan@peeters.example"],
    ["Wang Fang", "fang.wang@example.cn"],
  ]) {
    await insertContact(name, { email: mail, phone: "0470 12 34 56", country: "BE" });
  }
  await db.query("INSERT INTO chatter_message (contact_id, kind, body) VALUES ($1, 'NOTE', $2), ($1, 'SMS', $3)", [contactId, `Onboarding notes are at ${LONG_URL}`, LONG_SMS]);
  const fields = {
    vendorName: field("Papeterie Durand SAS"),
    vendorVat: field("FR40303265045"),
    invoiceNumber: field("F-2026-0042", 0.5),
    invoiceDate: field("2026-11-02"),
    dueDate: field("2026-12-02"),
    currency: field("EUR"),
    subtotal: field("100.00"),
    tax: field("20.00"),
    total: field("120.00"),
    iban: field(null, 0),
  };
  const document = await db.query(
    `INSERT INTO document (company_id, kind, state, file_name, mime_type, file_size, content, page_count, progress, text_source, fields)
     VALUES ($1, 'VENDOR_BILL', 'TO_REVIEW', 'papeterie-durand-facture-novembre-2026-numero-F-2026-0042.png', 'image/png', $2, $3, 1, 100, 'ocr', $4) RETURNING id`,
    [companyId, PNG.length, PNG, JSON.stringify(fields)],
  );
  const spare = await db.query(
    `INSERT INTO document (company_id, kind, state, file_name, mime_type, file_size, content, page_count, progress, text_source, fields)
     VALUES ($1, 'EXPENSE_RECEIPT', 'TO_REVIEW', 'taxi-receipt.png', 'image/png', $2, $3, 1, 100, 'ocr', $4) RETURNING id`,
    [companyId, PNG.length, PNG, JSON.stringify(fields)],
  );
  const webhook = await db.query(
    "INSERT INTO webhook_endpoint (company_id, url, description, events, secret) VALUES ($1, $2, 'ERP bridge', ARRAY['balance.low', 'purchase.completed'], $3) RETURNING id",
    [companyId, `https://erp.example.com/hooks/iap-credits/${"incoming-".repeat(6)}events`, `whsec_${"0".repeat(32)}`],
  );
  // An invited colleague and a password reset for the admin, with links the walk can open.
  const link = async (userId: number, purpose: "INVITATION" | "PASSWORD_RESET") => {
    const token = randomBytes(32).toString("base64url");
    await db.query("INSERT INTO user_token (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')", [
      userId,
      purpose,
      createHash("sha256").update(token).digest("hex"),
    ]);
    return token;
  };
  const invited = await db.query(
    "INSERT INTO app_user (company_id, email, name, password_hash, role, status) VALUES ($1, $2, 'Colin Colleague-With-A-Rather-Long-Name', NULL, 'USER', 'INVITED') RETURNING id",
    [companyId, `invited-${companyId}@test.example`],
  );
  const admin = await db.query("SELECT id FROM app_user WHERE email = $1", [email]);
  const inviteToken = await link(invited.rows[0].id, "INVITATION");
  const resetToken = await link(admin.rows[0].id, "PASSWORD_RESET");
  return { email, companyId, contactId, inviteToken, resetToken, addressContactId, documentId: document.rows[0].id, spareDocumentId: spare.rows[0].id, webhookId: webhook.rows[0].id, baseURL };
}

function phoneContext(browser: Browser, world: World, signedIn = false): Promise<BrowserContext> {
  return browser.newContext({ baseURL: world.baseURL, viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, ...(signedIn ? { storageState: world.session } : {}) });
}

/** A phone-sized page, signed in as the walk's admin (or signed out). */
async function phonePage(browser: Browser, world: World, signedIn = true): Promise<Page> {
  return (await phoneContext(browser, world, signedIn)).newPage();
}

test("the walk covers every page of the app", () => {
  expect(appRoutes().sort()).toEqual(Object.keys(WALK).sort());
});

test("on a phone: the menu, the SMS dialog typed into at once, a contact saved, unsaved edits asked about", async ({ browser, walkWorld: world }) => {
  test.setTimeout(180_000);
  const page = await phonePage(browser, world);
  await page.goto("/contacts");
  // Below 768 px the apps are behind "Menu"; every one of them is reachable.
  await expect(page.getByRole("navigation", { name: "Apps" })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  const menu = page.getByRole("navigation", { name: "Apps" });
  for (const app of ["Contacts", "Documents", "Sign", "Leads", "Letters", "Settings"]) await expect(menu.getByRole("link", { name: app })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/issue18-menu-390.png` });
  await menu.getByRole("link", { name: "Contacts" }).click();
  await expect(menu).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/issue18-contacts-390.png`, fullPage: true });

  await page.goto(`/contacts/${world.contactId}`);
  await expect(page.getByText(LONG_URL)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/issue18-contact-long-note-390.png`, fullPage: true });

  // The SMS dialog opens with the cursor in Message: typing (spaces included) lands there; Escape closes it.
  await page.getByRole("button", { name: "Send SMS to +33 6 12 34 56 78" }).click();
  const dialog = page.getByRole("dialog", { name: "Send SMS Text Message" });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("Hello Marie, see you at 10");
  await expect(dialog.getByLabel("Message")).toHaveValue("Hello Marie, see you at 10");
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/issue18-sms-dialog-390.png` });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Saving says so, and stays said until the next edit.
  await page.getByLabel("City").fill("Lyon");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("City")).toHaveValue("Lyon");

  // Leaving with unsaved edits asks first; "Cancel" stays, "OK" leaves.
  await page.getByLabel("City").fill("Marseille");
  page.once("dialog", (question) => void question.dismiss());
  await page.getByRole("link", { name: "Back to list" }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${world.contactId}$`));
  await expect(page.getByLabel("City")).toHaveValue("Marseille");
  page.once("dialog", (question) => void question.accept());
  await page.getByRole("link", { name: "Back to list" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await page.context().close();
});

test("a refused document Confirm keeps what was typed", async ({ browser, walkWorld: world }) => {
  const page = await phonePage(browser, world);
  await page.goto(`/documents/${world.documentId}`);
  await page.getByLabel("Invoice number").fill("KEPT-AFTER-REFUSAL");
  await page.getByLabel("Due date").fill("the 5th");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  await expect(page.getByLabel("Invoice number")).toHaveValue("KEPT-AFTER-REFUSAL");
  await expect(page.getByLabel("Due date")).toHaveValue("the 5th");
  await expect(page.getByLabel("Total", { exact: true })).toHaveValue("120.00");

  // A document can be deleted (its credits stay spent), after a question.
  const name = "taxi-receipt.png";
  await page.goto(`/documents/${world.spareDocumentId}`);
  page.once("dialog", (question) => void question.accept());
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await page.context().close();
});

/** Fills the world with what only the UI makes: a letter, a request and its link, a purchase, an e-mail. */
async function makeTheRest(page: Page, world: World) {
  await page.goto(`/contacts/${world.addressContactId}/post`);
  await page.getByLabel("Subject").fill("Your order");
  await page.getByLabel("Letter text").fill("Dear Sir or Madam,\n\nPlease find your order confirmation.");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: /is In Queue/ })).toBeVisible({ timeout: 30_000 });

  await page.goto("/sign/new");
  await page.getByLabel("Title").fill("Service agreement for the walk");
  await page.getByLabel("PDF document").setInputFiles({ name: "agreement.pdf", mimeType: "application/pdf", buffer: Buffer.from(await samplePdf()) });
  const signer = page.getByRole("group", { name: "Signer 1" });
  await signer.getByLabel("Name").fill("Marie Dupont");
  await signer.getByLabel("E-mail").fill("marie.dupont@example.com");
  await signer.getByLabel("Require identity verification").uncheck();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/sign\/\d+$/, { timeout: 30_000 });
  world.signUrl = new URL(page.url()).pathname;
  // Honest: the e-mail has not left (no SMTP here), so not "Sent".
  await expect(page.getByLabel("Status of Marie Dupont")).toContainText("Waiting to be sent");
  await page.getByRole("button", { name: "Copy link for Marie Dupont" }).click();
  world.signingUrl = new URL(await page.getByLabel("Signing link for Marie Dupont").inputValue()).pathname;
  await page.getByRole("button", { name: "Resend the link to Marie Dupont" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new link is queued to the signer" })).toBeVisible();
  // The resent e-mail carries a newer link: the copied one was replaced. Copy again for the walk.
  await page.getByRole("button", { name: "Copy link for Marie Dupont" }).click();
  world.signingUrl = new URL(await page.getByLabel("Signing link for Marie Dupont").inputValue()).pathname;

  await page.goto("/settings/outbox");
  // The first link e-mail and the resent one: either is an e-mail page to walk.
  await page.getByRole("link", { name: /Please sign: Service agreement for the walk/ }).first().click();
  await expect(page).toHaveURL(/\/settings\/outbox\/\d+$/);
  world.emailUrl = new URL(page.url()).pathname;

  await page.goto("/iap/buy/sms");
  await page.getByRole("button", { name: /^Buy/ }).first().click();
  await expect(page).toHaveURL(/\/iap\/checkout\/demo\/\d+/, { timeout: 30_000 });
  world.purchaseUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(page).toHaveURL(/\/iap\/checkout\/success/, { timeout: 30_000 });
  world.successUrl = new URL(page.url()).pathname + new URL(page.url()).search;

  await page.goto("/settings/iap");
  await page.getByRole("link", { name: "SMS" }).click();
  await expect(page).toHaveURL(/\/settings\/iap\/\d+$/);
  world.accountId = Number(page.url().split("/").pop());
}

/** A page that changes on its own after loading (a redirect, a refresh) is measured once it has settled. */
async function settled(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle").catch(() => null);
}

/**
 * Walks `routes`: each page at 390 px (no wider than the screen) and at 1280 px,
 * with axe at both widths (no serious or critical violation).
 */
async function walk(browser: Browser, world: World, routes: string[]) {
  const page = await phonePage(browser, world);
  const visitor = await phonePage(browser, world, false);
  const desktop = await browser.newContext({ baseURL: world.baseURL, viewport: { width: 1280, height: 900 }, storageState: world.session });
  const wide = await desktop.newPage();

  const tooWide: string[] = [];
  const violations: string[] = [];
  for (const route of routes) {
    const { url, signedOut } = WALK[route];
    const target = url(world);
    expect(target, `no URL for ${route}`).toBeTruthy();
    for (const [viewer, width] of [[signedOut ? visitor : page, PHONE.width], [signedOut ? visitor : wide, 1280]] as const) {
      if (signedOut && width === 1280) await viewer.setViewportSize({ width: 1280, height: 900 });
      if (signedOut && width === PHONE.width) await viewer.setViewportSize(PHONE);
      await settled(viewer, target!);
      if (width === PHONE.width) {
        const { scrollWidth, innerWidth } = await viewer.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        if (scrollWidth > innerWidth) tooWide.push(`${route} (${target}): ${scrollWidth} px wide on a ${innerWidth} px screen`);
      }
      const results = await new AxeBuilder({ page: viewer }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      for (const violation of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        violations.push(`${route} at ${width} px: ${violation.id} (${violation.impact}) — ${violation.help}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}`);
      }
    }
  }
  await desktop.close();
  await visitor.context().close();
  await page.context().close();
  expect({ tooWide, violations }).toEqual({ tooWide: [], violations: [] });
}

// The walk in parts, so that both workers share it (every page at two widths with axe is minutes of work).
const WALK_PARTS = 4;
for (let part = 0; part < WALK_PARTS; part++) {
  const routes = Object.keys(WALK).filter((_route, i) => i % WALK_PARTS === part);
  test(`at 390 px no page is wider than the screen, and axe finds nothing serious (part ${part + 1} of ${WALK_PARTS}: ${routes.join(", ")})`, async ({ browser, walkWorld }) => {
    test.setTimeout(600_000);
    await walk(browser, walkWorld, routes);
  });
}
