// Screenshots of Documents Digitization reading real invoices, for docs/screenshots/.
// Usage: BASE_URL=http://localhost:3417 npx tsx tests/screenshots/issue20.ts, against `npm run dev` with the demo data.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { makeCorpus } from "../support/invoice-corpus";
import { signIn } from "./support";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = (name: string) => `docs/screenshots/issue20-${name}.png`;
const sample = (dir: string, name: string) => path.resolve("tests/fixtures/invoices", dir, name);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
// A scanned bill from the project's corpus: a DIN letter whose scan hides part of the page from the OCR.
const [scan] = await makeCorpus(mkdtempSync(path.join(tmpdir(), "issue20-")), [20], { browser });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(180_000);
page.setDefaultNavigationTimeout(180_000);

async function upload(p: Page, file: string, mimeType: string): Promise<void> {
  await p.goto(`${base}/documents`);
  const name = `${Date.now()}-${path.basename(file)}`;
  await p.getByLabel("Files").setInputFiles({ name, mimeType, buffer: readFileSync(file) });
  await p.getByRole("button", { name: "Upload" }).click();
  await p.getByRole("status").filter({ hasText: "uploaded" }).waitFor();
  const row = p.getByRole("row").filter({ hasText: name });
  await row.getByText("To review").waitFor({ timeout: 180_000 });
  await row.getByRole("link", { name }).click();
  await p.getByRole("heading", { name: "Extracted fields" }).waitFor();
  // The page images render on request (in the isolated PDF thread): wait for the first.
  await p.waitForFunction(() => [...document.querySelectorAll("section[aria-label=Document] img")].slice(0, 1).every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0) || !document.querySelector("section[aria-label=Document] img"));
  await p.waitForTimeout(500);
}

try {
  await signIn(page, base);

  await page.goto(`${base}/documents`);
  await page.screenshot({ path: out("1-upload-price"), fullPage: false });

  await upload(page, sample("factur-x", "MustangGnuaccountingBeispielRE-20201121_508.pdf"), "application/pdf");
  await page.screenshot({ path: out("2-einvoice-lines"), fullPage: true });

  await upload(page, sample("ubl", "ubl-tc434-creditnote1.xml"), "application/xml");
  await page.screenshot({ path: out("3-ubl-credit-note"), fullPage: true });

  await upload(page, scan.file, "application/pdf");
  await page.screenshot({ path: out("4-scan-flagged"), fullPage: true });

  // A refused Confirm keeps what the reviewer typed.
  await page.getByLabel("Invoice number").fill("CORRECTED-1");
  await page.getByLabel("Invoice date").fill("2026-13-45");
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("alert").filter({ hasText: "Check the highlighted fields." }).waitFor();
  await page.screenshot({ path: out("5-refused-confirm-keeps-input"), fullPage: true });
} finally {
  await browser.close();
}
