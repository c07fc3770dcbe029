// The authorization matrix: every page, route handler and server action of
// the app, found on disk (a new one that is not listed here fails the first
// test), called over real HTTP on an app server and database of its own, as
// each persona — signed out, a USER of company A, an ADMIN of A, an ADMIN of
// company B, and a "stale" session whose user was deleted (which the proxy lets
// through, so it shows that each entry point checks the caller itself). Each
// call must give the expected outcome, and every refusal must leave the
// database exactly as it was.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { ActionFailure, ActionState } from "@/lib/actions/state";
import { callAction, routeOfPage, type ActionAnswer } from "../support/http-client";
import { DEMO_PASSWORD, EMPTY_STATE, form, type Persona, type World, buildWorld } from "../support/security-world";
import { changedTables, databaseFingerprint } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const ORDER: Persona[] = ["signedOut", "stale", "adminB", "userA", "adminA"];

// ── What is on disk ──────────────────────────────────────────────────────────

function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function pagesOnDisk(): string[] {
  return filesUnder(path.join(root, "app"), /^page\.tsx?$/).map(routeOfPage);
}

function routesOnDisk(): string[] {
  return filesUnder(path.join(root, "app"), /^route\.tsx?$/).flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const methods = new Set<string>();
    for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(match[1]);
    for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const item of list[1].split(",")) {
        const exported = item.trim().split(/\s+as\s+/).pop();
        if (exported && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(exported)) methods.add(exported);
      }
    }
    return [...methods].map((method) => `${method} ${routeOfPage(file)}`);
  });
}

function actionsOnDisk(): string[] {
  return filesUnder(path.join(root, "app"), /\.tsx?$/).flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) return [];
    return [...source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=)/g)].map((match) => `${file}#${match[1] ?? match[2]}`);
  });
}

// ── Expected outcomes ────────────────────────────────────────────────────────

type PageOutcome = 200 | 403 | 404 | "sign-in" | `redirect:${string}`;
type Outcomes<T> = Record<Persona, T>;

/** Pages of any signed-in member; `b` is what an ADMIN of B gets (404 for A's records). */
const member = (b: PageOutcome = 200): Outcomes<PageOutcome> => ({ signedOut: "sign-in", stale: "sign-in", userA: 200, adminA: 200, adminB: b });
const adminOnly = (b: PageOutcome = 200): Outcomes<PageOutcome> => ({ signedOut: "sign-in", stale: "sign-in", userA: 403, adminA: 200, adminB: b });
const everyone = <T,>(outcome: T): Outcomes<T> => ({ signedOut: outcome, stale: outcome, userA: outcome, adminA: outcome, adminB: outcome });

const PAGES: Record<string, { path: (w: World) => string; expect: Outcomes<PageOutcome> }> = {
  "/": { path: () => "/", expect: { ...everyone<PageOutcome>("redirect:/contacts"), signedOut: "sign-in", stale: "sign-in" } },
  "/login": { path: () => "/login?callbackUrl=%2Fletters", expect: { ...everyone<PageOutcome>("redirect:/letters"), signedOut: 200, stale: 200 } },
  "/contacts": { path: () => "/contacts", expect: member() },
  "/contacts/new": { path: () => "/contacts/new", expect: member() },
  "/contacts/[id]": { path: (w) => `/contacts/${w.a.contactId}`, expect: member(404) },
  "/contacts/[id]/post": { path: (w) => `/contacts/${w.a.contactId}/post`, expect: member(404) },
  "/documents": { path: () => "/documents", expect: member() },
  "/documents/[id]": { path: (w) => `/documents/${w.a.documentId}`, expect: member(404) },
  "/iap/buy/[service]": { path: () => "/iap/buy/sms", expect: member() },
  "/iap/checkout/demo/[purchaseId]": { path: (w) => `/iap/checkout/demo/${w.a.pendingPurchaseId}`, expect: adminOnly(404) },
  "/iap/checkout/success": { path: (w) => `/iap/checkout/success?purchase=${w.a.paidPurchaseId}`, expect: adminOnly(404) },
  "/leads": { path: () => "/leads", expect: member() },
  "/leads/generate": { path: () => "/leads/generate", expect: member() },
  "/letters": { path: () => "/letters", expect: member() },
  "/settings": { path: () => "/settings", expect: adminOnly() },
  "/settings/iap": { path: () => "/settings/iap", expect: adminOnly() },
  "/settings/iap/[accountId]": { path: (w) => `/settings/iap/${w.a.accountId}`, expect: adminOnly(404) },
  "/settings/outbox": { path: () => "/settings/outbox", expect: adminOnly() },
  "/settings/lead-generation": { path: () => "/settings/lead-generation", expect: adminOnly() },
  "/settings/outbox/[id]": { path: (w) => `/settings/outbox/${w.a.emailId}`, expect: adminOnly(404) },
  "/settings/api-keys": { path: () => "/settings/api-keys", expect: adminOnly() },
  "/settings/company": { path: () => "/settings/company", expect: adminOnly() },
  // Company-scoped: each administrator sees their own company's queues and failures.
  "/settings/jobs": { path: () => "/settings/jobs", expect: adminOnly() },
  "/settings/sms": { path: () => "/settings/sms", expect: adminOnly() },
  // Opens (or creates) the caller's own company's account for the service: B's administrator lands on B's SMS account, never A's.
  "/settings/iap/service/[service]": {
    path: () => "/settings/iap/service/sms",
    expect: {
      signedOut: "sign-in",
      stale: "sign-in",
      userA: 403,
      get adminA(): PageOutcome {
        return `redirect:/settings/iap/${world.a.accountId}`;
      },
      get adminB(): PageOutcome {
        return `redirect:/settings/iap/${world.b.smsAccountId}`;
      },
    },
  },
  "/settings/webhooks": { path: () => "/settings/webhooks", expect: adminOnly() },
  "/settings/webhooks/[id]": { path: (w) => `/settings/webhooks/${w.a.endpointId}`, expect: adminOnly(404) },
  // The public API's documentation: public, like the OpenAPI document it is rendered from.
  "/developers/api": { path: () => "/developers/api", expect: everyone<PageOutcome>(200) },
  "/sign": { path: () => "/sign", expect: member() },
  "/sign/new": { path: () => "/sign/new", expect: member() },
  "/sign/[id]": { path: (w) => `/sign/${w.a.requestId}`, expect: member(404) },
  // The signer has no account: the unguessable link is the credential, for whoever holds it.
  "/s/[token]": { path: (w) => `/s/${w.a.signingToken}`, expect: everyone<PageOutcome>(200) },
  "/settings/users": { path: () => "/settings/users", expect: adminOnly() },
  "/profile": { path: () => "/profile", expect: member() },
  // A company exists and SIGNUP is not open: set-up sends everyone to sign-in.
  "/setup": { path: () => "/setup", expect: everyone<PageOutcome>("sign-in") },
  "/forgot-password": { path: () => "/forgot-password", expect: everyone<PageOutcome>(200) },
  // A link that is no invitation or reset link: the page says so (and shows no account), to everyone.
  "/invite/[token]": { path: () => `/invite/${NO_SUCH_TOKEN}`, expect: everyone<PageOutcome>(200) },
  "/reset-password/[token]": { path: () => `/reset-password/${NO_SUCH_TOKEN}`, expect: everyone<PageOutcome>(200) },
};

