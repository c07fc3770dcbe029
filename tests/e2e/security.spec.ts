// Sign-in throttling across two app instances, the client address behind
// (and without) a trusted proxy, safe redirects, security headers and CSP in
// a real Chromium (e-mail preview, signing page), and body limits enforced
// before a body is read. One database, three app instances:
//   app     — the security world's server (TRUST_PROXY_HOPS=0)
//   twin    — a second instance on the same database (TRUST_PROXY_HOPS=0)
//   proxied — behind "one proxy" (TRUST_PROXY_HOPS=1), public URL https://…
import { randomBytes } from "node:crypto";
import net from "node:net";
import bcrypt from "bcryptjs";
import { expect, test, type Page } from "@playwright/test";
import { startAppServer, type AppServer } from "../support/app-server";
import { callAction, Session } from "../support/http-client";
import { DEMO_PASSWORD, EMPTY_STATE, form, type World, buildWorld } from "../support/security-world";

test.describe.configure({ mode: "serial", timeout: 180_000 });

let world: World;
let twin: AppServer;
let proxied: AppServer;
const PROXIED_PUBLIC_URL = "https://erp.example.test";

test.beforeAll(async () => {
  test.setTimeout(300_000);
  world = await buildWorld("security");
  [twin, proxied] = await Promise.all([
    startAppServer({ databaseUrl: world.db.url }),
    startAppServer({ databaseUrl: world.db.url, env: { TRUST_PROXY_HOPS: "1", APP_URL: PROXIED_PUBLIC_URL, NEXTAUTH_URL: PROXIED_PUBLIC_URL } }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([twin?.stop(), proxied?.stop()]);
  await world?.stop();
});

/** A user of company A of its own, so that locking it out disturbs nobody else. */
async function freshUser(): Promise<string> {
  const email = `throttle-${randomBytes(4).toString("hex")}@test.example`;
  await world.db.pool.query(`INSERT INTO app_user (company_id, email, name, password_hash, role) VALUES ($1, $2, 'Throttled', $3, 'USER'::"Role")`, [
    world.a.companyId,
    email,
    await bcrypt.hash(DEMO_PASSWORD, 4),
  ]);
  return email;
}

async function signInAt(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}) {
  const session = new Session(baseUrl);
  const status = await session.signIn(email, password, headers);
  return { status, session };
}

// ── Throttle ─────────────────────────────────────────────────────────────────

test("the 6th attempt after 5 wrong passwords gets 429 even with the right one — counted across two app instances", async () => {
  const email = await freshUser();
  const statuses: number[] = [];
  for (const base of [world.app.url, twin.url, world.app.url, twin.url, world.app.url]) statuses.push((await signInAt(base, email, "wrong password")).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);

  const session = new Session(twin.url);
  const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const refused = await session.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password: DEMO_PASSWORD, json: "true" }).toString(),
  });
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(30);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(((await refused.json()) as { url: string }).url).toMatch(/error=throttled%3A\d+/);
  expect(session.signedIn).toBe(false);
  // And on the other instance too: the count lives in PostgreSQL.
  expect((await signInAt(world.app.url, email, DEMO_PASSWORD)).status).toBe(429);
});

test("the sign-in form says 'Too many attempts — try again in N minutes'", async ({ page }) => {
  const email = await freshUser();
  await page.goto(`${twin.url}/login`);
  await page.getByLabel("E-mail").fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong e-mail or password. Check both and try again.")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many attempts — try again in 1 minute.")).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/login/);
  // The screenshot README's Security section shows, retaken by every run.
  await page.screenshot({ path: "docs/screenshots/issue15-sign-in-throttled.png" });
});

// ── Client address ───────────────────────────────────────────────────────────

