import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

// Issue #22: an administrator who reads the app in Chinese sees the operator
// pages (Background jobs, Webhooks) in Chinese, numbers and all; the words of
// a refusal too. Their profile language is set in the database, as the
// profile page would, and put back after.
const database = useDatabase();
let admin: { companyId: number; email: string };

test.beforeEach(async () => {
  const db = database();
  admin = await createCompanyWithUser(db, { name: "Zhang Ops", role: "ADMIN", grants: { sms: 1000n } });
  await db.query("UPDATE app_user SET locale = 'zh-CN' WHERE email = $1", [admin.email]);
});

test.afterEach(async () => {
  await database().query("UPDATE app_user SET locale = NULL WHERE email = $1", [admin.email]);
});

test("an admin reading Chinese sees Background jobs in Chinese and retries a failed job", async ({ page }) => {
  const db = database();
  const { rows } = await db.query("SELECT id FROM iap_account WHERE company_id = $1", [admin.companyId]);
  const accountId = rows[0].id as number;
  await db.query(
    `INSERT INTO job_run (task, job_id, company_id, outcome, attempts, error, payload, duration_ms)
     VALUES ('credits.low-check', 0, $1, 'FAILED', 5, 'connection to the database lost', $2::jsonb, 12)`,
    [admin.companyId, JSON.stringify({ accountId, companyId: admin.companyId })],
  );

  await signIn(page, admin.email);
  await page.goto("/settings/jobs");
  await expect(page.getByRole("heading", { name: "后台任务", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "进行中" })).toBeVisible();
  const queue = page.getByRole("row", { name: /点数偏低检查/ });
  await expect(queue.getByRole("cell").first()).toHaveText("贵公司");
  await expect(queue.getByRole("cell").nth(3)).toHaveText("1"); // failed
  await expect(page.getByRole("row", { name: /过期的点数预留/ })).toContainText("所有公司");

  const failed = page.getByRole("region", { name: "失败的任务" });
  const row = failed.getByRole("row").filter({ hasText: "connection to the database lost" });
  await expect(row.getByRole("link", { name: "IAP 账户" })).toHaveAttribute("href", `/settings/iap/${accountId}`);
  await page.screenshot({ path: "docs/screenshots/issue22-jobs-zh-CN.png", fullPage: true });
  await row.getByRole("button", { name: "重试：点数偏低检查（IAP 账户）" }).click();
  await expect(failed.getByRole("status")).toHaveText("点数偏低检查（IAP 账户）：已重新加入队列：稍后即会运行。");
});

test("an admin reading Chinese sees Webhooks in Chinese, and why an address is refused", async ({ page }) => {
  await signIn(page, admin.email);
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { name: "Webhook", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "端点", exact: true })).toBeVisible();
  await expect(page.getByText("还没有端点。")).toBeVisible();
  await expect(page.getByRole("group", { name: "事件" })).toContainText("账户点数已降至 0。");

  await page.getByLabel("端点 URL").fill("https://127.0.0.1/hook");
  await page.getByRole("button", { name: "添加端点" }).click();
  await expect(page.getByText("此地址位于私有或本地网络，Webhook 无法访问。请使用公开的 https:// URL。")).toBeVisible();

  await page.getByLabel("端点 URL").fill("https://93.184.216.34/iap");
  await page.getByRole("button", { name: "添加端点" }).click();
  await expect(page.getByLabel("签名密钥")).toHaveText(/^whsec_/);
  await page.getByRole("link", { name: "打开端点" }).click();
  await expect(page.getByRole("heading", { name: "投递" })).toBeVisible();
  await expect(page.getByText("尚未发送任何内容")).toBeVisible();
  await expect(page.getByRole("button", { name: "暂停" })).toBeVisible();
});
