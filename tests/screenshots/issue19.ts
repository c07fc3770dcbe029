// Screenshots of Settings → Background jobs for docs/screenshots/issue19-*.png,
// self-contained: its own PostgreSQL with the demo data, the production build
// (run `npm run build` first) served on it, a slow local gateway speaking
// Twilio's API so a mass SMS is still running when the page is taken, and one
// failed job to retry.
// Usage: npx tsx --conditions=react-server tests/screenshots/issue19.ts
import { chromium } from "@playwright/test";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { reloadEnv } from "@/lib/env";
import { startAppServer } from "@/tests/support/app-server";
import { insertMobileContacts } from "@/tests/support/contacts";
import { startTwilioServer } from "@/tests/support/twilio-server";
import { signIn } from "./support";

const out = (name: string) => `docs/screenshots/issue19-${name}.png`;
const root = path.resolve(import.meta.dirname, "..", "..");
const pg = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", `shots-${process.pid}`), port: await freePort(), persistent: false, fast: true });
const twilio = await startTwilioServer({ latencyMs: 400 });
let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
try {
  await pg.createDatabase("shots_test");
  const url = pg.urlFor("shots_test");
  await migrate(url);
  process.env.DATABASE_URL = url;
  reloadEnv();
  const { pool, prisma, disconnectDb } = await import("@/lib/db/client");
  pool().on("error", () => {});
  const { seedDatabase } = await import("@/lib/seed");
  await seedDatabase(prisma(), { demo: true });
  // Jobs on (the test server keeps them off unless asked): the batch runs while the page is taken.
  app = await startAppServer({
    databaseUrl: url,
    env: { TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000001", TWILIO_AUTH_TOKEN: "shots", TWILIO_FROM: "+15005550006", TWILIO_API_URL: twilio.url, SMS_CONCURRENCY: "2", JOBS_CONCURRENCY: "4" },
  });
  const admin = await prisma().user.findFirstOrThrow({ where: { email: "admin@example.com" } });
  const companyId = admin.companyId;
  // A failed e-mail delivery as the runner logs it after its last attempt.
  const email = await prisma().outgoingEmail.create({ data: { companyId, to: "billing@example.com", subject: "Low credits: SMS (4.50 left)", html: "<p>x</p>", text: "x", state: "FAILED", attempts: 10, lastError: "Cannot connect to the SMTP server smtp://mail.example.com:587 (SMTP_URL): connection refused" } });
  await pool().query(
    `INSERT INTO job_run (task, job_id, company_id, outcome, attempts, error, payload, duration_ms) VALUES ('mail.deliver', 0, $1, 'FAILED', 10, $2, $3::jsonb, 20)`,
    [companyId, email.lastError, JSON.stringify({ emailId: email.id, companyId })],
  );
  // A mass SMS to 120 contacts through the slow gateway: still running when the page is shot.
  const contactIds = await insertMobileContacts(pool(), companyId, 120);
  const { queueMassSms } = await import("@/lib/sms/mass-sms/queue");
  const { getOrCreateAccount } = await import("@/lib/iap/accounts");
  const { grant } = await import("@/lib/iap/ledger");
  await grant(await getOrCreateAccount(companyId, "sms"), 100_000n, { kind: "ADJUSTMENT", description: "credits for the screenshots", idempotencyKey: randomUUID() });
  const queued = await queueMassSms({ companyId, userId: admin.id, contactIds, body: "Spring sale starts Monday!", idempotencyKey: randomUUID() });
  if (queued.status !== "queued") throw new Error(`mass SMS not queued: ${queued.status}`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  await signIn(page, app.url);
  await page.goto(`${app.url}/settings`);
  await page.getByRole("searchbox").fill("jobs");
  await page.screenshot({ path: out("1-settings-search"), fullPage: true });
  await page.getByRole("link", { name: "View Background jobs" }).click();
  await page.getByText(/of 120 numbers/).waitFor({ timeout: 30_000 }).catch(async (error) => {
    console.error(await page.locator("main").innerText());
    throw error;
  });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: out("2-background-jobs"), fullPage: true });
  await page.getByRole("button", { name: /^Retry:/ }).click();
  await page.getByRole("status").filter({ hasText: "Queued again" }).waitFor().catch(async (error) => {
    await page.screenshot({ path: "/tmp/issue19-debug.png", fullPage: true });
    console.error((await pool().query("SELECT id, outcome, resolved_at, task FROM job_run WHERE task = 'mail.deliver'")).rows);
    throw error;
  });
  await page.waitForTimeout(2500); // the row leaves the list at the next refresh
  await page.screenshot({ path: out("3-retried"), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.screenshot({ path: out("4-mobile"), fullPage: true });
  await browser.close();
  await disconnectDb();
} finally {
  await app?.stop();
  await twilio.close();
  await pg.stop();
}
process.exit(0);