test("without a trusted proxy, a client-set X-Forwarded-For changes nothing: not the throttle, not the signer's recorded IP", async () => {
  const email = await freshUser();
  for (let i = 0; i < 5; i++) expect((await signInAt(world.app.url, email, "wrong", { "x-forwarded-for": `203.0.113.${i + 1}`, "x-iap-client-address": `203.0.113.${i + 1}` })).status).toBe(401);
  expect((await signInAt(world.app.url, email, DEMO_PASSWORD, { "x-forwarded-for": "203.0.113.99" })).status).toBe(429);

  // The signer signs with a forged header: the audit trail keeps the socket's address.
  const signer = new Session(world.app.url);
  const sign = world.action("signAction");
  const answer = await callAction(signer, `/s/${world.a.signingToken}`, sign.id, [EMPTY_STATE, form({ token: world.a.signingToken, kind: "TYPED", text: "Sam Signer" })], {
    "x-forwarded-for": "6.6.6.6",
    "x-real-ip": "6.6.6.6",
    "x-iap-client-address": "6.6.6.6",
  });
  expect(answer.result).toMatchObject({ ok: true });
  const { rows } = await world.db.pool.query("SELECT ip FROM signer WHERE request_id = $1", [world.a.requestId]);
  expect(rows[0].ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});

test("behind TRUST_PROXY_HOPS=1, the proxy's entry is the client: two clients behind it are counted apart, a spoofed first hop is ignored", async () => {
  const email = await freshUser();
  // Client 198.51.100.1 (a spoofed entry in front is what a client could add itself).
  for (let i = 0; i < 5; i++) expect((await signInAt(proxied.url, email, "wrong", { "x-forwarded-for": `10.9.9.${i}, 198.51.100.1` })).status).toBe(401);
  expect((await signInAt(proxied.url, email, DEMO_PASSWORD, { "x-forwarded-for": "198.51.100.1" })).status).toBe(429);
  // Another client behind the same proxy is not locked out by the first one's guesses.
  expect((await signInAt(proxied.url, email, DEMO_PASSWORD, { "x-forwarded-for": "198.51.100.2" })).status).toBe(200);
});

// ── Redirects ────────────────────────────────────────────────────────────────

const HOSTILE_CALLBACKS = [
  "//evil.example",
  "/%5Cevil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "https:evil.example",
  "https://evil.example/settings",
  "javascript:alert(1)",
  "java%09script:alert(1)",
  "%2F%2Fevil.example",
  "/.//evil.example",
  "http://localhost.evil.example/",
  `http://${"a".repeat(3000)}.example`,
];

test("hostile callbackUrls: the sign-in page and next-auth both send the user to our own origin only", async () => {
  const { session } = await signInAt(world.app.url, "user@example.com", DEMO_PASSWORD);
  const failures: string[] = [];
  for (const target of HOSTILE_CALLBACKS) {
    // Signed in: /login redirects straight to the callbackUrl it was given.
    const response = await session.fetch(`/login?callbackUrl=${encodeURIComponent(target)}`);
    const location = response.headers.get("location");
    const landed = location ? new URL(location, world.app.url) : null;
    if (response.status !== 307 || !landed || landed.origin !== world.app.url || landed.pathname.startsWith("//")) failures.push(`/login → ${target}: ${response.status} ${location}`);

    // next-auth's own redirect after a sign-in with that callbackUrl.
    const fresh = new Session(world.app.url);
    const csrf = (await (await fresh.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await fresh.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: "user@example.com", password: DEMO_PASSWORD, callbackUrl: target, json: "true" }).toString(),
    });
    const url = ((await signIn.json()) as { url: string }).url;
    if (signIn.status !== 200 || new URL(url).origin !== world.app.url || new URL(url).pathname.startsWith("//")) failures.push(`next-auth → ${target}: ${signIn.status} ${url}`);
  }
  expect(failures).toEqual([]);
  // A path of our own is kept.
  const kept = await session.fetch(`/login?callbackUrl=${encodeURIComponent("/letters?x=1")}`);
  expect(kept.headers.get("location")).toBe("/letters?x=1");
});

test("a hostile callbackUrl in the browser: after signing in, the user is on our site", async ({ page }) => {
  await page.goto(`${world.app.url}/login?callbackUrl=${encodeURIComponent("/%5Cevil.example")}`);
  await page.getByLabel("E-mail").fill("user@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Still encoded, it is a path of ours (a 404 page), not another host.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(world.app.url);
  expect(new URL(page.url()).pathname).toBe("/%5Cevil.example");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

// ── Headers and CSP ──────────────────────────────────────────────────────────

test("security headers: a per-request CSP nonce that Next's scripts carry, and the other headers; HSTS only for an https APP_URL", async () => {
  const pages = await Promise.all([fetch(`${world.app.url}/login`), fetch(`${world.app.url}/login`)]);
  const policies = pages.map((response) => response.headers.get("content-security-policy") ?? "");
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "'strict-dynamic'"]) {
    expect(policies[0]).toContain(directive);
  }
  expect(policies[0]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const nonces = policies.map((policy) => policy.match(/'nonce-([^']+)'/)?.[1]);
  expect(nonces[0]).toBeTruthy();
  expect(nonces[0]).not.toBe(nonces[1]);
  const html = await pages[0].text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[0]}"`);

  const headers = pages[0].headers;
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("permissions-policy")).toContain("camera=()");
  expect(headers.get("strict-transport-security")).toBeNull();
  // API answers carry them too.
  expect((await fetch(`${world.app.url}/api/auth/session`)).headers.get("x-content-type-options")).toBe("nosniff");

  const secure = await fetch(`${proxied.url}/login`);
  expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
});

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => violations.push(`${page.url()}: ${error.message}`));
  return violations;
}