interface RouteCase {
  request: (w: World, persona: Persona) => { path: string; init?: RequestInit };
  expect: Outcomes<number | "sign-in">;
}

/** Route handlers under app pages: the proxy sends the signed out to sign-in; a stale session reaches the handler, which answers 401. */
const memberRoute = (b = 404): Outcomes<number | "sign-in"> => ({ signedOut: "sign-in", stale: 401, userA: 200, adminA: 200, adminB: b });
/** The same, for administrators only: A's USER gets 403. */
const adminRoute = (b = 404): Outcomes<number | "sign-in"> => ({ signedOut: "sign-in", stale: 401, userA: 403, adminA: 200, adminB: b });
const apiRoute = (b = 200): Outcomes<number | "sign-in"> => ({ signedOut: 401, stale: 401, userA: 200, adminA: 200, adminB: b });
const post = (pathname: string, body = ""): { path: string; init: RequestInit } => ({
  path: pathname,
  init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body },
});

const twilioPost = (pathname: string, body: string): { path: string; init: RequestInit } => ({
  path: pathname,
  init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "bWFkZS11cC1zaWduYXR1cmU=" }, body },
});

/**
 * The public API takes API keys, not sessions: each persona presents its own
 * (security-world's ApiKeys — none, a revoked key, A's read-only key, A's
 * read + charge key, B's key), so 401 / 403 (scope) / 404 (another company's
 * record) are the API's answers to "who is calling".
 */
function api(method: string, pathname: (w: World) => string, body?: Record<string, unknown>) {
  return (w: World, persona: Persona): { path: string; init: RequestInit } => {
    const headers: Record<string, string> = {};
    const apiKey = w.apiKeys[persona];
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    if (body) Object.assign(headers, { "content-type": "application/json", "idempotency-key": key() });
    return { path: pathname(w), init: { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) } };
  };
}
/** Readable by any valid key of its company; `b`: what B's key gets. */
const apiRead = (b = 200): Outcomes<number | "sign-in"> => ({ signedOut: 401, stale: 401, userA: 200, adminA: 200, adminB: b });
/** Needs the "charge" scope: A's read-only key gets 403. */
const apiCharge = (allowed: number, b: number): Outcomes<number | "sign-in"> => ({ signedOut: 401, stale: 401, userA: 403, adminA: allowed, adminB: b });

