import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectedFields, imagePdf, invoiceHtml, sampleInvoice, type ExpectedFields } from "../support/invoice-fixtures";
import { signIn } from "./support";

// Both digitizing tests read the demo company's Documents Digitization
// balance: run them one after the other so one's credit is not seen by the other.
test.describe.configure({ mode: "serial" });

const data = sampleInvoice(2);
const expected: ExpectedFields = expectedFields(data);
let scannedPdf: Buffer;

test.beforeAll(async ({ browser }) => {
  // A scanned bill: the invoice rendered at ~200 dpi and put in a PDF with no
  // text layer, so it is OCR'd and "Digitizing" lasts long enough to be seen.
  // (Degraded scans are the integration tests' business; this keeps the
  // browser test light on a shared machine.)
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2.2 });
  await page.setContent(invoiceHtml(data));
  scannedPdf = await imagePdf(await page.screenshot({ type: "png" }));
  await page.close();
});

// Signing in (bcrypt) can take longer than signIn()'s 10 s wait on a busy
// machine while this spec's OCR runs in the same server: give it longer.
async function signInPatiently(page: Page, email: string) {
  await signIn(page, email).catch(() => expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 60_000 }));
}

async function availableCredits(page: Page): Promise<number> {
  await page.goto("/documents");
  const text = await page.getByTestId("document-credits").innerText();
  return Number(text.match(/^([\d,]+) credits? available/)![1].replace(/,/g, ""));
}

test("a scanned PDF bill is digitized in the background, reviewed, corrected and confirmed into a vendor bill for 1 credit", async ({ page }) => {
  test.setTimeout(240_000);
  await signInPatiently(page, "admin@example.com");
  await page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("heading", { name: "Documents", level: 1 })).toBeVisible();
  const before = await availableCredits(page);

  const name = `bill-${Date.now()}.pdf`;
  await page.getByLabel("Files").setInputFiles({ name, mimeType: "application/pdf", buffer: scannedPdf });
  await page.getByLabel("Kind").selectOption("VENDOR_BILL");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status")).toContainText("1 document uploaded");

  // The list refreshes itself while the worker reads the document.
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("Digitizing")).toBeVisible({ timeout: 60_000 });
  await expect(row.getByText("To review")).toBeVisible({ timeout: 150_000 });
  await expect(row).toContainText(expected.vendorName);

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: "Extracted fields" })).toBeVisible();
  await expect(page.getByRole("img", { name: `Page 1 of ${name}` })).toBeVisible();
  await expect(page.getByLabel("Total", { exact: true })).toHaveValue(expected.total);
  await expect(page.getByLabel("Invoice number")).toHaveValue(expected.invoiceNumber);

  // The reviewer's job: fix what is highlighted as uncertain (OCR may misread
  // a field or two), and here also change the invoice number.
  for (const highlighted of await page.locator("[data-low-confidence] input").all()) {
    const field = (await highlighted.getAttribute("name")) as keyof ExpectedFields;
    await highlighted.fill(expected[field]);
  }
  const corrected = `${expected.invoiceNumber}-C${Date.now() % 10_000}`;
  await page.getByLabel("Invoice number").fill(corrected);
  await page.getByRole("button", { name: "Confirm" }).click();

  const bill = page.getByRole("definition").filter({ hasText: corrected });
  await expect(page.getByRole("heading", { name: "Vendor bill" })).toBeVisible();
  await expect(bill).toBeVisible();
  await expect(page.getByText(expected.vendorName)).toBeVisible();
  await expect(page.getByText("Done", { exact: true })).toBeVisible();

  expect(await availableCredits(page)).toBe(before - 1);
});

test("a file of the wrong type is refused with the reason", async ({ page }) => {
  await signInPatiently(page, "user@example.com");
  await page.goto("/documents");
  await page.getByLabel("Files").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an invoice") });
  await page.getByRole("button", { name: "Upload" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Nothing was uploaded." });
  await expect(refusal).toContainText("notes.txt: not a PDF, PNG, JPEG or XML file (it is text/plain).");
});

test("an e-invoice XML is read for free, its lines shown beside its XML, and a refused Confirm keeps what was typed", async ({ page }) => {
  test.setTimeout(120_000);
  await signInPatiently(page, "admin@example.com");
  await page.goto("/documents");
  await expect(page.getByText(/free.*for an e-invoice/)).toBeVisible();
  const before = await availableCredits(page);

  const name = `xrechnung-${Date.now()}.xml`;
  await page.getByLabel("Files").setInputFiles({ name, mimeType: "application/xml", buffer: readFileSync(path.resolve("tests/fixtures/invoices/cii/EN16931_Einfach.cii.xml")) });
  await page.getByRole("button", { name: "Upload" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("To review")).toBeVisible({ timeout: 60_000 });
  await row.getByRole("link", { name }).click();

  await expect(page.getByText(/Read from the e-invoice's XML/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Document" })).toContainText("CrossIndustryInvoice");
  const lines = page.getByRole("table").filter({ hasText: "Lines (2)" });
  await expect(lines.getByRole("row").filter({ hasText: "Trennblätter A4" })).toContainText("198.00");
  await expect(lines.getByRole("row").filter({ hasText: "Joghurt Banane" })).toContainText("275.00");
  await expect(page.getByLabel("Total", { exact: true })).toHaveValue("529.87");

  await page.getByLabel("Invoice number").fill("KEPT-AFTER-REFUSAL");
  await page.getByLabel("Due date").fill("not a date");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  await expect(page.getByText("Enter a date such as 2026-10-05.")).toBeVisible();
  await expect(page.getByLabel("Invoice number")).toHaveValue("KEPT-AFTER-REFUSAL");
  await expect(page.getByLabel("Due date")).toHaveValue("not a date");

  await page.getByLabel("Due date").fill("2018-04-04");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "KEPT-AFTER-REFUSAL" })).toBeVisible();
  expect(await availableCredits(page)).toBe(before);
});
