// Screenshots of the shared UI (#17) for docs/screenshots/: the data table,
// status badges, description list and date-time on the pages that use them,
// a refused form keeping what was typed, and a narrow screen.
// Usage: BASE_URL=http://localhost:3117 npx tsx tests/screenshots/issue17.ts, against `npm run dev` with the demo data.
import { signedInPage } from "./support";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = (name: string) => `docs/screenshots/issue17-${name}.png`;

const { browser, page } = await signedInPage(base);
try {
  // Lead Generation fills two tables with badges.
  await page.goto(`${base}/leads/generate`);
  await page.getByLabel("How many companies").fill("3");
  await page.getByLabel("Countries").selectOption(["FR"]);
  await page.getByLabel("Consumer Staples").check();
  await page.getByRole("button", { name: "Generate Leads" }).click();
  await page.getByText(/Lead request done: \d+ leads? found/).waitFor();
  await page.screenshot({ path: out("1-leads-tables"), fullPage: true });

  await page.goto(`${base}/settings/iap`);
  await page.getByRole("table", { name: /IAP accounts/ }).waitFor();
  await page.screenshot({ path: out("2-iap-accounts"), fullPage: true });
  await page.getByRole("link", { name: "Lead Generation" }).click();
  await page.getByRole("heading", { name: "Credit history" }).waitFor();
  await page.screenshot({ path: out("3-account-information"), fullPage: true });

  // A refused form: the field error beside the field, the message by the button, the values kept.
  await page.goto(`${base}/contacts/new`);
  await page.getByLabel("Name").fill("Marie Dupont");
  await page.getByLabel("E-mail").fill("marie@");
  await page.getByLabel("City").fill("Lyon");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("alert").filter({ hasText: "Check the highlighted fields." }).waitFor();
  await page.screenshot({ path: out("4-refused-form-keeps-values"), fullPage: true });

  await page.goto(`${base}/settings/outbox`);
  await page.getByRole("heading", { name: "Outgoing E-mails", level: 1 }).waitFor();
  await page.screenshot({ path: out("5-outbox"), fullPage: true });

  // A narrow screen: the table scrolls sideways inside its box, the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/leads`);
  await page.getByRole("table", { name: "Leads" }).waitFor();
  await page.screenshot({ path: out("6-mobile-leads"), fullPage: true });
} finally {
  await browser.close();
}
