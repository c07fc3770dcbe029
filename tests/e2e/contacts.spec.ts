import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { signIn } from "./support";

const database = useDatabase();

test("mass SMS: invalid numbers skipped and listed, a shared number sent once, every recipient's chatter logged", async ({ page }) => {
  const db = database();
  const { companyId, email } = await createCompanyWithUser(db, { name: "Max Mass", smsUnits: 10_000n });
  const contacts = [
    ["Alice Arnaud", "+33 6 10 20 30 40", "FR"],
    ["Bob Baert", "0470 55 66 77", "BE"],
    ["Bea Baert", "+32 470 55 66 77", "BE"],
    ["Carl Cole", "12345", "FR"],
  ];
  for (const [name, mobile, country] of contacts) {
    await db.query("INSERT INTO contact (company_id, name, mobile, country) VALUES ($1, $2, $3, $4)", [companyId, name, mobile, country]);
  }

  await signIn(page, email);
  await page.goto("/contacts");
  await expect(page.getByText("1–4 of 4")).toBeVisible();
  const dialog = page.getByRole("dialog", { name: "Send SMS Text Message" });
  await expect(async () => {
    await page.getByRole("checkbox", { name: "Select all contacts on this page" }).check({ timeout: 2000 });
    await expect(page.getByText("4 selected")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("button", { name: "Send SMS" }).click();

  await expect(dialog.getByText("1 out of 4 recipients have an invalid or missing number. They will be skipped.")).toBeVisible();
  await dialog.getByText("Show who is skipped").click();
  await expect(dialog.getByText('Carl Cole — invalid number "12345"')).toBeVisible();
  await expect(dialog.getByText("1 contact shares a number with another recipient")).toBeVisible();
  await dialog.getByLabel("Message").fill("Doors open at 9am tomorrow.");
  await expect(dialog.getByText("27 characters, fits in 1 SMS (GSM-7)")).toBeVisible();
  await expect(dialog.getByText(/≈ \d+\.\d\d credits/)).toBeVisible();
  await dialog.getByRole("button", { name: "Send", exact: true }).click();
  await expect(dialog.getByRole("status")).toContainText(/2 SMS sent — \d+\.\d\d credits used\./);
  await dialog.getByRole("button", { name: "Close", exact: true }).click();

  const sent = await db.query("SELECT state, count(*)::int AS n FROM sms_message WHERE company_id = $1 GROUP BY state ORDER BY state::text", [companyId]);
  expect(sent.rows).toEqual([
    { state: "CANCELED", n: 1 },
    { state: "SENT", n: 2 },
  ]);
  const held = await db.query("SELECT a.held, a.balance FROM iap_account a WHERE company_id = $1", [companyId]);
  expect(BigInt(held.rows[0].held)).toBe(0n);
  expect(BigInt(held.rows[0].balance)).toBeLessThan(10_000n);

  await page.getByRole("link", { name: "Bea Baert" }).click();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("SMS sent to +32 470 55 66 77");
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("Doors open at 9am tomorrow.");
});

test("create a contact: name required, e-mail checked, an unreadable number only warned about and kept", async ({ page }) => {
  await signIn(page, "user@example.com");
  await page.goto("/contacts");
  await page.getByRole("link", { name: "New" }).click();
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter the contact's name.")).toBeVisible();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();

  const name = `Zoé Test ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill("zoe@example.fr");
  await page.getByLabel("Country").selectOption({ label: "France" });
  await page.getByLabel("Mobile").fill("06 98 76 54 31");
  await expect(page.getByText("Will be saved as +33 6 98 76 54 31")).toBeVisible();
  await page.getByLabel("Phone").fill("ask reception");
  await expect(page.getByText("This number can't be read as a phone number")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Contact created.")).toBeVisible();
  await expect(page.getByLabel("Mobile")).toHaveValue("+33 6 98 76 54 31");
  await expect(page.getByLabel("Phone")).toHaveValue("ask reception");
  await expect(page.getByRole("button", { name: "Send SMS to +33 6 98 76 54 31" })).toBeVisible();

  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("+33 6 98 76 54 31");
});

test("a refused note keeps what was typed, with the reason beside it; a good one is logged and the box empties", async ({ page }) => {
  const db = database();
  const { companyId, email } = await createCompanyWithUser(db, { name: "Nora Notes" });
  const { rows } = await db.query("INSERT INTO contact (company_id, name) VALUES ($1, 'Kept Values Ltd') RETURNING id", [companyId]);
  await signIn(page, email);
  await page.goto(`/contacts/${rows[0].id}`);

  // React resets a form after its action: the refused text must come back from the answer.
  const tooLong = `Call back on Monday about the renewal. ${"x".repeat(10_000)}`;
  const note = page.getByRole("textbox", { name: "Note" });
  await note.fill(tooLong);
  await page.getByRole("button", { name: "Log note" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "At most 10,000 characters." })).toBeVisible();
  await expect(note).toHaveValue(tooLong);

  await note.fill("Call back on Monday about the renewal.");
  await page.getByRole("button", { name: "Log note" }).click();
  await expect(page.getByText("Call back on Monday about the renewal.").last()).toBeVisible();
  await expect(note).toHaveValue("");
  await expect(page.getByRole("alert").filter({ hasText: "At most 10,000 characters." })).toHaveCount(0);
});
