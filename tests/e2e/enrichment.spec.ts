import { expect, test } from "@playwright/test";
import { signInNewUser, useDatabase } from "./db";

const database = useDatabase();

async function balance(db: ReturnType<typeof database>, companyId: number, service: string): Promise<bigint> {
  const { rows } = await db.query("SELECT a.balance FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = $2", [companyId, service]);
  return BigInt(rows[0].balance);
}

test("Partner Autocomplete: type a company, pick it, the empty fields are filled and 1 credit is used", async ({ page }) => {
  const db = database();
  const { companyId } = await signInNewUser(page, db, { name: "Paula Partner", grants: { partner_autocomplete: 5n } });
  await page.goto("/contacts/new");
  await page.getByLabel("ZIP").fill("12345");

  await page.getByRole("combobox", { name: "Company lookup" }).fill("Lino Eng");
  await page.getByRole("option", { name: /Lino Engineering AB/ }).click();
  await expect(page.getByText("Filled from Lino Engineering AB (1 credit used; 4 credits left).")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Lino Engineering AB");
  await expect(page.getByLabel("Country")).toHaveValue("SE");
  await expect(page.getByLabel("ZIP")).toHaveValue("12345");
  expect(await balance(db, companyId, "partner_autocomplete")).toBe(4n);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Contact created.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("Enriched with Partner Autocomplete (1 credit)");
  const { rows } = await db.query("SELECT registration_number, zip FROM contact WHERE company_id = $1", [companyId]);
  expect(rows).toEqual([{ registration_number: "5592301054", zip: "12345" }]);
  expect(await balance(db, companyId, "partner_autocomplete")).toBe(4n);
});

test("Partner Autocomplete without credits: the buy prompt, and the form is left as typed", async ({ page }) => {
  const db = database();
  await signInNewUser(page, db, { name: "Nora Nocredit" });
  await page.goto("/contacts/new");
  await page.getByRole("combobox", { name: "Company lookup" }).fill("Lino Eng");
  await page.getByRole("option", { name: /Lino Engineering AB/ }).click();
  await expect(page.getByText("Not enough credits for Partner Autocomplete (needs 1, you have 0).")).toBeVisible();
  await expect(page.getByRole("link", { name: /Buy credits/ })).toHaveAttribute("href", "/iap/buy/partner_autocomplete");
  await expect(page.getByLabel("Name")).toHaveValue("");
});

test("Lead Generation: FR farming companies become leads, the request shows the credits used, a lead converts in one click", async ({ page }) => {
  const db = database();
  const { companyId } = await signInNewUser(page, db, { name: "Leo Leads", grants: { reveal: 10n } });
  // The Apps bar: "Your profile: Leo Leads" is a link too.
  await page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Leads" }).click();
  await page.getByRole("link", { name: "Generate Leads" }).click();
  await page.getByLabel("How many companies").fill("3");
  await expect(page.getByText("Up to 3 credits will be consumed (1 per company found).")).toBeVisible();
  const countries = page.getByRole("group", { name: "Countries" });
  await countries.getByRole("searchbox", { name: "Find a country" }).fill("fra");
  await countries.getByRole("checkbox", { name: "France" }).check();
  await page.getByLabel("Consumer Staples").check();
  await page.getByRole("button", { name: "Generate Leads" }).click();

  await expect(page.getByText("Lead request done: 3 leads found: 3 credits used.")).toBeVisible();
  const leads = page.getByRole("table", { name: "Leads" });
  await expect(leads.getByRole("row")).toHaveCount(4);
  await expect(leads).toContainText("France");
  const requests = page.getByRole("table", { name: "Lead requests" });
  await expect(requests.getByRole("row").nth(1)).toContainText("3 leads found: 3 credits used");
  expect(await balance(db, companyId, "reveal")).toBe(7n);

  await page.getByRole("button", { name: /Convert .* to a contact/ }).first().click();
  await expect(page.getByRole("link", { name: "Converted — open contact" })).toHaveCount(1);
  const { rows } = await db.query("SELECT count(*)::int AS n FROM contact WHERE company_id = $1 AND is_company", [companyId]);
  expect(rows[0].n).toBe(1);
});

test("Lead Generation: asking for more than the credits allow offers to generate as many as they do, and that many are charged", async ({ page }) => {
  const db = database();
  const { companyId } = await signInNewUser(page, db, { name: "Lena Leads", grants: { reveal: 2n } });
  await page.goto("/leads/generate");
  await page.getByLabel("How many companies").fill("5");
  const countries = page.getByRole("group", { name: "Countries" });
  await countries.getByRole("searchbox", { name: "Find a country" }).fill("fra");
  await countries.getByRole("checkbox", { name: "France" }).check();
  await page.getByLabel("Consumer Staples").check();
  await expect(page.getByText("5 companies need more credits than you have. Generate 2 companies now instead?")).toBeVisible();
  await page.getByRole("button", { name: "Generate 2 instead" }).click();

  await expect(page.getByText("Lead request done: 2 leads found: 2 credits used.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Leads" }).getByRole("row")).toHaveCount(3);
  expect(await balance(db, companyId, "reveal")).toBe(0n);
});