const ROUTES: Record<string, RouteCase> = {
  "GET /api/auth/[...nextauth]": { request: () => ({ path: "/api/auth/session" }), expect: everyone(200) },
  // No CSRF token: next-auth sends everyone back to its sign-in page, whatever the session.
  "POST /api/auth/[...nextauth]": { request: () => post("/api/auth/callback/credentials", "email=admin%40example.com&password=demo1234"), expect: everyone(302) },
  // The cron route takes a bearer secret, not a session: nobody here has it.
  "GET /api/cron/run": { request: () => ({ path: "/api/cron/run" }), expect: everyone(401) },
  "POST /api/cron/run": { request: () => post("/api/cron/run"), expect: everyone(401) },
  // Twilio's webhooks take Twilio's signature, not a session: a made-up one is refused, whoever sends it.
  "POST /api/sms/status": { request: () => twilioPost("/api/sms/status", "MessageSid=SM123&MessageStatus=delivered"), expect: everyone(403) },
  "POST /api/sms/inbound": { request: () => twilioPost("/api/sms/inbound", "From=%2B32470123456&Body=STOP"), expect: everyone(403) },
  "GET /api/documents/[id]/preview": { request: (w) => ({ path: `/api/documents/${w.a.documentId}/preview` }), expect: apiRoute(404) },
  // Without the login cookie set by "Verify my identity" in this browser.
  "GET /api/identity/callback": { request: () => ({ path: "/api/identity/callback?code=x&state=y" }), expect: everyone(400) },
  "GET /api/partner-autocomplete": { request: () => ({ path: "/api/partner-autocomplete?q=bank" }), expect: apiRoute() },
  // Stripe is not configured on this server (demo checkout): there is no webhook to answer.
  "POST /api/stripe/webhook": { request: () => ({ path: "/api/stripe/webhook", init: { method: "POST", body: "{}", headers: { "stripe-signature": "t=1,v1=x" } } }), expect: everyone(404) },
  "GET /api/test-idp/[[...path]]": { request: () => ({ path: "/api/test-idp/.well-known/openid-configuration" }), expect: everyone(200) },
  "POST /api/test-idp/[[...path]]": { request: () => post("/api/test-idp/token", "grant_type=authorization_code&code=nope"), expect: everyone(400) },
  // A liveness probe: answers everyone, touches nothing.
  "GET /api/ping": { request: () => ({ path: "/api/ping" }), expect: everyone(204) },
  // The website tracker: public by design, judged by the site key and the page's origin, not the session.
  // A plain HTTP client is taken for a bot (no browser user agent): answered like any view (the pixel, 204), nothing recorded.
  "GET /api/track/[siteKey]": { request: (w) => ({ path: `/api/track/${w.a.siteKey}`, init: { headers: { referer: "https://elsewhere.example/" } } }), expect: everyone(200) },
  "POST /api/track/[siteKey]": {
    request: (w) => ({ path: `/api/track/${w.a.siteKey}`, init: { method: "POST", body: JSON.stringify({ url: "https://elsewhere.example/pricing" }), headers: { "content-type": "text/plain", origin: "https://elsewhere.example" } } }),
    expect: everyone(204),
  },
  "OPTIONS /api/track/[siteKey]": { request: (w) => ({ path: `/api/track/${w.a.siteKey}`, init: { method: "OPTIONS", headers: { origin: "https://elsewhere.example" } } }), expect: everyone(403) },
  // Account history export and purchase invoices: administrators of the account's company only.
  "GET /settings/iap/[accountId]/history.csv": { request: (w) => ({ path: `/settings/iap/${w.a.accountId}/history.csv` }), expect: adminRoute() },
  "GET /settings/iap/[accountId]/purchases/[purchaseId]/invoice": {
    request: (w) => ({ path: `/settings/iap/${w.a.accountId}/purchases/${w.a.paidPurchaseId}/invoice` }),
    expect: adminRoute(),
  },
  "GET /letters/[id]/pdf": { request: (w) => ({ path: `/letters/${w.a.letterId}/pdf` }), expect: memberRoute() },
  "GET /s/[token]/document": { request: (w) => ({ path: `/s/${w.a.signingToken}/document` }), expect: everyone(200) },
  "GET /sign/[id]/document/[version]": { request: (w) => ({ path: `/sign/${w.a.requestId}/document/original` }), expect: memberRoute() },
  // The public API (B's key on A's records: 404; B's key on B's own account: B's business).
  "GET /api/v1/ping": { request: api("GET", () => "/api/v1/ping"), expect: apiRead() },
  "GET /api/v1/services": { request: api("GET", () => "/api/v1/services"), expect: apiRead() },
  "GET /api/v1/accounts": { request: api("GET", () => "/api/v1/accounts"), expect: apiRead() },
  // A service names the caller's own account: B's key reads B's empty SMS account, never A's.
  "GET /api/v1/accounts/[service]": { request: api("GET", () => "/api/v1/accounts/sms"), expect: apiRead() },
  "GET /api/v1/accounts/[service]/entries": { request: api("GET", () => "/api/v1/accounts/sms/entries"), expect: apiRead() },
  // B's key charges B's own account, which has no credits: 402, and nothing is charged anywhere.
  "POST /api/v1/accounts/[service]/charges": { request: api("POST", () => "/api/v1/accounts/sms/charges", { amount: "1", description: "Matrix charge" }), expect: apiCharge(201, 402) },
  "POST /api/v1/holds": { request: api("POST", () => "/api/v1/holds", { service: "sms", amount: "1", description: "Matrix hold" }), expect: apiCharge(201, 402) },
  "GET /api/v1/holds/[id]": { request: api("GET", (w) => `/api/v1/holds/${w.a.holdId}`), expect: apiRead(404) },
  "POST /api/v1/holds/[id]/capture": { request: api("POST", (w) => `/api/v1/holds/${w.a.holdId}/capture`, {}), expect: apiCharge(200, 404) },
  "POST /api/v1/holds/[id]/release": { request: api("POST", (w) => `/api/v1/holds/${w.a.secondHoldId}/release`, {}), expect: apiCharge(200, 404) },
  "GET /api/v1/purchases": { request: api("GET", () => "/api/v1/purchases"), expect: apiRead() },
  "GET /api/v1/purchases/[id]": { request: api("GET", (w) => `/api/v1/purchases/${w.a.paidPurchaseId}`), expect: apiRead(404) },
  // The API's description: public, no data in it.
  "GET /api/v1/openapi.json": { request: () => ({ path: "/api/v1/openapi.json" }), expect: everyone(200) },
  // Any other path under /api/v1: a problem+json 404 for everyone, key or not.
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => [`${method} /api/v1/[...path]`, { request: api(method, () => "/api/v1/no/such/endpoint"), expect: everyone(404) }]),
  ),
};

/**
 * An action's outcome: "sign-in" (the proxy sends a signed-out POST to sign-in;
 * the action never runs), "refused" (it answers with a message, or nothing,
 * and changes nothing), "allowed" (it ran: a success, a redirect, or a message
 * about the request itself — never "sign in again", "administrators only" or
 * "does not exist").
 */
type ActionOutcome = "sign-in" | "refused" | "allowed";

interface ActionCase {
  page: (w: World) => string;
  args: (w: World, persona: Persona) => unknown[];
  expect: Outcomes<ActionOutcome>;
  /** Extra look at an allowed answer (e.g. B's preview lists none of A's contacts), or at what it did. */
  check?: (result: unknown, persona: Persona) => void | Promise<void>;
}

