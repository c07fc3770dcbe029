import { expect, test, type Locator, type Page } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

// Specs run in parallel against one database: a purchase is made by a company
// of its own, and "no change" is checked on a service no other spec spends.

/** "1,110.00 credits" → 111000n, "5 credits" → 500n: hundredths of a credit, whatever the service's decimals. */
async function units(locator: Locator): Promise<bigint> {
  const text = (await locator.innerText()).replace(/,/g, "");
  const match = /(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) throw new Error(`No amount in "${text}"`);
  const [, whole, fraction = ""] = match;
  return BigInt(whole + fraction.padEnd(2, "0").slice(0, 2));
}

/** The Account Information page's balance: the value next to "Balance". */
const accountBalance = (page: Page) => page.locator("dt", { hasText: /^Balance$/ }).locator("xpath=following-sibling::dd[1]");

const database = useDatabase();

test("admin buys the Standard Pack on the demo checkout: 100 credits added, balance +100, purchase listed", async ({ page }) => {
  // A company of its own, so SMS specs spending the demo company's credits at
  // the same time can't move this balance (nor this purchase theirs).
  const { email } = await createCompanyWithUser(database(), { name: "Bea Buyer", role: "ADMIN", smsUnits: 500n });
  await signIn(page, email);
  await page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "View My Services" }).click();
  await page.getByRole("link", { name: "SMS", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Account Information" })).toBeVisible();
  const before = await units(accountBalance(page));
  expect(before).toBe(500n);

  const [buyPage] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: /Buy Credit/ }).click()]);
  await expect(buyPage.getByRole("heading", { name: "Buy Credits for SMS", level: 1 })).toBeVisible();
  expect(await units(buyPage.getByTestId("current-balance"))).toBe(before);
  const standard = buyPage.getByRole("article", { name: "Standard Pack" });
  await expect(standard).toContainText("100 credits");
  await expect(standard).toContainText("Price€12.00");
  await expect(standard).toContainText("Per credit€0.12");
  await standard.getByRole("button", { name: "Buy" }).click();

  await expect(buyPage).toHaveURL(/\/iap\/checkout\/demo\/\d+$/);
  await expect(buyPage.getByRole("heading", { name: "Demo checkout — no money moves" })).toBeVisible();
  const order = buyPage.getByRole("region", { name: "Your order" });
  await expect(order.getByText("SMS", { exact: true })).toBeVisible();
  await expect(order.getByText("Standard Pack")).toBeVisible();
  await expect(order.getByText("100 credits")).toBeVisible();
  await buyPage.getByRole("button", { name: "Pay €12.00" }).click();

  await expect(buyPage).toHaveURL(/\/iap\/checkout\/success\?purchase=\d+$/);
  await expect(buyPage.getByRole("heading", { name: "100 credits added" })).toBeVisible();
  expect(await units(buyPage.getByTestId("new-balance"))).toBe(before + 10000n);
  const purchaseId = new URL(buyPage.url()).searchParams.get("purchase");

  await page.reload();
  expect(await units(accountBalance(page))).toBe(before + 10000n);
  const entry = page.getByRole("region", { name: "Credit history" }).getByRole("row").filter({ hasText: `(purchase #${purchaseId})` });
  await expect(entry).toContainText("+100.00");
  const purchase = page.getByRole("region", { name: "Purchase history" }).getByRole("row").filter({ hasText: "Standard Pack" });
  await expect(purchase).toHaveCount(1);
  await expect(purchase).toContainText("€12.00");
  await expect(purchase).toContainText("Paid");

  await buyPage.getByRole("link", { name: "Back to the SMS account" }).click();
  await expect(buyPage.getByRole("heading", { name: "Account Information" })).toBeVisible();
});

test("admin cancels on the demo checkout: back on Buy Credits with the message, no credits added", async ({ page }) => {
  // A service no other spec spends, so "no change" can be checked exactly.
  await signIn(page, "admin@example.com");
  await page.goto("/iap/buy/itsme_proxy");
  await expect(page.getByRole("heading", { name: /^Buy Credits for Signer identification/, level: 1 })).toBeVisible();
  const before = await units(page.getByTestId("current-balance"));
  await page.getByRole("article", { name: "Starter Pack" }).getByRole("button", { name: "Buy" }).click();
  await expect(page.getByRole("heading", { name: "Demo checkout — no money moves" })).toBeVisible();
  const checkoutUrl = page.url();
  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page).toHaveURL(/\/iap\/buy\/itsme_proxy\?cancelled=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Payment cancelled, no credits were added." })).toBeVisible();
  expect(await units(page.getByTestId("current-balance"))).toBe(before);

  // The cancelled order can't be paid afterwards.
  await page.goto(checkoutUrl);
  await expect(page.getByText(/This order was cancelled/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0);
});

test("a user who lands on Buy Credits sees the packs, whom to ask, and cannot buy", async ({ page }) => {
  await signIn(page, "user@example.com");
  await page.goto("/iap/buy/sms");
  await expect(page.getByRole("heading", { name: "Buy Credits for SMS", level: 1 })).toBeVisible();
  await expect(page.getByText("Only administrators can buy credits.")).toBeVisible();
  await expect(page.getByText("Ask Mitchell Admin (admin@example.com).")).toBeVisible();
  const buttons = page.getByRole("button", { name: "Buy" });
  await expect(buttons).toHaveCount(4);
  for (const button of await buttons.all()) await expect(button).toBeDisabled();
});

test("an unknown service has no Buy page", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const response = await page.goto("/iap/buy/no_such_service");
  expect(response?.status()).toBe(404);
});
