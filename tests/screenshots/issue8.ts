// Screenshots of Partner Autocomplete and Lead Generation for docs/screenshots/.
// Usage: BASE_URL=http://localhost:3109 npx tsx tests/screenshots/issue8.ts, against `npm run dev` with the demo data.
import { launchChromium } from "../support/chromium";
import { signIn } from "./support";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = (name: string) => `docs/screenshots/issue8-${name}.png`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(180_000);
page.setDefaultNavigationTimeout(180_000);

/** The Generate Leads form: `count` French Consumer Staples companies. */
async function fillLeadRequest(count: number) {
  await page.getByLabel("How many companies").fill(String(count));
  await page.getByLabel("Countries").selectOption(["FR"]);
  await page.getByLabel("Consumer Staples").check();
}

try {
  await signIn(page, base);

  await page.goto(`${base}/contacts/new`);
  await page.getByLabel("E-mail").fill("sales@example.com");
  await page.getByRole("combobox", { name: "Company lookup" }).fill("Lino Eng");
  await page.getByRole("option").first().waitFor();
  await page.screenshot({ path: out("1-suggestions"), fullPage: true });
  await page.getByRole("option", { name: /Lino Engineering AB/ }).click();
  await page.getByText(/Filled from Lino Engineering AB/).waitFor();
  await page.screenshot({ path: out("2-picked"), fullPage: true });
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/contacts\/\d+/);
  await page.getByText("Contact created.").waitFor();
  await page.screenshot({ path: out("3-saved-chatter"), fullPage: true });

  await page.goto(`${base}/contacts/new`);
  await page.getByRole("combobox", { name: "Company lookup" }).fill("FR12345678901");
  await page.getByText(/check digits/).waitFor();
  await page.screenshot({ path: out("4-vat-check"), fullPage: true });

  await page.getByRole("link", { name: "Leads" }).click();
  await page.getByRole("link", { name: "Generate Leads" }).click();
  await fillLeadRequest(5);
  await page.screenshot({ path: out("5-generate-form"), fullPage: true });
  await page.getByRole("button", { name: "Generate Leads" }).click();
  await page.getByText(/Lead request done/).waitFor();
  await page.screenshot({ path: out("6-leads"), fullPage: true });

  await page.getByRole("link", { name: "Generate Leads" }).click();
  await fillLeadRequest(3);
  await page.getByRole("button", { name: "Generate Leads" }).click();
  await page.getByText(/Lead request done/).waitFor();
  await page.getByRole("button", { name: /Convert .* to a contact/ }).first().click();
  await page.getByRole("link", { name: "Converted — open contact" }).first().waitFor();
  await page.screenshot({ path: out("7-converted"), fullPage: true });

  // The demo company's 10 trial credits: 8 used above, so 50 more are refused with the buy prompt.
  await page.getByRole("link", { name: "Generate Leads" }).click();
  await fillLeadRequest(50);
  await page.getByRole("button", { name: "Generate Leads" }).click();
  await page.getByText(/Not enough credits for Lead Generation/).waitFor();
  await page.screenshot({ path: out("8-not-enough-credits"), fullPage: true });

  await page.getByLabel("How many companies").fill("2");
  await page.getByLabel("Consumer Staples").uncheck();
  await page.getByLabel("Utilities").check();
  await page.getByRole("button", { name: "Generate Leads" }).click();
  await page.getByText(/Lead request done/).waitFor();
  await page.screenshot({ path: out("9-no-result"), fullPage: true });
} finally {
  await browser.close();
}
