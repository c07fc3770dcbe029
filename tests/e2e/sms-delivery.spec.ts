import { expect, test, type Page } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { openSmsDialog, signIn } from "./support";

// Delivery reports and opt-out as a user sees them, with the test gateway:
// it reports "delivered" a moment after sending, and fails numbers ending in
// 0000 (unreachable: the number's fault, stays charged) and 9999 (carrier
// error: refunded). Each test has a company of its own, so balances are exact.

const database = useDatabase();

async function smsBalance(companyId: number): Promise<bigint> {
  const { rows } = await database().query(
    "SELECT a.balance FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE s.technical_name = 'sms' AND a.company_id = $1",
    [companyId],
  );
  return BigInt(rows[0].balance);
}

async function contactWith(companyId: number, name: string, mobile: string): Promise<number> {
  const { rows } = await database().query("INSERT INTO contact (company_id, name, mobile, country) VALUES ($1, $2, $3, 'FR') RETURNING id", [companyId, name, mobile]);
  return rows[0].id;
}


async function send(page: Page, number: string, text: string) {
  const dialog = await openSmsDialog(page, `Send SMS to ${number}`);
  await dialog.getByLabel("Message").fill(text);
  await dialog.getByRole("button", { name: "Send SMS" }).click();
  await expect(dialog).toBeHidden();
  return page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: text });
}