test("in Chromium, pages hydrate under the CSP; the sandboxed e-mail preview keeps its styles and runs no script", async ({ page }) => {
  const violations = watchCsp(page);
  await page.goto(`${world.app.url}/login`);
  await page.getByLabel("E-mail").fill("admin@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });

  // Client-side behaviour works (hydrated): the SMS dialog opens.
  await page.goto(`${world.app.url}/contacts/${world.a.contactId}`);
  await page.getByRole("button", { name: /SMS/ }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();

  await page.goto(`${world.app.url}/settings/outbox/${world.a.emailId}`);
  const preview = page.frameLocator("iframe[title^='HTML version']");
  await expect(preview.locator("body")).toContainText(/sign/i);
  // The e-mail's inline styles apply inside the sandbox.
  await expect(preview.locator("body")).toHaveCSS("padding-top", "24px");
  expect(await page.locator("iframe[title^='HTML version']").getAttribute("sandbox")).toBe("");

  await page.goto(`${world.app.url}/nope-not-a-page`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go home" }).click();
  await expect(page).toHaveURL(/\/contacts/);
  expect(violations).toEqual([]);
});

test("in Chromium, the public signing page works under the CSP, with its document in a frame", async ({ page }) => {
  const violations = watchCsp(page);
  await page.goto(`${world.app.url}/s/${world.a.signingToken}`);
  await expect(page.getByRole("heading", { name: "Matrix agreement" })).toBeVisible();
  await expect(page.locator(`iframe[src="/s/${world.a.signingToken}/document"]`)).toBeVisible();
  const pdf = await fetch(`${world.app.url}/s/${world.a.signingToken}/document`);
  expect(pdf.headers.get("content-type")).toBe("application/pdf");
  expect(pdf.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
  expect(pdf.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(violations).toEqual([]);
});

// ── Body limits ──────────────────────────────────────────────────────────────

/** Sends only the headers of a request (not a byte of the body it announces) and reads the whole answer. */
function headersOnly(baseUrl: string, path: string, headers: Record<string, string>): Promise<{ status: number; raw: string; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname === "localhost" ? "127.0.0.1" : hostname, port: Number(port) }, () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`);
    });
    let raw = "";
    socket.on("data", (chunk) => (raw += chunk.toString()));
    // The server answers and closes the connection: that is what stops an upload it will not read.
    socket.on("end", () => resolve({ status: Number(raw.match(/^HTTP\/1\.1 (\d{3})/)?.[1]), raw, body: raw.slice(raw.indexOf("\r\n\r\n") + 4) }));
    socket.on("error", reject);
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error(`no answer to POST ${path} within 20 s: the server waited for the body`));
    });
  });
}

test("anonymous endpoints refuse an oversized body from its headers, before reading it: 413 (or 411 when chunked)", async () => {
  const token = world.a.signingToken;
  const cases: [string, Record<string, string>, number][] = [
    ["/api/stripe/webhook", { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) }, 413],
    [`/s/${token}`, { "content-type": "text/plain", "next-action": world.action("signAction").id, "content-length": String(2 * 1024 * 1024) }, 413],
    ["/api/test-idp/token", { "content-type": "application/x-www-form-urlencoded", "content-length": String(100 * 1024) }, 413],
    ["/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", "content-length": String(100 * 1024) }, 413],
    ["/api/stripe/webhook", { "content-type": "application/json", "transfer-encoding": "chunked" }, 411],
  ];
  const answers = [];
  for (const [path, headers, status] of cases) {
    const answer = await headersOnly(world.app.url, path, headers);
    expect(answer.status, `${path}: ${answer.raw.slice(0, 200)}`).toBe(status);
    answers.push(answer);
  }
  // What each kind of caller reads: JSON for an API route, text (Next shows it as the action's error) for a server action.
  expect(JSON.parse(answers[0].body)).toMatchObject({ error: "body-too-large", limitBytes: 1024 * 1024 });
  expect(answers[1].body).toMatch(/^Request too large: /);
  expect(answers[1].raw).toMatch(/content-type: text\/plain/i);
  // Within the limit, the same endpoints answer as usual.
  expect((await fetch(`${world.app.url}/api/stripe/webhook`, { method: "POST", body: "{}" })).status).toBe(404);
});
