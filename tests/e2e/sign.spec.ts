import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { deliverableContent } from "@/lib/mail/secret-link";
import { pdfText, samplePdf } from "@/tests/support/pdf";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

// The whole Sign story in the browser against the built app and its built-in
// test identity provider (no IDENTITY_ISSUER_URL in e2e). The spec makes its
// own trial-eligible company, so the 5 trial credits of the identification
// service appear on first use and no other spec's balances matter.
const database = useDatabase();

/** The identification balance as the admin reads it on Settings > IAP Account. */
async function identificationBalance(page: Page): Promise<number> {
  await page.goto("/settings/iap");
  const row = page.getByRole("row", { name: /Signer identification/ });
  const text = await row.getByText(/\d+ credits/).first().innerText();
  return Number(text.match(/(\d+) credits/)![1]);
}

/** The signing link as the delivery step puts it into the message (no SMTP server here: the e2e outbox only composes). */
async function deliveredSigningLink(emailId: number): Promise<string> {
  const { rows } = await database().query("SELECT html, text, sealed_link FROM outgoing_email WHERE id = $1", [emailId]);
  expect(rows[0].text).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
  const delivered = deliverableContent({ html: rows[0].html, text: rows[0].text, sealedLink: rows[0].sealed_link });
  return /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(delivered.text)![0];
}

test("a verified signer signs; the requester sees Signed (verified), downloads the stamped PDF, and pays 1 credit", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { email, suffix } = await createCompanyWithUser(database(), { name: "Sign Admin", role: "ADMIN", trialEligible: true });
  const title = `Service agreement ${suffix}`;
  const signerEmail = `marie-${suffix}@example.test`;

  await signIn(page, email);
  await page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Sign" }).click();
  await page.getByRole("link", { name: "New request" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("PDF document").setInputFiles({ name: "agreement.pdf", mimeType: "application/pdf", buffer: Buffer.from(await samplePdf()) });
  const signer = page.getByRole("group", { name: "Signer 1" });
  await signer.getByLabel("Name").fill("Marie Dupont");
  await signer.getByLabel("E-mail").fill(signerEmail);
  await expect(signer.getByLabel("Require identity verification")).toBeChecked();
  await page.getByRole("button", { name: "Send" }).click();

  await expect(page).toHaveURL(/\/sign\/\d+$/, { timeout: 30_000 });
  const requestUrl = page.url();
  // Honest: no SMTP server in the e2e run, so the e-mail has not left yet.
  await expect(page.getByLabel("Status of Marie Dupont")).toContainText("Waiting to be sent");
  const before = await identificationBalance(page);
  expect(before).toBe(5);

  // The signing link, from the e-mail in Settings > Outgoing E-mails.
  await page.goto("/settings/outbox");
  await page.getByRole("link", { name: `Please sign: ${title}` }).click();
  // The outbox never shows the working link; the delivered message carries it.
  await expect(page.locator("pre")).toContainText("Open the document and sign: [personal link: only in the delivered e-mail]");
  expect(await page.content()).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
  const link = await deliveredSigningLink(Number(/\/settings\/outbox\/(\d+)/.exec(page.url())![1]));

  // The signer: another browser, no account.
  const signerContext = await browser.newContext();
  const signerPage = await signerContext.newPage();
  await signerPage.goto(link);
  await expect(signerPage.getByRole("heading", { name: title })).toBeVisible();
  await expect(signerPage.getByRole("button", { name: "Sign", exact: true })).toHaveCount(0);
  await signerPage.getByRole("button", { name: "Verify my identity" }).click();

  await expect(signerPage.getByRole("heading", { name: "Choose a test identity" })).toBeVisible({ timeout: 30_000 });
  await expect(signerPage.getByText("Test identity provider", { exact: true })).toBeVisible();
  await signerPage.getByRole("button", { name: /Marie Dupont/ }).click();

  await expect(signerPage.getByText("Your identity is verified. You can now sign.")).toBeVisible({ timeout: 30_000 });
  await expect(signerPage.getByText(/Verified by Test identity provider as Marie Dupont, born 1985-04-12/)).toBeVisible();
  await expect(signerPage.getByLabel("Type your full name")).toHaveValue("Marie Dupont");
  await signerPage.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(signerPage.getByText(/You signed this document/)).toBeVisible({ timeout: 30_000 });
  await signerContext.close();

  await page.goto(requestUrl);
  await expect(page.getByLabel("Status of Marie Dupont")).toHaveText("Signed (verified)");
  await expect(page.getByText("Name mismatch")).toHaveCount(0);
  const hash = (await page.getByText(/^[0-9a-f]{64}$/).innerText()).trim();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download signed PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("agreement-signed.pdf");
  const pages = await pdfText(new Uint8Array(await readFile((await download.path())!)));
  expect(pages).toHaveLength(2);
  expect(pages[1]).toContain("Marie Dupont");
  expect(pages[1]).toContain(hash);
  expect(pages[1]).toContain("Test identity provider");

  expect(await identificationBalance(page)).toBe(before - 1);
});