const memberAction = (b: ActionOutcome = "refused"): Outcomes<ActionOutcome> => ({ signedOut: "sign-in", stale: "refused", userA: "allowed", adminA: "allowed", adminB: b });
const adminAction = (b: ActionOutcome = "refused"): Outcomes<ActionOutcome> => ({ signedOut: "sign-in", stale: "refused", userA: "refused", adminA: "allowed", adminB: b });
/** An action a form calls (as useActionState does: the previous state, then the form's fields), from `page`. */
const formAction = (page: (w: World) => string, fields: (w: World, persona: Persona) => Record<string, string | Blob | string[]>, expected: Outcomes<ActionOutcome>): ActionCase => ({
  page,
  args: (w, persona) => [EMPTY_STATE, form(fields(w, persona))],
  expect: expected,
});
const key = () => `key-${Math.random().toString(36).slice(2)}${Date.now()}`;
/** What A's spare user is after an allowed change of it. */
const spareUserIs = (expected: Record<string, string>) => async () => {
  const { rows } = await world.db.pool.query("SELECT role::text, status::text FROM app_user WHERE id = $1", [world.a.spareUserId]);
  expect(rows[0]).toMatchObject(expected);
};
/** Shaped like an invitation or reset token (43 base64url characters), but issued to nobody. */
const NO_SUCH_TOKEN = "matrixNoSuchTokenmatrixNoSuchTokenmatrixNo0";

