// Screenshots of the Sign app and the signer's side for docs/screenshots/issue11-*.png.
// Usage: BASE_URL=http://localhost:3108 npx tsx tests/screenshots/issue11.ts, against `npm run dev`
// with the demo data (no IDENTITY_ISSUER_URL: the built-in test identity provider). Writes the
// signed PDF to docs/screenshots/issue11-signed.pdf (render its pages with pdftoppm to look at them).
import { writeFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { launchChromium } from "../support/chromium";
import { samplePdf } from "../support/pdf";
import { signIn } from "./support";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = (name: string) => `docs/screenshots/issue11-${name}.png`;
const stamp = Date.now().toString(36).slice(-4);

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(120_000); // `npm run dev` compiles each page on first visit
const pdf = Buffer.from(await samplePdf("SERVICE AGREEMENT — the parties agree on the services described below."));

async function newRequest(title: string, signers: { name: string; email: string; verify: boolean }[]) {
  await page.goto(`${base}/sign/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("PDF document").setInputFiles({ name: "agreement.pdf", mimeType: "application/pdf", buffer: pdf });
  for (const [index, signer] of signers.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add signer" }).click();
    const group = page.getByRole("group", { name: `Signer ${index + 1}` });
    await group.getByLabel("Name").fill(signer.name);
    await group.getByLabel("E-mail").fill(signer.email);
    if (!signer.verify) await group.getByLabel("Require identity verification").uncheck();
  }
}

async function signingLink(subject: string, to: string): Promise<string> {
  await page.goto(`${base}/settings/outbox`);
  await page.getByRole("row", { name: new RegExp(to) }).getByRole("link", { name: subject }).first().click();
  const text = await page.locator("pre").innerText();
  return text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/)![0];
}

async function verifyAndSign(signerPage: Page, link: string, identity: string, shots: boolean) {
  await signerPage.goto(link);
  await signerPage.getByRole("button", { name: "Verify my identity" }).waitFor();
  if (shots) await signerPage.screenshot({ path: out("5-signing-page"), fullPage: true });
  await signerPage.getByRole("button", { name: "Verify my identity" }).click();
  await signerPage.getByRole("heading", { name: "Choose a test identity" }).waitFor();
  if (shots) await signerPage.screenshot({ path: out("6-test-identity-provider"), fullPage: true });
  await signerPage.getByRole("button", { name: new RegExp(identity) }).click();
  await signerPage.getByText("Your identity is verified").waitFor();
  if (shots) {
    // The dev server may still be hydrating the page: click until the drawing pad shows.
    const canvas = signerPage.getByRole("img", { name: "Draw your signature here" });
    while (!(await canvas.isVisible())) {
      await signerPage.getByText("Draw", { exact: true }).click();
      await signerPage.waitForTimeout(500);
    }
    const box = (await canvas.boundingBox())!;
    await signerPage.mouse.move(box.x + 30, box.y + 90);
    await signerPage.mouse.down();
    for (let i = 0; i <= 40; i++) await signerPage.mouse.move(box.x + 30 + i * 12, box.y + 90 + Math.sin(i / 3) * 35);
    await signerPage.mouse.up();
    await signerPage.screenshot({ path: out("7-verified-draw-signature"), fullPage: true });
  }
  await signerPage.getByRole("button", { name: "Sign", exact: true }).click();
  await signerPage.getByText(/You signed this document/).waitFor();
  if (shots) await signerPage.screenshot({ path: out("8-signed"), fullPage: true });
}

try {
  await signIn(page, base);

  // Not enough credits for six verifications (the demo company has 5 trial credits at most).
  await newRequest(`Board minutes ${stamp}`, ["Ann", "Bert", "Carl", "Dina", "Erik", "Fay"].map((name) => ({ name: `${name} Test`, email: `${name.toLowerCase()}@example.com`, verify: true })));
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByText(/Not enough credits/).waitFor();
  await page.screenshot({ path: out("2-buy-prompt"), fullPage: true });

  const title = `Service agreement ${stamp}`;
  await newRequest(title, [
    { name: "Marie Dupont", email: "marie.dupont@example.com", verify: true },
    { name: "Sophie Peeters", email: "sophie.peeters@example.com", verify: true },
  ]);
  await page.screenshot({ path: out("1-new-request"), fullPage: true });
  await page.getByRole("button", { name: "Send" }).click();
  await page.waitForURL(/\/sign\/\d+$/);
  const requestUrl = page.url();
  await page.screenshot({ path: out("3-request-sent"), fullPage: true });

  const marie = await signingLink(`Please sign: ${title}`, "marie.dupont@example.com");
  await page.screenshot({ path: out("4-outbox-signing-email"), fullPage: true });
  const sophieLink = await signingLink(`Please sign: ${title}`, "sophie.peeters@example.com");

  const signer = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  signer.setDefaultTimeout(120_000);
  await verifyAndSign(signer, marie, "Marie Dupont", true);
  // Sophie's link, but someone else logs in at the provider: a name mismatch.
  await verifyAndSign(signer, sophieLink, "Jan Janssens", false);

  await page.goto(`${base}/sign`);
  await page.screenshot({ path: out("9-list"), fullPage: true });
  await page.goto(requestUrl);
  await page.getByRole("link", { name: "Download signed PDF" }).waitFor();
  await page.screenshot({ path: out("10-request-signed-mismatch"), fullPage: true });
  const response = await page.request.get(`${requestUrl}/document/signed`);
  await writeFile("docs/screenshots/issue11-signed.pdf", await response.body());

  const mobile = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await mobile.goto(`${base}/s/${"x".repeat(43)}`);
  await mobile.screenshot({ path: out("11-invalid-link-mobile"), fullPage: true });
  console.log("Screenshots written to docs/screenshots/issue11-*.png");
} finally {
  await browser.close();
}
