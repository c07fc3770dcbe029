// Screenshots of the Settings and IAP account pages for docs/screenshots/.
// Usage: BASE_URL=http://localhost:3101 npx tsx tests/screenshots/issue4.ts, against `npm run dev` with
// the demo data plus an admin new@example.com of a company with no account (for the empty list).
import { launchChromium } from "../support/chromium";
import { signIn } from "./support";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = (name: string) => `docs/screenshots/issue4-${name}.png`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

async function signInAs(email: string, signOutFirst = false) {
  if (signOutFirst) {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
  }
  await signIn(page, base, email);
}
try {
  await signInAs("admin@example.com");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "General" }).waitFor();
  await page.screenshot({ path: out("1-settings"), fullPage: true });

  const search = page.getByRole("searchbox", { name: "Search settings" });
  await search.fill("IAP");
  await page.screenshot({ path: out("2-settings-filtered-iap"), fullPage: true });
  await search.fill("zzz");
  await page.screenshot({ path: out("3-settings-no-match"), fullPage: true });
  await search.fill("IAP");

  await page.getByRole("link", { name: "View My Services" }).click();
  await page.getByRole("link", { name: "SMS" }).waitFor();
  await page.screenshot({ path: out("4-iap-accounts"), fullPage: true });

  await page.getByRole("link", { name: "SMS" }).click();
  await page.getByRole("heading", { name: "Account Information" }).waitFor();
  await page.screenshot({ path: out("5-account"), fullPage: true });

  const warn = page.getByLabel("Warn Me");
  if (!(await warn.isChecked())) await warn.check();
  await page.getByLabel("Threshold").fill("-5");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Enter a number of credits of 0 or more.").waitFor();
  await page.screenshot({ path: out("6-account-threshold-error") });

  await page.getByLabel("Threshold").fill("50");
  await page.getByLabel("Warning Email").fill("not-an-address");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Enter a valid e-mail address").waitFor();
  await page.screenshot({ path: out("7-account-email-error") });

  await page.getByLabel("Warning Email").fill("ops@demo-company.example");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await page.screenshot({ path: out("8-account-saved") });
  await page.reload();
  await page.getByRole("heading", { name: "Account Information" }).waitFor();
  await page.screenshot({ path: out("9-account-low-credits-after-reload"), fullPage: true });

  await page.goto(`${base}/settings/iap`);
  await page.screenshot({ path: out("10-iap-accounts-badges"), fullPage: true });
  await page.getByRole("link", { name: "SMS", exact: true }).click();
  await page.getByRole("heading", { name: "Account Information" }).waitFor();
  await page.screenshot({ path: out("11-account-low-credits-notice") });

  // A company that has used no service yet (dev data: new@example.com in "Newcomer BV").
  await signInAs("new@example.com", true);
  await page.goto(`${base}/settings/iap`);
  await page.screenshot({ path: out("12-iap-accounts-empty") });

  await signInAs("user@example.com", true);
  await page.goto(`${base}/settings/iap`);
  await page.screenshot({ path: out("13-user-403") });
  console.log("Screenshots written to docs/screenshots/issue4-*.png");
} finally {
  await browser.close();
}
