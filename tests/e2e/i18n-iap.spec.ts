// The admin's IAP path in French and in Chinese (#22): Settings → search →
// View My Services → the SMS account → Warn Me, threshold, address and the
// warning e-mail's language → Save, then the Buy Credits page — each step found
// by its translated label. Each language gets a company and an administrator
// of its own whose profile language is set in the database (other specs share
// the demo company, whose admin stays in English), and screenshots of the
// account and buy pages land in docs/screenshots/issue22-*.
import { expect, test, type Page } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { DEMO_PASSWORD } from "./support";

const database = useDatabase();
const SHOTS = "docs/screenshots";

/** An admin of a new company with SMS credits (25.00), reading the app in `locale`. */
async function adminReading(locale: "fr" | "zh-CN") {
  const { companyId, email } = await createCompanyWithUser(database(), { name: locale === "fr" ? "Administratrice" : "管理员", role: "ADMIN", smsUnits: 2_500n });
  await database().query("UPDATE app_user SET locale = $1 WHERE email = $2", [locale, email]);
  return { companyId, email };
}

/** Signs in from the (signed-out, English) login page and waits to be in. */
async function signInAs(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

async function warningOf(companyId: number) {
  const { rows } = await database().query(
    `SELECT a.warn_enabled, a.warning_threshold::text AS threshold, a.warning_email, a.warning_locale
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = 'sms'`,
    [companyId],
  );
  return rows[0];
}

test("French admin: Paramètres → IAP → Voir mes services → SMS → M'avertir (12,5, e-mail in French) → Enregistrer; the buy page in French", async ({ page }) => {
  const { companyId, email } = await adminReading("fr");
  await signInAs(page, email);

  await page.getByRole("navigation", { name: "Applications" }).first().getByRole("link", { name: "Paramètres", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Paramètres", level: 1 })).toBeVisible();
  await page.getByRole("searchbox", { name: "Rechercher dans les paramètres" }).fill("IAP");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Achats intégrés", level: 3 })).toBeVisible();
  await page.getByRole("link", { name: "Voir mes services" }).click();

  await expect(page.getByRole("heading", { name: "Compte IAP", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "SMS", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Informations du compte" })).toBeVisible();
  // 2 500 units of a two-decimal service: "25,00 crédits", French decimal comma.
  await expect(page.getByText("25,00 crédits").first()).toBeVisible();
  await page.getByLabel("M'avertir").check();
  await page.getByLabel("Seuil", { exact: true }).fill("abc");
  await page.getByLabel("E-mail d'avertissement", { exact: true }).fill(`alertes-${Date.now()}@exemple.test`);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Saisissez un nombre, par exemple 50 ou 12,5.")).toBeVisible();

  await page.getByLabel("Seuil", { exact: true }).fill("12,5");
  await page.getByLabel("Langue de l'e-mail d'avertissement").selectOption({ label: "Français" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré" })).toBeVisible();
  expect(await warningOf(companyId)).toMatchObject({ warn_enabled: true, threshold: "1250", warning_locale: "fr" });

  await page.reload();
  await expect(page.getByLabel("Seuil", { exact: true })).toHaveValue("12,50");
  await expect(page.getByLabel("Langue de l'e-mail d'avertissement")).toHaveValue("fr");
  await page.screenshot({ path: `${SHOTS}/issue22-account-fr.png`, fullPage: true });

  // A history filter that ends before it starts is refused in French (the schema's code, worded for the reader).
  await page.goto(`${new URL(page.url()).pathname}?from=2026-12-02&to=2026-12-01`);
  await expect(page.getByRole("alert").filter({ hasText: "La date de fin est antérieure à la date de début." })).toBeVisible();

  await page.goto("/iap/buy/sms");
  await expect(page.getByRole("heading", { name: "Acheter des crédits pour SMS", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Solde actuel" })).toBeVisible();
  await expect(page.getByTestId("current-balance")).toHaveText("25,00 crédits");
  const packs = page.getByRole("list", { name: "Packs de crédits" });
  await expect(packs.getByRole("button", { name: "Acheter" }).first()).toBeVisible();
  // Euros as French readers write them: the sign after the amount, a decimal comma.
  await expect(packs.getByText(/^\d[\d\u202f\u00a0]*,\d{2}\u00a0€$/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/issue22-buy-fr.png`, fullPage: true });
});

test("Chinese admin: 设置 → IAP → 查看我的服务 → 短信 → 接收阈值警告 → 保存; the buy page in Chinese", async ({ page }) => {
  const { companyId, email } = await adminReading("zh-CN");
  await signInAs(page, email);

  await page.getByRole("navigation", { name: "应用" }).first().getByRole("link", { name: "设置", exact: true }).click();
  await expect(page.getByRole("heading", { name: "设置", level: 1 })).toBeVisible();
  await page.getByRole("searchbox", { name: "搜索设置" }).fill("IAP");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "应用内购买", level: 3 })).toBeVisible();
  await page.getByRole("link", { name: "查看我的服务" }).click();

  await expect(page.getByRole("heading", { name: "IAP 账户", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "短信", exact: true }).click();

  await expect(page.getByRole("heading", { name: "账户信息" })).toBeVisible();
  await page.getByLabel("接收阈值警告").check();
  await page.getByLabel("警告阈值", { exact: true }).fill("-5");
  await page.getByLabel("联系人电子邮件", { exact: true }).fill(`jinggao-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("请输入 0 或以上的点数。")).toBeVisible();

  await page.getByLabel("警告阈值", { exact: true }).fill("50");
  // Left on "Default": the company's language.
  await expect(page.getByLabel("警告邮件语言")).toHaveValue("");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  expect(await warningOf(companyId)).toMatchObject({ warn_enabled: true, threshold: "5000", warning_locale: null });
  await page.reload();
  await expect(page.getByLabel("警告阈值", { exact: true })).toHaveValue("50.00");
  await page.screenshot({ path: `${SHOTS}/issue22-account-zh-CN.png`, fullPage: true });

  await page.goto("/iap/buy/sms");
  await expect(page.getByRole("heading", { name: "为短信购买点数", level: 1 })).toBeVisible();
  await expect(page.getByTestId("current-balance")).toHaveText("25.00 点数");
  await expect(page.getByRole("list", { name: "点数套餐" }).getByRole("button", { name: "购买" }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/issue22-buy-zh-CN.png`, fullPage: true });
});
