import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { openSmsDialog, signIn } from "./support";

// The user's main path: Contacts → a contact → the SMS icon → "Send SMS Text
// Message" → sent, logged in the chatter, credits used. Specs share the seeded
// demo company, so balances are compared before/after, never absolute.

const TEXT_170 = "Hello Camille, your order #4521 is ready for pickup at our Brussels store, Monday to Saturday from 9am to 6pm. Please bring this SMS and your ID card. Thank you, Demo Co!";

const database = useDatabase();

async function demoSmsBalance(): Promise<bigint> {
  const { rows } = await database().query(
    `SELECT a.balance FROM iap_account a JOIN iap_service s ON s.id = a.service_id JOIN company c ON c.id = a.company_id
      WHERE s.technical_name = 'sms' AND c.name = 'Demo Company SA'`,
  );
  return BigInt(rows[0].balance);
}


test("a user sends a 2-part SMS to a French mobile: counter, cost, chatter, and the SMS account is charged", async ({ page, browser }) => {
  expect(TEXT_170).toHaveLength(170);
  const db = database();
  const { rows } = await db.query("SELECT credits_per_part FROM sms_price WHERE country = 'FR'");
  const price = 2n * BigInt(rows[0].credits_per_part);
  const priceText = `${price / 100n}.${(price % 100n).toString().padStart(2, "0")}`;
  const before = await demoSmsBalance();

  await signIn(page, "user@example.com");
  await page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Contacts" }).click();
  await page.getByRole("link", { name: "Camille Martin" }).click();
  await expect(page.getByRole("heading", { name: "Camille Martin" })).toBeVisible();
  const dialog = await openSmsDialog(page, "Send SMS to +33 6 12 34 56 78");

  await expect(dialog.getByText("Test mode: messages are not delivered.")).toBeVisible();
  await expect(dialog.getByText("+33 6 12 34 56 78 · France")).toBeVisible();
  await dialog.getByLabel("Message").fill(TEXT_170);
  await expect(dialog.getByText("170 characters, fits in 2 SMS (GSM-7)")).toBeVisible();
  await expect(dialog.getByText(`≈ ${priceText} credits`)).toBeVisible();
  await dialog.getByRole("button", { name: "Send SMS" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `SMS sent to +33 6 12 34 56 78 (2 SMS, ${priceText} credits).` })).toBeVisible();
  const chatter = page.getByRole("list", { name: "Messages" });
  const entry = chatter.getByRole("listitem").filter({ hasText: TEXT_170 }).first();
  await expect(entry).toContainText(`SMS sent to +33 6 12 34 56 78 — 2 SMS, ${priceText} credits`);
  await expect(entry).toContainText("Marc Demo");
  await expect(entry).toContainText("SMS");

  // As admin: the SMS account went down by (at least: other specs may spend too) the price.
  const admin = await browser.newPage();
  await signIn(admin, "admin@example.com");
  const iap = await admin.goto("/settings/iap");
  if (iap?.ok()) await expect(admin.getByRole("link", { name: /SMS/ }).first()).toBeVisible();
  await admin.close();
  const after = await demoSmsBalance();
  expect(before - after).toBeGreaterThanOrEqual(price);
  const sms = await db.query("SELECT state, credits, gateway_id FROM sms_message WHERE body = $1", [TEXT_170]);
  expect(sms.rows).toHaveLength(1);
  // The test gateway reports delivery a moment later: accepted by then, maybe delivered already.
  expect(["SENT", "DELIVERED"]).toContain(sms.rows[0].state);
  expect(BigInt(sms.rows[0].credits)).toBe(price);
  expect(sms.rows[0].gateway_id).toMatch(/^test-/);
});

test("a contact whose number cannot be formatted: red notice and Send SMS disabled", async ({ page }) => {
  await signIn(page, "user@example.com");
  await page.goto("/contacts?q=Jonas");
  await page.getByRole("link", { name: "Jonas Weber" }).click();
  await expect(page.getByText("This number can't be read as a phone number")).toBeVisible();
  const dialog = await openSmsDialog(page, "Send SMS to 0123");
  await expect(dialog.getByRole("alert")).toHaveText("Invalid number: set the contact's country or enter the number with its country code");
  await dialog.getByLabel("Message").fill("Hello Jonas");
  await expect(dialog.getByRole("button", { name: "Send SMS" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("an empty SMS account: nothing is sent and the buy prompt opens Buy Credits in a new tab", async ({ page }) => {
  // A company of its own with no credits, so the shared demo company is untouched.
  const db = database();
  const { companyId, email } = await createCompanyWithUser(db, { name: "Erin Empty" });
  const contact = await db.query("INSERT INTO contact (company_id, name, mobile, country) VALUES ($1, 'Paul Durand', '+33 6 11 22 33 44', 'FR') RETURNING id", [companyId]);

  await signIn(page, email);
  await page.goto(`/contacts/${contact.rows[0].id}`);
  const dialog = await openSmsDialog(page, "Send SMS to +33 6 11 22 33 44");
  await dialog.getByLabel("Message").fill("Your appointment is confirmed for tomorrow at 10am.");
  await dialog.getByRole("button", { name: "Send SMS" }).click();

  await expect(dialog.getByRole("alert")).toContainText(/Not enough credits to send this SMS \(needs \d+\.\d\d, you have 0\.00\)/);
  const buy = dialog.getByRole("link", { name: /Buy credits/ });
  await expect(buy).toHaveAttribute("href", "/iap/buy/sms");
  await expect(buy).toHaveAttribute("target", "_blank");
  const sent = await db.query("SELECT count(*)::int AS n FROM sms_message WHERE company_id = $1", [companyId]);
  expect(sent.rows[0].n).toBe(0);
  const chatter = await db.query("SELECT count(*)::int AS n FROM chatter_message WHERE contact_id = $1", [contact.rows[0].id]);
  expect(chatter.rows[0].n).toBe(0);
});
