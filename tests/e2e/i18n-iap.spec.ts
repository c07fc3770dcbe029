// The admin's IAP path in French and in Chinese (#22): Settings → search →
// View My Services → the SMS account → Warn Me, threshold, address and the
// warning e-mail's language → Save, then the Buy Credits page — each step found
// by its translated label. Each language gets a company and an administrator
// of its own whose profile language is set in the database (other specs share
// the demo company, whose admin stays in English), and screenshots of the
// account and buy pages land in docs/screenshots/issue22-*.
import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { DEMO_PASSWORD, SIGN_IN_FORM, signIn } from "./support";

const database = useDatabase();
const SHOTS = "docs/screenshots";

/** An admin of a new company with SMS credits (25.00), reading the app in `locale`. */
async function adminReading(locale: "fr" | "zh-CN") {
  const { companyId, email } = await createCompanyWithUser(database(), { name: locale === "fr" ? "Administratrice" : "管理员", role: "ADMIN", smsUnits: 2_500n });
  await database().query("UPDATE app_user SET locale = $1 WHERE email = $2", [locale, email]);
  return { companyId, email };
}

async function warningOf(companyId: number) {
  const { rows } = await database().query(
    `SELECT a.warn_enabled, a.warning_threshold::text AS threshold, a.warning_email, a.warning_locale
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = 'sms'`,
    [companyId],
  );
  return rows[0];
}

/**
 * One language's walk, page by page: what the admin reads on Settings, on the
 * accounts list and the SMS account, and on the buy page; the bad threshold
 * refused with its message, the threshold saved (as typed, stored in units,
 * shown after a reload) and the warning e-mail's language (chosen, or left on
 * the company's default: null).
 */
interface Walk {
  locale: "fr" | "zh-CN";
  title: string;
  settings: { apps: string; settings: string; search: string; section: string; viewServices: string };
  accounts: { heading: string; sms: string };
  account: { heading: string; warnMe: string; threshold: string; warningEmail: string; emailLanguage: string; save: string; saved: string };
  badThreshold: { typed: string; message: string };
  /** A history filter that ends before it starts: the schema's code, worded for the reader. */
  reversedFilter: string;
  /** The history CSV of an account that is not theirs (or does not exist): 404, in their words. */
  csvNotFound: string;
  /** One refunded delivery failure in the buy page's SMS help, in their words. */
  refundReason: string;
  goodThreshold: { typed: string; stored: string; shown: string };
  pickLanguage: { label: string; stored: string } | null;
  emailAddress: string;
  /** 2 500 units of a two-decimal service, written the reader's way. */
  balance: string;
  /** `price`: how a pack's price is written, where the spec checks it; `packNames`: the four catalogue packs, smallest first, as this reader's ERP names them. */
  buy: { heading: string; balance: string; packs: string; buy: string; price?: RegExp; packNames: string[] };
}

const WALKS: Walk[] = [
  {
    locale: "fr",
    title: "French admin: Paramètres → IAP → Voir mes services → SMS → M'avertir (12,5, e-mail in French) → Enregistrer; the buy page in French",
    settings: { apps: "Applications", settings: "Paramètres", search: "Rechercher dans les paramètres", section: "Achats intégrés", viewServices: "Voir mes services" },
    accounts: { heading: "Compte IAP", sms: "SMS" },
    account: { heading: "Informations du compte", warnMe: "M'avertir", threshold: "Seuil", warningEmail: "E-mail d'avertissement", emailLanguage: "Langue de l'e-mail d'avertissement", save: "Enregistrer", saved: "Enregistré" },
    badThreshold: { typed: "abc", message: "Saisissez un nombre, par exemple 50 ou 12,5." },
    reversedFilter: "La date de fin est antérieure à la date de début.",
    csvNotFound: "Introuvable\u00a0: l'enregistrement a peut-être été supprimé, ou le lien est erroné.",
    refundReason: "la file d'attente de la passerelle a débordé (30001)",
    // French decimal comma.
    goodThreshold: { typed: "12,5", stored: "1250", shown: "12,50" },
    pickLanguage: { label: "Français", stored: "fr" },
    emailAddress: `alertes-${Date.now()}@exemple.test`,
    balance: "25,00 crédits",
    // Euros as French readers write them: the sign after the amount, a decimal comma.
    buy: {
      heading: "Acheter des crédits pour SMS",
      balance: "Solde actuel",
      packs: "Packs de crédits",
      buy: "Acheter",
      price: /^\d[\d\u202f\u00a0]*,\d{2}\u00a0€$/,
      packNames: ["Pack Starter", "Pack Standard", "Pack Avancé", "Pack Expert"],
    },
  },
  {
    locale: "zh-CN",
    title: "Chinese admin: 设置 → IAP → 查看我的服务 → 短信 → 接收阈值警告 → 保存; the buy page in Chinese",
    settings: { apps: "应用", settings: "设置", search: "搜索设置", section: "应用内购买", viewServices: "查看我的服务" },
    accounts: { heading: "IAP 账户", sms: "短信" },
    account: { heading: "账户信息", warnMe: "接收阈值警告", threshold: "警告阈值", warningEmail: "联系人电子邮件", emailLanguage: "警告邮件语言", save: "保存", saved: "已保存" },
    badThreshold: { typed: "-5", message: "请输入 0 或以上的点数。" },
    reversedFilter: "结束日期早于开始日期。",
    csvNotFound: "未找到：该记录可能已被删除，或链接有误。",
    refundReason: "网关队列已满",
    goodThreshold: { typed: "50", stored: "5000", shown: "50.00" },
    pickLanguage: null,
    emailAddress: `jinggao-${Date.now()}@example.test`,
    balance: "25.00 点数",
    buy: { heading: "为短信购买点数", balance: "当前余额", packs: "点数套餐", buy: "购买", packNames: ["入门套餐", "标准套餐", "高级套餐", "专家套餐"] },
  },
];