const ACTIONS: Record<string, ActionCase> = {
  "app/(app)/contacts/[id]/actions.ts#updateContactAction": formAction((w) => `/contacts/${w.a.contactId}`, (w) => ({ id: String(w.a.contactId), name: "Matrix Contact (edited)", email: "", phone: "+32 470 12 34 56", mobile: "", country: "BE", street: "Meir 1", city: "Antwerpen", zip: "2000" }), memberAction()),
  "app/(app)/contacts/[id]/actions.ts#postNoteAction": formAction((w) => `/contacts/${w.a.contactId}`, (w) => ({ contactId: String(w.a.contactId), body: "A note" }), memberAction()),
  "app/(app)/contacts/[id]/actions.ts#sendSmsAction": formAction((w) => `/contacts/${w.a.contactId}`, (w) => ({ contactId: String(w.a.contactId), number: "+32470123456", body: "Matrix SMS", clientId: key() }), memberAction()),
  "app/(app)/contacts/[id]/post/actions.ts#quoteLetterAction": {
    page: (w) => `/contacts/${w.a.contactId}/post`,
    args: (w) => [form({ contactId: String(w.a.contactId), mode: "letter", subject: "Quote", body: "Text" })],
    expect: memberAction(),
  },
  "app/(app)/contacts/[id]/post/actions.ts#sendLetterAction": formAction((w) => `/contacts/${w.a.contactId}/post`, (w) => ({ contactId: String(w.a.contactId), mode: "letter", subject: "Another letter", body: "Text" }), memberAction()),
  "app/(app)/contacts/actions.ts#createContactAction": formAction(() => "/contacts/new", () => ({ name: "Created in the matrix", email: "", phone: "", mobile: "", country: "BE", street: "", city: "", zip: "" }), memberAction("allowed")),
  "app/(app)/contacts/actions.ts#previewMassSmsAction": {
    page: () => "/contacts",
    args: (w) => [{ ids: [w.a.contactId] }],
    // A's contact is not one of B's: B's preview finds none of them.
    expect: memberAction(),
    check: (result) => expect((result as { data: { total: number } }).data.total).toBe(1),
  },
  "app/(app)/contacts/actions.ts#startMassSmsAction": {
    page: () => "/contacts",
    args: (w) => [{ selection: { ids: [w.a.contactId] }, body: "Mass matrix", clientId: key() }],
    expect: memberAction(),
  },
  "app/(app)/contacts/actions.ts#massSmsProgressAction": {
    page: () => "/contacts",
    args: () => [key()],
    expect: memberAction("allowed"),
  },
  "app/(app)/contacts/actions.ts#enrichContactAction": {
    page: (w) => `/contacts/${w.a.contactId}`,
    args: (w) => [{ directoryCompanyId: 1, contactId: w.a.contactId, current: { name: "", country: "", zip: "", city: "", street: "" } }],
    expect: memberAction(),
  },
  "app/(app)/documents/actions.ts#uploadDocumentsAction": formAction(() => "/documents", () => ({ kind: "EXPENSE_RECEIPT", files: new File([PDF_BYTES], "x.pdf", { type: "application/pdf" }) }), memberAction("allowed")),
  "app/(app)/documents/[id]/actions.ts#confirmDocumentAction": formAction((w) => `/documents/${w.a.documentId}`, (w) => ({ documentId: String(w.a.documentId), vendorName: "Matrix Vendor", currency: "EUR", total: "10.00" }), memberAction()),
  "app/(app)/iap/buy/[service]/actions.ts#buyPackAction": formAction(() => "/iap/buy/sms", (w) => ({ service: "sms", packId: String(w.a.packId) }), adminAction("allowed")),
  "app/(app)/iap/checkout/demo/[purchaseId]/actions.ts#payDemoPurchaseAction": formAction((w) => `/iap/checkout/demo/${w.a.pendingPurchaseId}`, (w) => ({ purchaseId: String(w.a.pendingPurchaseId) }), adminAction()),
  "app/(app)/iap/checkout/demo/[purchaseId]/actions.ts#cancelDemoPurchaseAction": formAction((w) => `/iap/checkout/demo/${w.a.secondPendingPurchaseId}`, (w) => ({ purchaseId: String(w.a.secondPendingPurchaseId) }), adminAction()),
  "app/(app)/leads/actions.ts#convertLeadAction": {
    page: () => "/leads",
    args: (w) => [EMPTY_STATE, form({ leadId: String(w.a.leadId) })],
    expect: memberAction(),
    check: async () => {
      const { rows } = await world.db.pool.query("SELECT status, contact_id FROM lead WHERE id = $1", [world.a.leadId]);
      expect(rows[0]).toMatchObject({ status: "CONVERTED", contact_id: expect.any(Number) });
    },
  },
  "app/(app)/leads/generate/actions.ts#generateLeadsAction": formAction(() => "/leads/generate", () => ({ count: "1", countries: ["US"], industries: ["Financials"], clientKey: key() }), memberAction("allowed")),
  "app/(app)/letters/actions.ts#resendLetterAction": formAction(() => "/letters", (w) => ({ letterId: String(w.a.letterId) }), memberAction()),
  "app/(app)/letters/actions.ts#cancelLetterAction": formAction(() => "/letters", (w) => ({ letterId: String(w.a.letterId) }), memberAction()),
  "app/(app)/letters/actions.ts#processQueueAction": formAction(() => "/letters", () => ({}), adminAction("allowed")),
  "app/(app)/settings/iap/[accountId]/actions.ts#saveWarningSettingsAction": formAction((w) => `/settings/iap/${w.a.accountId}`, (w) => ({ accountId: String(w.a.accountId), warnEnabled: "on", threshold: "5", email: "alerts@test.example" }), adminAction()),
  "app/(app)/settings/lead-generation/actions.ts#registerSiteAction": formAction(() => "/settings/lead-generation", () => ({ name: "Matrix site", origins: "https://matrix.example" }), adminAction("allowed")),
  "app/(app)/settings/lead-generation/actions.ts#createRuleAction": formAction(() => "/settings/lead-generation", () => ({ name: "Matrix rule", countries: ["BE"], urlPatterns: "/pricing", minPageViews: "1", maxLeadsPerDay: "5", active: "on" }), adminAction("allowed")),
  "app/(app)/settings/lead-generation/actions.ts#setRuleActiveAction": formAction(() => "/settings/lead-generation", (w) => ({ ruleId: String(w.a.ruleId), active: "false" }), adminAction()),
  "app/(app)/settings/lead-generation/actions.ts#runRulesNowAction": formAction(() => "/settings/lead-generation", () => ({}), adminAction("allowed")),
  "app/(app)/settings/lead-generation/actions.ts#removeRuleAction": formAction(() => "/settings/lead-generation", (w) => ({ ruleId: String(w.a.ruleId) }), adminAction()),
  "app/(app)/settings/lead-generation/actions.ts#removeSiteAction": formAction(() => "/settings/lead-generation", (w) => ({ siteId: String(w.a.siteId) }), adminAction()),
  "app/(app)/settings/api-keys/actions.ts#createApiKeyAction": formAction(() => "/settings/api-keys", () => ({ name: "Matrix key", scopes: ["read"] }), adminAction("allowed")),
  "app/(app)/settings/api-keys/actions.ts#revokeApiKeyAction": formAction(() => "/settings/api-keys", (w) => ({ id: String(w.a.spareKeyId) }), adminAction()),
  "app/(app)/settings/webhooks/actions.ts#createEndpointAction": formAction(() => "/settings/webhooks", () => ({ url: "http://127.0.0.1:9/matrix", description: "Matrix endpoint", events: ["balance.low"] }), adminAction("allowed")),
  "app/(app)/settings/webhooks/actions.ts#setEndpointEnabledAction": formAction((w) => `/settings/webhooks/${w.a.endpointId}`, (w) => ({ id: String(w.a.endpointId), enabled: "false" }), adminAction()),
  "app/(app)/settings/webhooks/actions.ts#resendDeliveryAction": formAction((w) => `/settings/webhooks/${w.a.endpointId}`, (w) => ({ deliveryId: w.a.deliveryId }), adminAction()),
  "app/(app)/settings/webhooks/actions.ts#deleteEndpointAction": formAction((w) => `/settings/webhooks/${w.a.spareEndpointId}`, (w) => ({ id: String(w.a.spareEndpointId) }), adminAction()),
  "app/(app)/settings/outbox/actions.ts#retryEmailAction": formAction((w) => `/settings/outbox/${w.a.emailId}`, (w) => ({ id: String(w.a.emailId) }), adminAction()),
  "app/(app)/sign/new/actions.ts#sendSignatureRequestAction": {
    page: () => "/sign/new",
    // B tries to send to A's contact: B's request must not reach another company's contact.
    args: (w, persona) => [
      EMPTY_STATE,
      form({
        title: "Matrix request",
        signers: JSON.stringify(persona === "adminB" ? [{ contactId: w.a.contactId }] : [{ name: "Pat Signer", email: "pat@test.example", requireVerification: false }]),
        document: new File([PDF_BYTES], "doc.pdf", { type: "application/pdf" }),
      }),
    ],
    expect: memberAction(),
  },
  // Settings → Users: an administrator of the company; B's administrator asking about A's users is told they are not B's.
  "app/(app)/settings/users/actions.ts#inviteUserAction": {
    page: () => "/settings/users",
    // Each persona invites an address of its own: B's invitation is B's business (a user of B), not a clash with A's.
    args: (_w, persona) => [EMPTY_STATE, form({ email: `matrix-invitee-${persona.toLowerCase()}@test.example`, name: "Matrix Invitee", role: "USER" })],
    expect: adminAction("allowed"),
    check: async (_result, persona) => {
      const { rows } = await world.db.pool.query("SELECT company_id, status FROM app_user WHERE email = $1", [`matrix-invitee-${persona.toLowerCase()}@test.example`]);
      expect(rows).toEqual([{ company_id: persona === "adminB" ? world.b.companyId : world.a.companyId, status: "INVITED" }]);
    },
  },
  "app/(app)/settings/users/actions.ts#resendInvitationAction": formAction(() => "/settings/users", (w) => ({ userId: String(w.a.invitedUserId) }), adminAction()),
  "app/(app)/settings/users/actions.ts#changeRoleAction": {
    page: () => "/settings/users",
    args: (w) => [EMPTY_STATE, form({ userId: String(w.a.spareUserId), role: "ADMIN" })],
    expect: adminAction(),
    check: spareUserIs({ role: "ADMIN" }),
  },
  "app/(app)/settings/users/actions.ts#deactivateUserAction": {
    page: () => "/settings/users",
    args: (w) => [EMPTY_STATE, form({ userId: String(w.a.spareUserId) })],
    expect: adminAction(),
    check: spareUserIs({ status: "DEACTIVATED" }),
  },
  "app/(app)/settings/users/actions.ts#reactivateUserAction": {
    page: () => "/settings/users",
    args: (w) => [EMPTY_STATE, form({ userId: String(w.a.spareUserId) })],
    expect: adminAction(),
    check: spareUserIs({ status: "ACTIVE" }),
  },
  // The profile: the caller's own, whoever they are (B's administrator renames B's administrator).
  "app/(app)/profile/actions.ts#updateProfileAction": formAction(() => "/profile", (_w, persona) => ({ name: `Matrix ${persona}` }), memberAction("allowed")),
  "app/(app)/profile/actions.ts#changePasswordAction": {
    page: () => "/profile",
    // The same password again: the change runs (a new hash), and every persona can still sign in with it.
    args: () => [EMPTY_STATE, form({ currentPassword: DEMO_PASSWORD, password: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD })],
    expect: memberAction("allowed"),
  },
  // The pages used before signing in: no session to check, whoever calls.
  // A company exists and SIGNUP is not open: nobody may create one (posted from a page every persona gets: /setup redirects).
  "app/(auth)/setup/actions.ts#setupCompanyAction": formAction(() => "/forgot-password", () => ({ companyName: "Matrix Company", country: "BE", currency: "EUR", name: "Matrix Founder", email: "matrix-founder@test.example", password: "matrix-founder-pw" }), everyone("refused")),
  // The language switcher: anyone may choose the language of the signed-out pages (a cookie; nothing stored).
  // English: the cookie it sets must not turn the personas' later answers French.
  "app/actions.ts#chooseLanguageAction": formAction(() => "/forgot-password", () => ({ locale: "en" }), everyone("allowed")),
  // The same answer for any address (an unknown one here: nothing is queued); 5 calls, within the limit of 5 an hour.
  "app/(auth)/forgot-password/actions.ts#forgotPasswordAction": formAction(() => "/forgot-password", () => ({ email: "matrix-nobody@test.example" }), everyone("allowed")),
  // The link is the credential: one issued to nobody is refused, for everyone, and nothing changes.
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction": formAction(() => `/invite/${NO_SUCH_TOKEN}`, () => ({ token: NO_SUCH_TOKEN, password: "matrix-password", confirmPassword: "matrix-password" }), everyone("refused")),
  "app/(auth)/reset-password/[token]/actions.ts#resetPasswordAction": formAction(() => `/reset-password/${NO_SUCH_TOKEN}`, () => ({ token: NO_SUCH_TOKEN, password: "matrix-password", confirmPassword: "matrix-password" }), everyone("refused")),
  // The signing page's actions need no account: the link's token is the credential, whoever holds it.
  "app/s/[token]/actions.ts#startVerificationAction": { page: (w) => `/s/${w.a.signingToken}`, args: (w) => [EMPTY_STATE, form({ token: w.a.signingToken })], expect: everyone("allowed") },
  "app/s/[token]/actions.ts#signAction": formAction((w) => `/s/${w.a.signingToken}`, (w) => ({ token: w.a.signingToken, kind: "TYPED", text: "Sam Signer" }), everyone("allowed")),
  "app/s/[token]/actions.ts#refuseAction": { page: (w) => `/s/${w.a.signingToken}`, args: (w) => [EMPTY_STATE, form({ token: w.a.signingToken, reason: "Not me" })], expect: everyone("allowed") },
  // A's USER deletes one spare document, A's ADMIN the other; B's administrator tries A's ADMIN's (before it is gone).
  "app/(app)/documents/actions.ts#deleteDocumentAction": {
    page: () => "/documents",
    args: (w, persona) => [EMPTY_STATE, form({ documentId: String(persona === "userA" ? w.a.spareDocumentIds[0] : w.a.spareDocumentIds[1]) })],
    expect: memberAction(),
    check: async (_result, persona) => {
      const { rows } = await world.db.pool.query("SELECT id FROM document WHERE id = $1", [persona === "userA" ? world.a.spareDocumentIds[0] : world.a.spareDocumentIds[1]]);
      expect(rows).toEqual([]);
    },
  },
  // Settings → Company details: the caller's own company (B's administrator edits B).
  "app/(app)/settings/company/actions.ts#saveCompanyDetailsAction": {
    page: () => "/settings/company",
    args: (_w, persona) => [EMPTY_STATE, form({ name: persona === "adminB" ? "Company B (matrix)" : "Company A (matrix)", street: "Meir 1", zip: "2000", city: "Antwerpen", vatNumber: "" })],
    expect: adminAction("allowed"),
    check: async (_result, persona) => {
      const { rows } = await world.db.pool.query("SELECT name FROM company WHERE id = $1", [persona === "adminB" ? world.b.companyId : world.a.companyId]);
      expect(rows[0].name).toBe(persona === "adminB" ? "Company B (matrix)" : "Company A (matrix)");
    },
  },
  // Settings → Background jobs: a failure of A's, for A's administrators only (B's is told it is gone).
  "app/(app)/settings/jobs/actions.ts#retryJobAction": { page: () => "/settings/jobs", args: (w) => [{ id: w.a.retryRunId }], expect: adminAction() },
  "app/(app)/settings/jobs/actions.ts#discardJobAction": { page: () => "/settings/jobs", args: (w) => [{ id: w.a.discardRunId }], expect: adminAction() },
  // Settings → SMS: the caller's own company's sender name and opt-out list (B's administrator sets B's).
  "app/(app)/settings/sms/actions.ts#saveSenderAction": { page: () => "/settings/sms", args: () => [EMPTY_STATE, form({ senderName: "Matrix" })], expect: adminAction("allowed") },
  "app/(app)/settings/sms/actions.ts#addOptOutAction": {
    page: () => "/settings/sms",
    args: () => [EMPTY_STATE, form({ number: "+32 470 99 88 77" })],
    expect: adminAction("allowed"),
    check: async (_result, persona) => {
      const { rows } = await world.db.pool.query("SELECT 1 FROM sms_opt_out WHERE company_id = $1 AND number LIKE '%470998877'", [persona === "adminB" ? world.b.companyId : world.a.companyId]);
      expect(rows).toHaveLength(1);
    },
  },
  "app/(app)/settings/sms/actions.ts#removeOptOutAction": { page: () => "/settings/sms", args: (w) => [EMPTY_STATE, form({ id: String(w.a.optOutId) })], expect: adminAction() },
  // A request's signer links: its sender (A's ADMIN here) or an administrator of its company — A's USER, who did not send it, is refused.
  // The spare request, so that the signing page's link (above) stays as it was; Cancel last.
  "app/(app)/sign/[id]/actions.ts#copySigningLinkAction": {
    page: (w) => `/sign/${w.a.spareRequestId}`,
    args: (w) => [EMPTY_STATE, form({ requestId: String(w.a.spareRequestId), signerId: String(w.a.spareSignerId) })],
    expect: adminAction(),
    check: (result) => expect((result as { data: { url: string } }).data.url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/),
  },
  "app/(app)/sign/[id]/actions.ts#resendSigningEmailAction": formAction((w) => `/sign/${w.a.spareRequestId}`, (w) => ({ requestId: String(w.a.spareRequestId), signerId: String(w.a.spareSignerId) }), adminAction()),
  "app/(app)/sign/[id]/actions.ts#cancelSignatureRequestAction": {
    page: (w) => `/sign/${w.a.spareRequestId}`,
    args: (w) => [EMPTY_STATE, form({ requestId: String(w.a.spareRequestId) })],
    expect: adminAction(),
    check: async () => {
      const { rows } = await world.db.pool.query("SELECT state::text FROM signature_request WHERE id = $1", [world.a.spareRequestId]);
      expect(rows[0].state).toBe("CANCELED");
    },
  },
  // The account's budgets and auto top-up: an administrator of the account's company (B's is told the account is not B's).
  "app/(app)/settings/iap/[accountId]/actions.ts#saveBudgetAction": {
    page: (w) => `/settings/iap/${w.a.accountId}`,
    // A soft default budget only warns: later calls are not refused by it.
    args: (w) => [EMPTY_STATE, form({ accountId: String(w.a.accountId), target: "default", limit: "100000", mode: "soft" })],
    expect: adminAction(),
  },
  "app/(app)/settings/iap/[accountId]/actions.ts#saveAutoTopupAction": formAction((w) => `/settings/iap/${w.a.accountId}`, (w) => ({ accountId: String(w.a.accountId), enabled: "on", threshold: "5", packId: String(w.a.packId), monthlyCap: "3" }), adminAction()),
};

