// What every screenshot script starts with: the tests' Chromium
// (tests/support/chromium.ts: CHROMIUM_PATH, a system one, or npm's) and a page signed in with a demo account, with patient timeouts (a dev
// server compiles each page on its first visit).
import type { Browser, Page } from "@playwright/test";
import { launchChromium } from "../support/chromium";

export async function signedInPage(base: string, email = "admin@example.com"): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(180_000);
  page.setDefaultNavigationTimeout(180_000);
  await signIn(page, base, email);
  return { browser, page };
}

/** Signs a page in with a demo account (every demo user has the published demo password). */
export async function signIn(page: Page, base: string, email = "admin@example.com"): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}
