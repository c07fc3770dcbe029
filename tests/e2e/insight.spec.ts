import { readFile } from "node:fs/promises";
import bcrypt from "bcryptjs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "@/tests/support/csv";
import { createCompanyWithUser, useDatabase } from "./db";
import { DEMO_PASSWORD, openSmsDialog, signIn } from "./support";

// See and steer spending (#24): an admin caps a user's SMS with a hard budget,
// the user hits it and is refused with the budget message, the admin raises
// it and the user sends again; the account page's chart shows the day's use
// and the filtered history exports as CSV. A company of its own, so the
// budget cannot refuse other specs' sends in the shared demo company.

const database = useDatabase();
// The screenshots in docs/ are retaken only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tracked files alone.
const shots = process.env.UPDATE_SCREENSHOTS === "1" ? "docs/screenshots" : "test-results/screenshots";


async function sendSms(page: Page, text: string) {
  const dialog = await openSmsDialog(page, "Send SMS to +32 470 12 34 56");
  await dialog.getByLabel("Message").fill(text);
  await dialog.getByRole("button", { name: "Send SMS" }).click();
  return dialog;
}


test("a hard budget of 2 SMS: the third is refused with the budget message, a raise lets the user send again; chart, history filter and CSV", async ({ browser }) => {
  test.setTimeout(180_000);
  const db = database();
  const { companyId, email: adminEmail } = await createCompanyWithUser(db, { name: "Budget Admin", role: "ADMIN", smsUnits: 10_000n });
  const userEmail = `e2e-user-${companyId}@test.example`;
  await db.query('INSERT INTO app_user (company_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, \'USER\') RETURNING id', [
    companyId,
    userEmail,
    "Dana User",
    await bcrypt.hash(DEMO_PASSWORD, 4),
  ]);
  const contact = await db.query("INSERT INTO contact (company_id, name, mobile, country) VALUES ($1, 'Lena Peeters', '+32 470 12 34 56', 'BE') RETURNING id", [companyId]);
  const { rows: prices } = await db.query("SELECT credits_per_part FROM sms_price WHERE country IN ('BE', '*') ORDER BY country = 'BE' DESC LIMIT 1");
  const perSms = BigInt(prices[0].credits_per_part);
  const credits = (units: bigint) => `${units / 100n}.${(units % 100n).toString().padStart(2, "0")}`;
  const { rows: accounts } = await db.query("SELECT a.id FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = 'sms'", [companyId]);
  const accountId = accounts[0].id as number;

  // The admin sets Dana's hard budget to the price of 2 SMS.
  const admin = await browser.newPage();
  await signIn(admin, adminEmail);
  await admin.goto(`/settings/iap/${accountId}`);
  await admin.getByLabel("Budget for Dana User: monthly limit in credits").fill(credits(2n * perSms));
  await admin.getByLabel("Budget for Dana User: when used up").selectOption("hard");
  await admin.getByRole("button", { name: "Set budget for Dana User" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Budget saved." })).toBeVisible();

  // Dana sends 2 SMS; the third is refused with the budget message.
  const user = await browser.newPage();
  await signIn(user, userEmail);
  await user.goto(`/contacts/${contact.rows[0].id}`);
  for (const n of [1, 2]) {
    const dialog = await sendSms(user, `Reminder ${n}: your order is ready.`);
    await expect(dialog).toBeHidden();
    await expect(user.getByRole("status").filter({ hasText: "SMS sent to +32 470 12 34 56" }).first()).toBeVisible();
  }
  const monthName = new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date());
  const refused = await sendSms(user, "Reminder 3: this one goes over the budget.");
  await expect(refused.getByRole("alert")).toHaveText(
    `You have used your ${credits(2n * perSms)} SMS credits for ${monthName} — ask an administrator to raise your budget.`,
  );
  await refused.getByRole("button", { name: "Cancel" }).click();
  const sent = await db.query("SELECT count(*)::int AS n FROM sms_message WHERE company_id = $1", [companyId]);
  expect(sent.rows[0].n).toBe(2);

  // The admin raises the budget; Dana sends again.
  await admin.reload();
  await admin.getByLabel("Budget for Dana User: monthly limit in credits").fill(credits(3n * perSms));
  await admin.getByRole("button", { name: "Set budget for Dana User" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Budget saved." })).toBeVisible();
  const again = await sendSms(user, "Reminder 3: sent after the raise.");
  await expect(again).toBeHidden();
  expect((await db.query("SELECT count(*)::int AS n FROM sms_message WHERE company_id = $1", [companyId])).rows[0].n).toBe(3);

  // The chart shows today's use: 3 SMS.
  await admin.goto(`/settings/iap/${accountId}`);
  const chart = admin.getByRole("img", { name: "SMS credits used per day, last 30 days" });
  await expect(chart).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await expect(chart.locator(`[data-day="${today}"]`)).toHaveAttribute("data-used", String(Number(3n * perSms) / 100));
  await expect(admin.getByTestId("forecast")).toContainText("At the current rate, your credits last about");
  await expect(admin.getByRole("table", { name: "By user, last 30 days" }).getByRole("row", { name: /Dana User/ })).toContainText(credits(3n * perSms));
  await admin.locator("section[aria-labelledby=usage]").screenshot({ path: `${shots}/issue24-account-usage.png` });
  await admin.locator("section[aria-labelledby=budgets]").screenshot({ path: `${shots}/issue24-budget-settings.png` });

  // The history filtered by user, linking each SMS to its contact.
  await admin.getByLabel("User", { exact: true }).selectOption({ label: "Dana User" });
  await admin.getByLabel("Kind", { exact: true }).selectOption("USAGE");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  const history = admin.getByRole("table", { name: "Credit history, filtered, newest first" });
  await expect(history.getByRole("row")).toHaveCount(4); // heading + 3 SMS
  await expect(history.getByRole("link", { name: /SMS to \+32 470 12 34 56/ }).first()).toHaveAttribute("href", `/contacts/${contact.rows[0].id}`);
  await admin.locator("section[aria-labelledby=credit-history]").screenshot({ path: `${shots}/issue24-filtered-history.png` });

  // CSV export of the filtered history downloads and parses.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Export CSV (filtered)" }).click()]);
  const csv = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(csv[0]).toEqual(["id", "date_utc", "kind", "amount", "balance_after", "user", "description", "reference", "description_code"]);
  expect(csv.slice(1)).toHaveLength(3);
  for (const row of csv.slice(1)) expect(row).toEqual([expect.any(String), expect.any(String), "USAGE", `-${credits(perSms)}`, expect.any(String), userEmail, expect.stringMatching(/^SMS to/), `contact:${contact.rows[0].id}`, "sms"]);
  await Promise.all([admin.close(), user.close()]);
});
