import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signIn } from "./support";

// The e2e runner gives Playwright the app's DATABASE_URL: test data goes in
// directly (the Contacts pages belong to another slice), results are read back.
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
test.afterAll(() => db.end());
// Both tests read the demo company's Snailmail balance: one at a time.
test.describe.configure({ mode: "serial" });

async function createContact(address: { name: string; street: string; city: string | null; zip: string; country: string }) {
  const { rows } = await db.query(
    `INSERT INTO contact (company_id, name, street, city, zip, country, updated_at)
     SELECT company_id, $1, $2, $3, $4, $5, now() FROM app_user WHERE email = 'admin@example.com' RETURNING id`,
    [address.name, address.street, address.city, address.zip, address.country],
  );
  return rows[0].id as number;
}

/** The letter's row and the credits its ledger entries moved (negative = charged). */
async function letterBySubject(subject: string) {
  const { rows } = await db.query("SELECT id, state FROM letter WHERE subject = $1", [subject]);
  const letter = rows[0] as { id: number; state: string } | undefined;
  if (!letter) return null;
  const charged = await db.query("SELECT coalesce(sum(amount), 0)::bigint AS sum, count(*)::int AS n FROM ledger_entry WHERE reference = $1", [`letter:${letter.id}`]);
  return { ...letter, entries: charged.rows[0].n as number, moved: BigInt(charged.rows[0].sum) };
}

async function snailmailBalance(): Promise<bigint | null> {
  const { rows } = await db.query(
    `SELECT a.balance FROM iap_account a JOIN iap_service s ON s.id = a.service_id JOIN app_user u ON u.company_id = a.company_id
      WHERE u.email = 'admin@example.com' AND s.technical_name = 'snailmail'`,
  );
  return rows[0] ? BigInt(rows[0].balance) : null;
}

test("a contact with a full address: Send by Post → price → Send → In Queue → Sent by its job → PDF downloads", async ({ page }) => {
  const name = `Zofia Łukasiewicz ${randomUUID().slice(0, 6)}`;
  const contactId = await createContact({ name, street: "Rue Neuve 1", city: "Bruxelles", zip: "1000", country: "BE" });
  const subject = `Invoice ${randomUUID().slice(0, 8)}`;
  await signIn(page, "admin@example.com");

  await page.goto(`/contacts/${contactId}/post`);
  await expect(page.getByRole("heading", { name: "Send by Post" })).toBeVisible();
  await expect(page.getByText("Test post office: letters are not posted")).toBeVisible();
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Letter text").fill("Dear Zofia,\n\nPlease find our invoice for October.\n\nKind regards");
  // Domestic (BE → BE), one page, black & white: 2 credits in the price table.
  await expect(page.getByTestId("letter-price")).toContainText("≈ 2 credits", { timeout: 30_000 });
  await page.getByRole("radio", { name: "Colour" }).check();
  await expect(page.getByTestId("letter-price")).toContainText("≈ 3 credits", { timeout: 30_000 });
  await page.getByRole("radio", { name: "Black & white" }).check();
  await expect(page.getByTestId("letter-price")).toContainText("≈ 2 credits", { timeout: 30_000 });
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("is In Queue");
  const letters = page.getByRole("region", { name: `Letters to ${name}` });
  await expect(letters.getByText(subject)).toBeVisible();

  // The letter's queue job posts it by itself within moments; the Letters page follows it live.
  await page.getByRole("link", { name: "Letters", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row.getByText("Sent", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText(/^TPO-/)).toBeVisible();
  // An admin can still run the queue at once; nothing is posted twice.
  await page.getByRole("button", { name: "Process queue now" }).click();
  await expect(page.getByText(/Queue processed: \d+ sent/)).toBeVisible({ timeout: 30_000 });
  // Charged once, the price shown: 2 credits (the demo company's trial covers it).
  expect(await letterBySubject(subject)).toMatchObject({ state: "SENT", entries: 1, moved: -2n });

  const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /PDF of letter/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^letter-\d+\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(2000);
});

test("a contact without a city: the form names the missing field and nothing is charged", async ({ page }) => {
  const name = `Jan Peeters ${randomUUID().slice(0, 6)}`;
  const contactId = await createContact({ name, street: "Meir 1", city: null, zip: "2000", country: "BE" });
  await signIn(page, "admin@example.com");
  await page.goto(`/contacts/${contactId}/post`);
  const before = await snailmailBalance();
  await expect(page.getByRole("alert").filter({ hasText: "address is incomplete" })).toContainText("City is missing");

  await page.getByLabel("Subject").fill("Reminder");
  await page.getByLabel("Letter text").fill("Dear Jan, a reminder.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "cannot be posted to" });
  await expect(refusal).toContainText("City is missing");
  await expect(page.getByRole("region", { name: `Letters to ${name}` })).toContainText("No letters yet.");

  const { rows } = await db.query("SELECT count(*)::int AS n FROM letter WHERE contact_id = $1", [contactId]);
  expect(rows[0].n).toBe(0);
  expect(await snailmailBalance()).toBe(before);
});

test("the PDF route needs a session and answers 404 for letters not of the company; the cron route needs CRON_SECRET", async ({ page, request }) => {
  const anonymous = await request.get("/letters/1/pdf", { maxRedirects: 0 });
  expect([302, 307, 401]).toContain(anonymous.status());
  await signIn(page, "user@example.com");
  const missing = await page.request.get("/letters/999999/pdf");
  expect(missing.status()).toBe(404);
  const cron = await request.post("/api/cron/run?schedule=letters.sweep");
  expect(cron.status()).toBe(401);
  const authorized = await request.post("/api/cron/run?schedule=letters.sweep", { headers: { Authorization: "Bearer test-cron-secret" } });
  expect(authorized.status()).toBe(200);
  expect(await authorized.json()).toMatchObject({ finished: { "letters.sweep": expect.any(Number) }, remaining: expect.any(Number) });
});