// A minimal PDF (the matrix checks who may send, not what is sent; the lib refuses an unreadable one by name).
const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF");

/** Messages that mean "not yours": never the answer of an allowed call. */
const NOT_YOURS = /does not exist|unknown |not found|not in your company|not one of your company|pick the signer from your contacts/i;

/** Every message of a failed action state. */
function messagesOf(state: ActionFailure): string[] {
  return [state.message ?? "", ...(state.formErrors ?? []), ...Object.values(state.fieldErrors ?? {}).flatMap((list) => list ?? [])].filter(Boolean);
}

/** A failure says why: its code (signed-out, forbidden, a prompt), its message, or the fields at fault. */
function specific(state: ActionFailure): boolean {
  if (state.code === "unexpected") return false;
  if (state.code === "refused" || state.code === "invalid") return messagesOf(state).length > 0;
  return true;
}

function classify(answer: ActionAnswer, wanted: ActionOutcome): ActionOutcome | "error" | "invalid input" {
  if (answer.status === 307 && /\/login/.test(answer.location ?? "")) return "sign-in";
  if (answer.status !== 200) return "error";
  const state = answer.result as ActionState<unknown> | undefined;
  if (answer.redirect || state?.ok === true) return "allowed";
  if (state === undefined) return "error";
  if (state.code === "unexpected") return "error";
  if (state.code === "signed-out" || state.code === "forbidden") return "refused";
  if (messagesOf(state).some((message) => NOT_YOURS.test(message))) return "refused";
  // Anything else is the action judging the request itself: it ran.
  if (wanted === "refused") return "refused";
  return state.code === "invalid" ? "invalid input" : "allowed";
}

