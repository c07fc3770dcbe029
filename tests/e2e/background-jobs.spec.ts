import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

const database = useDatabase();

test("Settings → Background jobs: an admin sees the company's queues and failures, retries one, and it runs", async ({ page }) => {
  const db = database();
  const { companyId, email } = await createCompanyWithUser(db, { name: "Jo Jobs", role: "ADMIN", grants: { sms: 1000n } });
  const account = await db.query("SELECT id FROM iap_account WHERE company_id = $1", [companyId]);
  const accountId = account.rows[0].id as number;
  // A low-credit check that failed for good, as the job runner logs it (a failure on demand would need a broken server).
  await db.query(
    `INSERT INTO job_run (task, job_id, company_id, outcome, attempts, error, payload, duration_ms)
     VALUES ('credits.low-check', 0, $1, 'FAILED', 5, 'connection to the database lost', $2::jsonb, 12)`,
    [companyId, JSON.stringify({ accountId, companyId })],
  );

  await signIn(page, email);
  await page.goto("/settings");
  await page.getByRole("searchbox").fill("jobs");
  await page.getByRole("link", { name: "View Background jobs" }).click();
  await expect(page.getByRole("heading", { name: "Background jobs", level: 1 })).toBeVisible();
  const queue = page.getByRole("row", { name: /Low-credit check/ });
  await expect(queue.getByRole("cell").nth(3)).toHaveText("1"); // failed
  await expect(page.getByRole("row", { name: /Expired credit holds/ })).toContainText("All companies");

  const failed = page.getByRole("region", { name: "Failed jobs" });
  const row = failed.getByRole("row").filter({ hasText: "connection to the database lost" });
  await expect(row.getByRole("link", { name: "IAP account" })).toHaveAttribute("href", `/settings/iap/${accountId}`);
  await row.getByRole("button", { name: /^Retry:/ }).click();
  await expect(failed.getByRole("status")).toHaveText("Low-credit check (IAP account): Queued again: it runs in a moment.");

  // The app's own runner works it: the failure leaves the list and the check is done.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("No failed jobs.")).toBeVisible({ timeout: 1000 });
    await expect(page.getByRole("row", { name: /Low-credit check/ }).getByRole("cell").nth(4)).toHaveText("1", { timeout: 1000 }); // done (24 h)
  }).toPass({ timeout: 30_000 });
  const runs = await db.query("SELECT outcome::text, resolved_at IS NOT NULL AS resolved FROM job_run WHERE company_id = $1 ORDER BY id", [companyId]);
  expect(runs.rows).toEqual([
    { outcome: "FAILED", resolved: true },
    { outcome: "DONE", resolved: false },
  ]);
});

test("a user without the admin role gets 403 on Background jobs", async ({ page }) => {
  await signIn(page, "user@example.com");
  const response = await page.goto("/settings/jobs");
  expect(response?.status()).toBe(403);
});
