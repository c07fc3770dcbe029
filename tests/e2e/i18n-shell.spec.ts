// The app in French and Chinese (#22): a signed-out visitor reads the sign-in
// page in their browser's language or the one they pick; a user's first
// sign-in keeps their browser's language; on the profile page they change
// language and time zone, and the whole app follows at once.
import { expect, test, type Browser } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { DEMO_PASSWORD, SIGN_IN_FORM, submitSignIn } from "./support";

const SHOTS = "docs/screenshots";
const db = useDatabase();

async function visitor(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: 1024, height: 760 } });
  return context.newPage();
}

/** The sign-in page as a visitor whose browser asks for `browserLocale` reads it. */
const LOGIN_PAGES = [
  { browserLocale: "fr-FR", lang: "fr", heading: "Connexion", labels: ["Mot de passe"], forgotPassword: "Mot de passe oublié ?" },
  { browserLocale: "zh-CN", lang: "zh-CN", heading: "登录", labels: ["电子邮件"], forgotPassword: "忘记密码？" },
];

test("signed out: the sign-in page follows Accept-Language (French, Chinese)", async ({ browser }) => {
  const [fr, zh] = await Promise.all(LOGIN_PAGES.map(async (words) => {
    const page = await visitor(browser, words.browserLocale);
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", words.lang);
    await expect(page.getByRole("heading", { name: words.heading })).toBeVisible();
    for (const label of words.labels) await expect(page.getByLabel(label)).toBeVisible();
    await expect(page.getByRole("link", { name: words.forgotPassword })).toBeVisible();
    return page;
  }));
  await fr.getByRole("button", { name: SIGN_IN_FORM.fr.submit }).click();
  await expect(fr.getByText("Saisissez votre adresse e-mail.")).toBeVisible();
  await expect(fr.getByText("Saisissez votre mot de passe.")).toBeVisible();
  await submitSignIn(fr, "personne@example.com", "mauvais-mot-de-passe", SIGN_IN_FORM.fr);
  await expect(fr.getByText("E-mail ou mot de passe incorrect. Vérifiez les deux et réessayez.")).toBeVisible();
  await fr.screenshot({ path: `${SHOTS}/issue22-login-fr.png` });
  await zh.screenshot({ path: `${SHOTS}/issue22-login-zh-CN.png` });
  await Promise.all([fr.context().close(), zh.context().close()]);
});

test("signed out: the language switcher changes the page's language, and the choice stays", async ({ browser }) => {
  const page = await visitor(browser, "en-GB");
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const switcher = page.getByRole("form", { name: "Language" });
  await expect(switcher.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await switcher.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { name: "Mot de passe oublié ?" })).toBeVisible();
  await page.getByRole("form", { name: "Langue" }).getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "忘记密码？" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "忘记密码？" })).toBeVisible();
  await page.getByRole("form", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.context().close();
});

test("a first sign-in keeps the browser's language; the profile changes language and time zone for the whole app", async ({ browser }) => {
  test.setTimeout(120_000);
  const { companyId, email } = await createCompanyWithUser(db(), { name: "Langues SA", role: "ADMIN" });
  // A date to read: the VAT check's, shown on Settings → Company details.
  await db().query("UPDATE company SET vat_number = 'BE0123456749', vat_verified_at = '2026-11-21T20:51:00Z', time_zone = 'Europe/Paris' WHERE id = $1", [companyId]);

  const page = await visitor(browser, "fr-FR");
  await page.goto("/login");
  await submitSignIn(page, email, DEMO_PASSWORD, SIGN_IN_FORM.fr);
  const apps = page.getByRole("navigation", { name: "Applications" });
  await expect(apps.getByRole("link", { name: "Paramètres" })).toBeVisible({ timeout: 30_000 });
  const { rows } = await db().query("SELECT locale, time_zone FROM app_user WHERE email = $1", [email]);
  expect(rows).toEqual([{ locale: "fr", time_zone: null }]);

  // The company's zone by default: 20:51 UTC is 21:51 in Paris.
  await page.goto("/settings/company");
  await expect(page.getByText("Numéro de TVA confirmé par VIES le 21 nov. 2026, 21:51 UTC+1.")).toBeVisible();

  await page.goto("/profile");
  await expect(page.getByLabel("Fuseau horaire")).toHaveValue("");
  await expect(page.getByLabel("Fuseau horaire").locator("option").first()).toHaveText("Celui de la société (Europe/Paris)");
  await page.screenshot({ path: `${SHOTS}/issue22-profile-fr.png`, fullPage: true });

  await page.getByLabel("Langue").selectOption("zh-CN");
  await page.getByLabel("Fuseau horaire").selectOption("Asia/Shanghai");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  // The page, the nav and the answer re-render in Chinese at once.
  await expect(page.getByRole("status")).toHaveText("已保存。");
  await expect(page.getByRole("navigation", { name: "应用" }).getByRole("link", { name: "联系人" })).toBeVisible();
  await expect(page.getByLabel("语言")).toHaveValue("zh-CN");
  await expect(page.getByLabel("时区")).toHaveValue("Asia/Shanghai");
  await page.screenshot({ path: `${SHOTS}/issue22-profile-zh-CN.png`, fullPage: true });
  expect((await db().query("SELECT locale, time_zone FROM app_user WHERE email = $1", [email])).rows).toEqual([{ locale: "zh-CN", time_zone: "Asia/Shanghai" }]);

  // The user's own zone now: 20:51 UTC is 04:51 the next day in Shanghai.
  await page.goto("/settings/company");
  await expect(page.getByText("2026年11月22日 GMT+8 04:51")).toBeVisible();

  // A zone that is not one refuses, and changes nothing.
  await page.goto("/profile");
  await page.getByLabel("时区").evaluate((select: HTMLSelectElement) => {
    select.options[1]!.value = "Mars/Olympus_Mons";
    select.selectedIndex = 1;
  });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("请从列表中选择一个时区。")).toBeVisible();
  expect((await db().query("SELECT time_zone FROM app_user WHERE email = $1", [email])).rows).toEqual([{ time_zone: "Asia/Shanghai" }]);

  // Back to English: the English texts are today's.
  await page.reload();
  await page.getByLabel("语言").selectOption("en");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  await page.context().close();
});
