import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

// Settings → API keys and Settings → Webhooks as an administrator sees them.
const db = useDatabase();

test("an admin creates an API key, sees it once, uses it, and revokes it", async ({ page, baseURL }) => {
  const { email } = await createCompanyWithUser(db(), { name: "Keys Admin", role: "ADMIN", grants: { sms: 1000n } });
  await signIn(page, email);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page.getByRole("heading", { name: "New API key" })).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Name the key after what uses it")).toBeVisible();

  await page.getByLabel("Name").fill("Web shop");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByLabel("API key, shown once");
  await expect(shown).toHaveText(/^iap_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent())!;

  const charge = await fetch(new URL("/api/v1/accounts/sms/charges", baseURL), {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "Idempotency-Key": "e2e-1" },
    body: JSON.stringify({ amount: "0.50", description: "From the web shop" }),
  });
  expect(charge.status).toBe(201);
  expect(await charge.json()).toMatchObject({ amount: "0.50", balance_after: "9.50" });

  // Shown once: after a reload only its prefix is listed, with its last use.
  await page.reload();
  await expect(page.getByLabel("API key, shown once")).toHaveCount(0);
  const row = page.getByRole("row", { name: /Web shop/ });
  await expect(row).toContainText(key.slice(0, 16) + "_…");
  await expect(row).not.toContainText(key.slice(17));
  await expect(row).not.toContainText("Never");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke Web shop" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await fetch(new URL("/api/v1/ping", baseURL), { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status).toBe(401);
});

test("webhooks refuse an endpoint on a private address, and show the signing secret once", async ({ page }) => {
  const { email } = await createCompanyWithUser(db(), { name: "Hooks Admin", role: "ADMIN" });
  await signIn(page, email);
  await page.goto("/settings/webhooks");
  await page.getByLabel("Endpoint URL").fill("https://127.0.0.1/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText(/private or local network/)).toBeVisible();

  await page.getByLabel("Endpoint URL").fill("https://93.184.216.34/iap");
  await page.getByLabel("Description").fill("Order system");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByLabel("Signing secret")).toHaveText(/^whsec_/);
  await page.getByRole("link", { name: "Open the endpoint" }).click();
  await expect(page.getByText("Nothing sent yet")).toBeVisible();
  await expect(page.getByText("whsec_")).toHaveCount(0);
});

test("the developer page renders the API from its OpenAPI document, signed out", async ({ page }) => {
  await page.goto("/developers/api");
  await expect(page.getByRole("heading", { name: "IAP Credits API", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /\/api\/v1\/accounts\/\{service\}\/charges/ })).toBeVisible();
  await expect(page.locator("#problem-insufficient-credits")).toContainText("shortfall");
  await expect(page.getByText("X-IAP-Signature: t=")).toBeVisible();
});