// ── The test ─────────────────────────────────────────────────────────────────

// The pages, routes and actions tests each make hundreds of calls (every entry point as five personas): minutes on a busy machine.
test.describe.configure({ mode: "serial", timeout: 600_000 });

let world: World;
test.beforeAll(async () => {
  // A database, an app server and the records made through it: a while on a busy machine.
  test.setTimeout(240_000);
  world = await buildWorld("matrix");
});
test.afterAll(async () => {
  await world?.stop();
});

test("every page, route handler and server action on disk is in the matrix, and every action in the build", () => {
  expect(pagesOnDisk().sort(), "pages on disk = pages in PAGES: add the new page to the matrix").toEqual(Object.keys(PAGES).sort());
  expect(routesOnDisk().sort(), "route handlers on disk = ROUTES: add the new route to the matrix").toEqual(Object.keys(ROUTES).sort());
  expect(actionsOnDisk().sort(), "server actions on disk = ACTIONS: add the new action to the matrix").toEqual(Object.keys(ACTIONS).sort());
  expect(world.actions.map((a) => `${a.file}#${a.name}`).sort(), "every action is reachable in the build").toEqual(Object.keys(ACTIONS).sort());
});

/**
 * Waits until the database stops changing, and returns its fingerprint then:
 * an allowed action may go on working after its answer (a mass SMS batch runs
 * in `after()`), and that must not be taken for the next refusal's doing.
 */
