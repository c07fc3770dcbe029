import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

const database = useDatabase();

test("admin: Settings → search IAP → View My Services → SMS → Warn Me with validation → Saved → kept after reload", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "General" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search settings" }).fill("IAP");
  // Only the IAP setting remains, in the Contacts section.
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "In-App Purchases", level: 3 })).toBeVisible();
  await expect(page.getByText("View your IAP services and recharge your credits")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Contacts", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "General", level: 2 })).toHaveCount(0);

  await page.getByRole("link", { name: "View My Services" }).click();
  await expect(page).toHaveURL(/\/settings\/iap$/);
  await expect(page.getByRole("heading", { name: "IAP Account", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "SMS", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Account Information" })).toBeVisible();
  await expect(page.getByText("Send SMS text messages")).toBeVisible();
  const buy = page.getByRole("link", { name: /Buy Credit/ });
  await expect(buy).toHaveAttribute("href", "/iap/buy/sms");
  await expect(buy).toHaveAttribute("target", "_blank");

  const warnMe = page.getByLabel("Warn Me");
  if (await warnMe.isChecked()) {
    // A previous run left it on: start from the state the story starts in.
    await warnMe.uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  }
  await expect(page.getByLabel("Threshold")).toHaveCount(0);
  await expect(page.getByLabel("Warning Email")).toHaveCount(0);
  await warnMe.check();
  await expect(page.getByLabel("Threshold")).toBeVisible();
  await expect(page.getByLabel("Warning Email")).toBeVisible();

  const email = `ops-${Date.now()}@example.com`;
  await page.getByLabel("Threshold").fill("-5");
  await page.getByLabel("Warning Email").fill(email);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a number of credits of 0 or more.")).toBeVisible();
  await expect(page.getByLabel("Threshold")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Warn Me")).not.toBeChecked(); // not saved

  await page.getByLabel("Warn Me").check();
  await page.getByLabel("Threshold").fill("50");
  await page.getByLabel("Warning Email").fill("not-an-address");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a valid e-mail address, such as name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Warning Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Threshold")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Warn Me")).toBeChecked();

  await page.getByLabel("Warning Email").fill(email);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Warn Me")).toBeChecked();
  await expect(page.getByLabel("Threshold")).toHaveValue("50.00");
  await expect(page.getByLabel("Warning Email")).toHaveValue(email);
  await page.goto("/settings/iap");
  await expect(page.getByRole("row", { name: /SMS/ })).toContainText("50.00 credits");
});

test("settings search: no match says so; keywords such as credits find the IAP setting", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings");
  const search = page.getByRole("searchbox", { name: "Search settings" });
  await search.fill("no such setting");
  await expect(page.getByText("No settings match")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(0);
  await search.fill("in-app");
  await expect(page.getByRole("heading", { name: "In-App Purchases" })).toBeVisible();
  await search.fill("");
  await expect(page.getByRole("heading", { name: "Technical", level: 2 })).toBeVisible();
  await expect(page.getByRole("link", { name: "View Outgoing E-mails" })).toHaveAttribute("href", "/settings/outbox");
});

test("a user gets 403 on the IAP Account list and on an account", async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, "admin@example.com");
  await admin.goto("/settings/iap");
  const href = await admin.getByRole("link", { name: "SMS", exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/settings\/iap\/\d+$/);
  await admin.close();

  const page = await browser.newPage();
  await signIn(page, "user@example.com");
  for (const path of ["/settings/iap", href!]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await expect(page.getByText("Account Information")).toHaveCount(0);
  }
  await page.close();
});

test("every service is findable: the IAP Account list shows unused ones as Not used yet, and the Settings search finds a service by its name", async ({ page }) => {
  const { email } = await createCompanyWithUser(database(), { name: "Nina Newcomer", role: "ADMIN", smsUnits: 500n });
  await signIn(page, email);
  await page.goto("/settings/iap");
  const list = page.getByRole("table", { name: "Your IAP accounts, one per service" });
  for (const service of ["SMS", "Documents Digitization", "Partner Autocomplete", "Lead Generation", "Snailmail", "Signer identification with itsme®"]) {
    await expect(list.getByRole("link", { name: service, exact: true })).toBeVisible();
  }
  await expect(list.getByRole("row").filter({ hasText: "Snailmail" })).toContainText("Not used yet");
  await expect(list.getByRole("row").filter({ hasText: "SMS" })).toContainText("5.00");

  await page.goto("/settings");
  await page.getByRole("searchbox", { name: "Search settings" }).fill("snailmail");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Snailmail", level: 3 })).toBeVisible();
  await page.getByRole("link", { name: "Open Snailmail" }).click();
  await expect(page).toHaveURL(/\/settings\/iap\/\d+$/);
  await expect(page.getByRole("heading", { name: "Account Information" })).toBeVisible();
  await expect(page.getByText("Snailmail").first()).toBeVisible();
});
