import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

// The e2e app has CRON_SECRET=test-cron-secret and no SMTP server: the warning
// is composed by its delivery job and kept in the outbox, marked not delivered. The test makes its
// own company and admin so that no other spec's balances matter.
const CRON_SECRET = "test-cron-secret";
const database = useDatabase();

async function companyWithLowAccount() {
  const { companyId, email: adminEmail, suffix } = await createCompanyWithUser(database(), { name: "Outbox Admin", role: "ADMIN" });
  const warningEmail = `billing-${suffix}@example.test`;
  // Snailmail, Warn Me on at 5 credits, balance 0: below the threshold, not warned yet.
  await database().query(
    `INSERT INTO iap_account (company_id, service_id, warn_enabled, warning_threshold, warning_email)
     SELECT $1, id, true, 5 * 10 ^ decimals, $2 FROM iap_service WHERE technical_name = 'snailmail'`,
    [companyId, warningEmail],
  );
  return { adminEmail, warningEmail };
}

const SWEEP = "/api/cron/run?schedule=credits.low-sweep";

test("the cron route runs the low-credit sweep; the warning waits in Settings > Outgoing E-mails", async ({ page, request }) => {
  const { adminEmail, warningEmail } = await companyWithLowAccount();

  expect((await request.post(SWEEP)).status()).toBe(401);
  expect((await request.post(SWEEP, { headers: { Authorization: "Bearer wrong" } })).status()).toBe(401);
  const run = await request.post(SWEEP, { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status()).toBe(200);
  const result = await run.json();
  expect(result.finished["credits.low-sweep"]).toBeGreaterThanOrEqual(1);

  await signIn(page, adminEmail);
  await page.goto("/settings/outbox");
  await expect(page.getByRole("heading", { name: "Outgoing E-mails", level: 1 })).toBeVisible();
  await expect(page.getByText("No SMTP server is configured.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: warningEmail });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Not delivered", { exact: true })).toBeVisible();

  await row.getByRole("link", { name: /^Low credits: Snailmail \(0(\.0+)? left\)$/ }).click();
  await expect(page.getByRole("heading", { name: "HTML version" })).toBeVisible();
  const html = page.frameLocator('iframe[title^="HTML version"]');
  await expect(html.getByRole("link", { name: "Buy credits" })).toHaveAttribute("href", /\/iap\/buy\/snailmail$/);
  await expect(page.locator("pre")).toContainText("below the warning threshold of 5");

  await page.getByRole("button", { name: "Retry now" }).click();
  await expect(page.getByRole("status")).toContainText("Not delivered: no SMTP server is configured (set SMTP_URL)");

  // The same cron call again queues nothing more for this account.
  await request.post(SWEEP, { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  await page.goto("/settings/outbox");
  await expect(page.getByRole("row").filter({ hasText: warningEmail })).toHaveCount(1);
});

test("a user without the admin role gets 403 on the outbox", async ({ page }) => {
  await signIn(page, "user@example.com");
  const response = await page.goto("/settings/outbox");
  expect(response?.status()).toBe(403);
});
