import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";

// Other specs use the same demo company at the same time: balances are read
// before and after, and only differences are asserted.

/** "1,110.00 credits" → 111000n, "5 credits" → 500n: hundredths of a credit, whatever the service's decimals. */
async function units(locator: Locator): Promise<bigint> {
  const text = (await locator.innerText()).replace(/,/g, "");
  const match = /(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) throw new Error(`No amount in "${text}"`);
  const [, whole, fraction = ""] = match;
  return BigInt(whole + fraction.padEnd(2, "0").slice(0, 2));
}

/** The Account Information page's balance (settings slice): the value next to "Balance". */
const accountBalance = (page: Page) => page.locator("dt", { hasText: /^Balance$/ }).locator("xpath=following-sibling::dd[1]");

/**
 * Admin → IAP Account list → SMS → Buy Credit (new tab). When the account
 * pages are not there yet, the Buy page is opened directly.
 */
async function openBuyPage(page: Page): Promise<{ buyPage: Page; accountPage: Page | null }> {
  const list = await page.goto("/settings/iap");
  const sms = page.getByRole("link", { name: "SMS", exact: true });
  if (list?.ok() && (await sms.count()) > 0) {
    await sms.click();
    await expect(page.getByRole("heading", { name: "Account Information" })).toBeVisible();
    const [buyPage] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: /Buy Credit/ }).click()]);
    await buyPage.waitForLoadState();
    return { buyPage, accountPage: page };
  }
  await page.goto("/iap/buy/sms");
  return { buyPage: page, accountPage: null };
}

test("admin buys the Standard Pack on the demo checkout: 100 credits added, balance +100, purchase listed", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const { buyPage, accountPage } = await openBuyPage(page);
  const accountBefore = accountPage ? await units(accountBalance(accountPage)) : null;

  await expect(buyPage.getByRole("heading", { name: "Buy Credits for SMS", level: 1 })).toBeVisible();
  const before = await units(buyPage.getByTestId("current-balance"));
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
  const after = await units(buyPage.getByTestId("new-balance"));
  expect(after - before).toBe(10000n);
  const purchaseId = new URL(buyPage.url()).searchParams.get("purchase");

  if (accountPage) {
    await accountPage.reload();
    expect((await units(accountBalance(accountPage))) - accountBefore!).toBe(10000n);
    const entry = accountPage.getByRole("region", { name: "Credit history" }).getByRole("row").filter({ hasText: `(purchase #${purchaseId})` });
    await expect(entry).toContainText("+100.00");
    const history = accountPage.getByRole("region", { name: "Purchase history" });
    await expect(history.getByRole("row").filter({ hasText: "Standard Pack" }).filter({ hasText: "Paid" }).first()).toBeVisible();
    await buyPage.getByRole("link", { name: "Back to the SMS account" }).click();
    await expect(buyPage.getByRole("heading", { name: "Account Information" })).toBeVisible();
  } else {
    await buyPage.getByRole("link", { name: "Buy more credits" }).click();
    expect((await units(buyPage.getByTestId("current-balance"))) - before).toBe(10000n);
  }
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
