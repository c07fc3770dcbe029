import { readFile } from "node:fs/promises";
import { expect, test, type Browser } from "@playwright/test";
import { deliverableContent } from "@/lib/mail/secret-link";
import { pdfText, samplePdf } from "@/tests/support/pdf";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

// Localisation of Sign (#22): a request created in French sends French
// e-mails and gets a French audit page, whoever signs; each external signer
// reads the signing page in their own browser's language (Accept-Language,
// set here by the Playwright context's locale).

const SHOTS = "docs/screenshots";
const db = useDatabase();

/** The signing link and words of the e-mail queued to `to`, as the delivery step sends it. */
async function signingEmail(companyId: number, to: string) {
  const { rows } = await db().query(`SELECT subject, html, text, sealed_link FROM outgoing_email WHERE company_id = $1 AND "to" = $2`, [companyId, to]);
  expect(rows).toHaveLength(1);
  const delivered = deliverableContent({ html: rows[0].html, text: rows[0].text, sealedLink: rows[0].sealed_link });
  // French puts a no-break space before « : » and inside « »: compared as plain spaces.
  const plain = (value: string) => value.replace(/\u00a0/g, " ");
  return { subject: plain(rows[0].subject), text: plain(delivered.text), link: /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(delivered.text)![0] };
}

async function signerPage(browser: Browser, locale: string, link: string) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(link);
  return { page, context };
}

test("a request created in French: French e-mails and audit page; each signer signs in their browser's language", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { companyId, email } = await createCompanyWithUser(db(), { name: "Sophie Signature" });
  const title = `Contrat de service ${companyId}`;
  const french = `marie-${companyId}@example.test`;
  const chinese = `li-${companyId}@example.test`;

  // The requester reads the app in English and chooses French for this request.
  await signIn(page, email);
  await page.goto("/sign/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption("fr");
  await page.getByLabel("PDF document").setInputFiles({ name: "contrat.pdf", mimeType: "application/pdf", buffer: Buffer.from(await samplePdf()) });
  for (const [index, [name, address]] of [["Marie Dupont", french], ["Li Lei", chinese]].entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add signer" }).click();
    const signer = page.getByRole("group", { name: `Signer ${index + 1}` });
    await signer.getByLabel("Name").fill(name);
    await signer.getByLabel("E-mail").fill(address);
    await signer.getByLabel("Require identity verification").uncheck();
  }
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/sign\/\d+$/, { timeout: 30_000 });
  const requestUrl = page.url();

  // Both e-mails are in the request's language, whatever the signer's browser.
  const toMarie = await signingEmail(companyId, french);
  expect(toMarie.subject).toBe(`Document à signer : ${title}`);
  expect(toMarie.text).toContain("Bonjour Marie Dupont,");
  expect(toMarie.text).toMatch(/^Sophie Signature \(Sophie Signature \w+\) vous demande de signer « Contrat de service \d+ »\.$/m);
  expect(toMarie.text).toContain("Ouvrez le document et signez :");
  const toLi = await signingEmail(companyId, chinese);
  expect(toLi.subject).toBe(`Document à signer : ${title}`);

  // Marie's browser speaks French: the page does, found by its French labels.
  const marie = await signerPage(browser, "fr-FR", toMarie.link);
  await expect(marie.page.getByRole("heading", { name: title })).toBeVisible();
  await expect(marie.page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(marie.page.getByRole("heading", { name: "Signer", exact: true })).toBeVisible();
  await expect(marie.page.getByLabel("Saisissez votre nom complet")).toHaveValue("Marie Dupont");
  await expect(marie.page.getByText("En signant, vous reconnaissez que cette signature électronique équivaut à votre signature manuscrite")).toBeVisible();
  await marie.page.screenshot({ path: `${SHOTS}/issue22-sign-fr.png`, fullPage: true });
  await marie.page.getByRole("button", { name: "Signer", exact: true }).click();
  await expect(marie.page.getByText(/Vous avez signé ce document le/)).toBeVisible({ timeout: 30_000 });
  await marie.context.close();

  // Li's browser speaks Chinese.
  const li = await signerPage(browser, "zh-CN", toLi.link);
  await expect(li.page.getByRole("heading", { name: title })).toBeVisible();
  await expect(li.page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(li.page.getByLabel("输入您的全名")).toHaveValue("Li Lei");
  await expect(li.page.getByRole("radio", { name: "手写" })).toBeAttached();
  await expect(li.page.getByText("我不想签署")).toBeVisible();
  await li.page.screenshot({ path: `${SHOTS}/issue22-sign-zh-CN.png`, fullPage: true });
  await li.page.getByRole("button", { name: "签署", exact: true }).click();
  await expect(li.page.getByText(/所有人均已签署/)).toBeVisible({ timeout: 30_000 });
  await li.context.close();

  // The requester still reads English; the signed PDF's audit page is French.
  await page.goto(requestUrl);
  await expect(page.getByLabel("Status of Li Lei")).toHaveText("Signed");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download signed PDF" }).click();
  const pages = await pdfText(new Uint8Array(await readFile((await (await downloading).path())!)));
  const audit = pages[pages.length - 1].replace(/\u00a0/g, " ");
  expect(audit).toContain("Piste d’audit des signatures");
  expect(audit).toContain("Signataire 2 : Li Lei");
  expect(audit).toContain("Non vérifiée (non exigée par le demandeur)");
});