for (const walk of WALKS) {
  // A French or Chinese reader's browser too (its Accept-Language: the sign-in page speaks it before the profile applies).
  // The history filter's native date fields are drawn by the browser itself: the headless Chromium keeps its own mm/dd/yyyy.
  test.describe(() => {
    test.use({ locale: walk.locale === "fr" ? "fr-FR" : "zh-CN" });
    test(walk.title, async ({ page }) => {
      const { companyId, email } = await adminReading(walk.locale);
      // The sign-in page follows the browser's language before the profile's applies.
      await signIn(page, email, DEMO_PASSWORD, SIGN_IN_FORM[walk.locale]);

      await page.getByRole("navigation", { name: walk.settings.apps }).first().getByRole("link", { name: walk.settings.settings, exact: true }).click();
      await expect(page.getByRole("heading", { name: walk.settings.settings, level: 1 })).toBeVisible();
      await page.getByRole("searchbox", { name: walk.settings.search }).fill("IAP");
      await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
      await expect(page.getByRole("heading", { name: walk.settings.section, level: 3 })).toBeVisible();
      await page.getByRole("link", { name: walk.settings.viewServices }).click();

      await expect(page.getByRole("heading", { name: walk.accounts.heading, level: 1 })).toBeVisible();
      await page.getByRole("link", { name: walk.accounts.sms, exact: true }).click();

      await expect(page.getByRole("heading", { name: walk.account.heading })).toBeVisible();
      await expect(page.getByText(walk.balance).first()).toBeVisible();
      await page.getByLabel(walk.account.warnMe).check();
      await page.getByLabel(walk.account.threshold, { exact: true }).fill(walk.badThreshold.typed);
      await page.getByLabel(walk.account.warningEmail, { exact: true }).fill(walk.emailAddress);
      await page.getByRole("button", { name: walk.account.save }).click();
      await expect(page.getByText(walk.badThreshold.message)).toBeVisible();

      await page.getByLabel(walk.account.threshold, { exact: true }).fill(walk.goodThreshold.typed);
      const language = page.getByLabel(walk.account.emailLanguage);
      if (walk.pickLanguage) await language.selectOption({ label: walk.pickLanguage.label });
      // Left on "Default": the company's language.
      else await expect(language).toHaveValue("");
      await page.getByRole("button", { name: walk.account.save }).click();
      await expect(page.getByRole("status").filter({ hasText: walk.account.saved })).toBeVisible();
      expect(await warningOf(companyId)).toMatchObject({ warn_enabled: true, threshold: walk.goodThreshold.stored, warning_locale: walk.pickLanguage?.stored ?? null });

      await page.reload();
      await expect(page.getByLabel(walk.account.threshold, { exact: true })).toHaveValue(walk.goodThreshold.shown);
      await expect(language).toHaveValue(walk.pickLanguage?.stored ?? "");
      await page.screenshot({ path: `${SHOTS}/issue22-account-${walk.locale}.png`, fullPage: true });

      await page.goto(`${new URL(page.url()).pathname}?from=2026-12-02&to=2026-12-01`);
      await expect(page.getByRole("alert").filter({ hasText: walk.reversedFilter })).toBeVisible();
      const missing = await page.request.get("/settings/iap/999999999/history.csv");
      expect(missing.status()).toBe(404);
      expect(await missing.text()).toBe(walk.csvNotFound);

      await page.goto("/iap/buy/sms");
      await expect(page.getByRole("heading", { name: walk.buy.heading, level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: walk.buy.balance })).toBeVisible();
      await expect(page.getByTestId("current-balance")).toHaveText(walk.balance);
      const packs = page.getByRole("list", { name: walk.buy.packs });
      await expect(packs.getByRole("button", { name: walk.buy.buy }).first()).toBeVisible();
      if (walk.buy.price) await expect(packs.getByText(walk.buy.price).first()).toBeVisible();
      // Each pack by its name in the reader's language, not the stored English "Starter Pack" (#22).
      for (const name of walk.buy.packNames) await expect(packs.getByRole("article", { name, exact: true })).toBeVisible();
      await expect(packs.getByText(/ Pack$/)).toHaveCount(0);
      await expect(page.getByText(walk.refundReason)).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/issue22-buy-${walk.locale}.png`, fullPage: true });
    });
  });
}