async function settled(): Promise<Map<string, string>> {
  let previous = await databaseFingerprint(world.db.pool);
  for (let i = 0; i < 60; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const current = await databaseFingerprint(world.db.pool);
    if (changedTables(previous, current).length === 0) return current;
    previous = current;
  }
  throw new Error("The database kept changing for 15 s after an allowed call");
}

/**
 * The database as it stands, quiet: known after a refusal (it changed
 * nothing, and only the matrix calls this server) and after settled(); not
 * known after an allowed call. Allowed calls are not compared, so they need
 * not wait for one another: the database is left to settle once, before the
 * next refusal, rather than after each allowed call (hundreds of waits of a
 * quarter second at least).
 */
let quiet: Map<string, string> | undefined;

async function refusedWithoutChange<T>(refused: boolean, label: string, call: () => Promise<T>): Promise<T> {
  if (!refused) {
    quiet = undefined;
    return call();
  }
  const before = quiet ?? (await settled());
  quiet = undefined;
  const result = await call();
  const after = await databaseFingerprint(world.db.pool);
  expect(changedTables(before, after), `${label}: a refusal changed the database`).toEqual([]);
  quiet = after;
  return result;
}

test("pages: each persona gets the page, sign-in, 403 or 404 — and a refusal changes nothing", async () => {
  const failures: string[] = [];
  for (const [pattern, entry] of Object.entries(PAGES)) {
    for (const persona of ORDER) {
      const wanted = entry.expect[persona];
      const url = entry.path(world);
      const response = await refusedWithoutChange(wanted !== 200 && !String(wanted).startsWith("redirect"), `${pattern} as ${persona}`, () => world.sessions[persona].fetch(url));
      const body = await response.text();
      const location = response.headers.get("location") ?? "";
      const got: PageOutcome =
        response.status === 307 || response.status === 303 || response.status === 302
          ? location.startsWith("/login") || new URL(location, world.app.url).pathname === "/login"
            ? "sign-in"
            : `redirect:${new URL(location, world.app.url).pathname}`
          : (response.status as PageOutcome);
      if (got !== wanted) failures.push(`${pattern} as ${persona}: expected ${wanted}, got ${got} (${response.status})`);
      if (wanted === 403 && !/Access denied/.test(body)) failures.push(`${pattern} as ${persona}: 403 without the access-denied page`);
    }
  }
  expect(failures).toEqual([]);
});

test("route handlers: each persona gets 200/201, sign-in, 401, 403 or 404 — and a refusal changes nothing", async () => {
  const failures: string[] = [];
  for (const [name, entry] of Object.entries(ROUTES)) {
    for (const persona of ORDER) {
      const wanted = entry.expect[persona];
      const { path: url, init } = entry.request(world, persona);
      // 200 and 201 are allowed to change things; any other answer (a refusal, the tracker's 204 for a bot) must not.
      const response = await refusedWithoutChange(wanted !== 200 && wanted !== 201, `${name} as ${persona}`, () => world.sessions[persona].fetch(url, init));
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      const got = response.status === 307 && location.includes("/login") ? "sign-in" : response.status;
      if (got !== wanted) failures.push(`${name} as ${persona}: expected ${wanted}, got ${got}`);
    }
  }
  expect(failures).toEqual([]);
});

function describeAnswer(answer: ActionAnswer): string {
  return `HTTP ${answer.status}${answer.redirect ? ` → ${answer.redirect}` : ""} ${JSON.stringify(answer.result, (_k, v) => (typeof v === "bigint" ? String(v) : v))?.slice(0, 200)}`;
}

test("server actions: each persona is sent to sign-in, refused with a message and no change, or allowed", async () => {
  const failures: string[] = [];
  for (const [name, entry] of Object.entries(ACTIONS)) {
    const action = world.actions.find((a) => `${a.file}#${a.name}` === name)!;
    for (const persona of ORDER) {
      const wanted = entry.expect[persona];
      const answer = await refusedWithoutChange(wanted !== "allowed", `${name} as ${persona}`, () =>
        callAction(world.sessions[persona], entry.page(world), action.id, entry.args(world, persona)),
      );
      const result = answer.result as ActionState<unknown> | undefined;
      const got = classify(answer, wanted);
      if (got !== wanted) failures.push(`${name} as ${persona}: expected ${wanted}, got ${got} — ${describeAnswer(answer)}`);
      else if (wanted === "refused" && result && !result.ok && !specific(result)) failures.push(`${name} as ${persona}: refused without saying why — ${describeAnswer(answer)}`);
      // What the call did, looked at once it is done.
      if (got === "allowed" && entry.check) {
        quiet = await settled();
        await entry.check(answer.result, persona);
      }
    }
  }
  expect(failures).toEqual([]);
});
