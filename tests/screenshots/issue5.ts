// Screenshots of buying credits for docs/screenshots/issue5-*.png, against a
// running `npm run dev` with the demo data (demo checkout: no STRIPE_SECRET_KEY).
// Usage: BASE_URL=http://localhost:3102 npx tsx tests/screenshots/issue5.ts
import type { Page } from "@playwright/test";
import { launchChromium } from "../support/chromium";
import { signIn } from "./support";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const browser = await launchChromium();

async function shot(page: Page, name: string) {
  await page.addStyleTag({ content: "nextjs-portal{display:none!important}" }); // dev-mode indicator
  await page.screenshot({ path: `docs/screenshots/issue5-${name}.png`, fullPage: true });
}

/** A fresh browser context signed in as `email`. */
async function as(email: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.setDefaultTimeout(120_000); // `next dev` compiles each page on first visit
  await signIn(page, base, email);
  return page;
}

try {
  const admin = await as("admin@example.com");
  await admin.goto(`${base}/settings/iap`);
  await admin.getByRole("link", { name: "SMS", exact: true }).click();
  const [buy] = await Promise.all([admin.context().waitForEvent("page"), admin.getByRole("link", { name: /Buy Credit/ }).click()]);
  buy.setDefaultTimeout(120_000);
  await buy.getByRole("heading", { name: "Buy Credits for SMS" }).waitFor();
  await shot(buy, "buy-page");

  await buy.getByRole("article", { name: "Standard Pack" }).getByRole("button", { name: "Buy" }).click();
  await buy.getByRole("button", { name: /^Pay/ }).waitFor();
  await shot(buy, "demo-checkout");
  await buy.getByRole("button", { name: /^Pay/ }).click();
  await buy.getByRole("heading", { name: /credits added/ }).waitFor();
  await shot(buy, "success");
  await buy.getByRole("link", { name: "Back to the SMS account" }).click();
  await buy.getByRole("heading", { name: "Purchase history" }).waitFor();
  await shot(buy, "account-after-purchase");

  await buy.goto(`${base}/iap/buy/sms`);
  await buy.getByRole("article", { name: "Starter Pack" }).getByRole("button", { name: "Buy" }).click();
  await buy.getByRole("button", { name: "Cancel" }).click();
  await buy.getByText("Payment cancelled").waitFor();
  await shot(buy, "cancelled");

  const user = await as("user@example.com");
  await user.goto(`${base}/iap/buy/sms`);
  await user.getByText("Only administrators can buy credits.").waitFor();
  await shot(user, "user-notice");

  const mobile = await as("admin@example.com", { width: 390, height: 844 });
  await mobile.goto(`${base}/iap/buy/sms`);
  await mobile.getByRole("heading", { name: "Buy Credits for SMS" }).waitFor();
  await shot(mobile, "buy-page-mobile");
} finally {
  await browser.close();
}