/** Set on the page's window: still there after the updates means the page never reloaded. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}
async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

test("an SMS becomes Delivered in the chatter without reloading the page", async ({ page }) => {
  const { companyId, email } = await createCompanyWithUser(database(), { name: "Dana Delivery", smsUnits: 10_000n });
  const contactId = await contactWith(companyId, "Camille Martin", "+33 6 12 34 56 78");
  await signIn(page, email);
  await page.goto(`/contacts/${contactId}`);
  await markPage(page);

  const entry = await send(page, "+33 6 12 34 56 78", "Your parcel is on its way.");
  const status = entry.getByLabel("SMS status");
  await expect(status).toContainText(/Sent|Delivered/);
  await expect(status).toHaveText("Delivered", { timeout: 20_000 });
  await expectSamePage(page);
});

test("a number ending in 0000 fails as unreachable and stays charged; one ending in 9999 fails on the carrier and is refunded", async ({ page }) => {
  const { companyId, email } = await createCompanyWithUser(database(), { name: "Fred Failure", smsUnits: 10_000n });
  const contactId = await contactWith(companyId, "Nina Nowhere", "+33 6 12 34 00 00");
  await database().query("UPDATE contact SET phone = '+33 6 12 34 99 99' WHERE id = $1", [contactId]);
  const { rows } = await database().query("SELECT credits_per_part FROM sms_price WHERE country = 'FR'");
  const price = BigInt(rows[0].credits_per_part);
  await signIn(page, email);
  await page.goto(`/contacts/${contactId}`);
  await markPage(page);

  const unreachable = await send(page, "+33 6 12 34 00 00", "Reminder: your appointment is at 10am.");
  await expect(unreachable.getByLabel("SMS status")).toContainText("Failed — unreachable", { timeout: 20_000 });
  await expect(unreachable.getByLabel("SMS status")).toContainText("Credits not refunded");
  expect(await smsBalance(companyId)).toBe(10_000n - price);

  const outage = await send(page, "+33 6 12 34 99 99", "Second reminder: your appointment is at 10am.");
  await expect(outage.getByLabel("SMS status")).toContainText("Failed — carrier error", { timeout: 20_000 });
  await expect(outage.getByLabel("SMS status")).toContainText("Credits refunded");
  expect(await smsBalance(companyId)).toBe(10_000n - price);
  const refunds = await database().query(
    "SELECT e.reference FROM ledger_entry e JOIN iap_account a ON a.id = e.account_id WHERE a.company_id = $1 AND e.kind = 'REFUND'",
    [companyId],
  );
  expect(refunds.rows).toHaveLength(1);
  expect(refunds.rows[0].reference).toMatch(/^sms:\d+$/);
  await expectSamePage(page);

  // One that goes through, for the picture of all three outcomes side by side.
  await database().query("UPDATE contact SET phone = '+33 6 12 34 56 78' WHERE id = $1", [contactId]);
  await page.reload();
  const delivered = await send(page, "+33 6 12 34 56 78", "Your appointment is confirmed for 10am.");
  await expect(delivered.getByLabel("SMS status")).toHaveText("Delivered", { timeout: 20_000 });
  await page.getByRole("region", { name: "Chatter" }).screenshot({ path: "test-results/issue21-chatter.png" });
});

test("an opted-out contact: the number shows it, the SMS dialog warns and refuses to send", async ({ page }) => {
  const { companyId, email } = await createCompanyWithUser(database(), { name: "Olga Optout", smsUnits: 10_000n });
  const contactId = await contactWith(companyId, "Sam Stop", "+33 6 98 76 54 32");
  await database().query("INSERT INTO sms_opt_out (company_id, number, source, keyword) VALUES ($1, '+33698765432', 'reply', 'STOP')", [companyId]);
  await signIn(page, email);
  await page.goto(`/contacts/${contactId}`);
  await expect(page.getByText("Opted out of SMS: replied STOP.")).toBeVisible();

  const dialog = await openSmsDialog(page, "Send SMS to +33 6 98 76 54 32 (opted out)");
  await expect(dialog.getByRole("alert")).toContainText("This number opted out of your SMS (it replied STOP)");
  await dialog.getByLabel("Message").fill("Are you still there?");
  await expect(dialog.getByRole("button", { name: "Send SMS" })).toBeDisabled();
  await expect(dialog.getByText("From:")).toBeVisible();
  await dialog.screenshot({ path: "test-results/issue21-opted-out-dialog.png" });
  const sent = await database().query("SELECT count(*)::int AS n FROM sms_message WHERE company_id = $1", [companyId]);
  expect(sent.rows[0].n).toBe(0);
});

test("an admin sees the opt-out list, adds a number and removes one", async ({ page }) => {
  const { companyId, email } = await createCompanyWithUser(database(), { name: "Ada Admin", role: "ADMIN" });
  await database().query(
    "INSERT INTO sms_opt_out (company_id, number, source, keyword, created_at) VALUES ($1, '+33698765432', 'reply', 'STOP', now() - interval '2 days'), ($1, '+32470556677', 'reply', 'ARRET', now() - interval '1 day')",
    [companyId],
  );
  await signIn(page, email);
  await page.goto("/settings");
  await page.getByRole("link", { name: "SMS Settings" }).click();
  const table = page.getByRole("table", { name: "Numbers that opted out of your SMS" });
  await expect(table.getByRole("row", { name: /\+33 6 98 76 54 32/ })).toContainText("Replied “STOP”");
  await expect(table.getByRole("row", { name: /\+32 470 55 66 77/ })).toContainText("Replied “ARRET”");

  await page.getByLabel("Phone number").fill("12");
  await page.getByRole("button", { name: "Add to opt-out list" }).click();
  await expect(page.getByText("Not a valid phone number.")).toBeVisible();
  await page.getByLabel("Phone number").fill("+33 6 11 22 33 44");
  await page.getByRole("button", { name: "Add to opt-out list" }).click();
  await expect(table.getByRole("row", { name: /\+33 6 11 22 33 44/ })).toContainText("Added by an administrator");
  await page.screenshot({ path: "test-results/issue21-opt-out-list.png", fullPage: true });

  await table.getByRole("button", { name: "Remove +32 470 55 66 77 from the opt-out list" }).click();
  await expect(table.getByRole("row", { name: /\+32 470 55 66 77/ })).toHaveCount(0);
  const left = await database().query("SELECT number FROM sms_opt_out WHERE company_id = $1 ORDER BY number", [companyId]);
  expect(left.rows.map((r) => r.number)).toEqual(["+33611223344", "+33698765432"]);
});
