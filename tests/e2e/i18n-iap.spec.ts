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

/** What the admin reads on the way, in each language: [French, Chinese]. */
const LABELS = {
  apps: ["Applications", "应用"],
  settings: ["Paramètres", "设置"],
  search: ["Rechercher dans les paramètres", "搜索设置"],
  section: ["Achats intégrés", "应用内购买"],
  viewServices: ["Voir mes services", "查看我的服务"],
  accounts: ["Compte IAP", "IAP 账户"],
  sms: ["SMS", "短信"],
  account: ["Informations du compte", "账户信息"],
  warnMe: ["M'avertir", "接收阈值警告"],
  threshold: ["Seuil", "警告阈值"],
  warningEmail: ["E-mail d'avertissement", "联系人电子邮件"],
  emailLanguage: ["Langue de l'e-mail d'avertissement", "警告邮件语言"],
  save: ["Enregistrer", "保存"],
  saved: ["Enregistré", "已保存"],
  /** A history filter that ends before it starts: the schema's code, worded for the reader. */
  reversedFilter: ["La date de fin est antérieure à la date de début.", "结束日期早于开始日期。"],
  /** The history CSV of an account that is not theirs (or does not exist): 404, in their words. */
  csvNotFound: ["Introuvable\u00a0: l'enregistrement a peut-être été supprimé, ou le lien est erroné.", "未找到：该记录可能已被删除，或链接有误。"],
  /** One refunded delivery failure in the buy page's SMS help, in their words. */
  refundReason: ["la file d'attente de la passerelle a débordé (30001)", "网关队列已满"],
  /** 2 500 units of a two-decimal service, written the reader's way. */
  balance: ["25,00 crédits", "25.00 点数"],
  buyHeading: ["Acheter des crédits pour SMS", "为短信购买点数"],
  currentBalance: ["Solde actuel", "当前余额"],
  packs: ["Packs de crédits", "点数套餐"],
  buy: ["Acheter", "购买"],
} satisfies Record<string, [string, string]>;

/**
 * One language's walk: its labels (LABELS), the bad threshold refused with its
 * message, the threshold saved (as typed, stored in units, shown after a
 * reload), the warning e-mail's language (chosen, or left on the company's
 * default: null) and, where the spec checks it, how a pack's price is written.
 */
interface Walk {
  locale: "fr" | "zh-CN";
  title: string;
  badThreshold: { typed: string; message: string };
  goodThreshold: { typed: string; stored: string; shown: string };
  pickLanguage: { label: string; stored: string } | null;
  emailAddress: string;
  price?: RegExp;
  /** The four catalogue packs, smallest first, as this reader's ERP names them. */
  packNames: string[];
}

const WALKS: Walk[] = [
  {
    locale: "fr",
    title: "French admin: Paramètres → IAP → Voir mes services → SMS → M'avertir (12,5, e-mail in French) → Enregistrer; the buy page in French",
    badThreshold: { typed: "abc", message: "Saisissez un nombre, par exemple 50 ou 12,5." },
    // French decimal comma.
    goodThreshold: { typed: "12,5", stored: "1250", shown: "12,50" },
    pickLanguage: { label: "Français", stored: "fr" },
    emailAddress: `alertes-${Date.now()}@exemple.test`,
    // Euros as French readers write them: the sign after the amount, a decimal comma.
    price: /^\d[\d\u202f\u00a0]*,\d{2}\u00a0€$/,
    packNames: ["Pack Starter", "Pack Standard", "Pack Avancé", "Pack Expert"],
  },
  {
    locale: "zh-CN",
    title: "Chinese admin: 设置 → IAP → 查看我的服务 → 短信 → 接收阈值警告 → 保存; the buy page in Chinese",
    badThreshold: { typed: "-5", message: "请输入 0 或以上的点数。" },
    goodThreshold: { typed: "50", stored: "5000", shown: "50.00" },
    pickLanguage: null,
    emailAddress: `jinggao-${Date.now()}@example.test`,
    packNames: ["入门套餐", "标准套餐", "高级套餐", "专家套餐"],
  },
];

for (const walk of WALKS) {
  // A French or Chinese reader's browser too (its Accept-Language: the sign-in page speaks it before the profile applies).
  // The history filter's native date fields are drawn by the browser itself: the headless Chromium keeps its own mm/dd/yyyy.
  test.describe(() => {
    test.use({ locale: walk.locale === "fr" ? "fr-FR" : "zh-CN" });
    test(walk.title, async ({ page }) => {
      const label = Object.fromEntries(Object.entries(LABELS).map(([key, [fr, zh]]) => [key, walk.locale === "fr" ? fr : zh])) as Record<keyof typeof LABELS, string>;
      const { companyId, email } = await adminReading(walk.locale);
      // The sign-in page follows the browser's language before the profile's applies.
      await signIn(page, email, DEMO_PASSWORD, SIGN_IN_FORM[walk.locale]);

      await page.getByRole("navigation", { name: label.apps }).first().getByRole("link", { name: label.settings, exact: true }).click();
      await expect(page.getByRole("heading", { name: label.settings, level: 1 })).toBeVisible();
      await page.getByRole("searchbox", { name: label.search }).fill("IAP");
      await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
      await expect(page.getByRole("heading", { name: label.section, level: 3 })).toBeVisible();
      await page.getByRole("link", { name: label.viewServices }).click();

      await expect(page.getByRole("heading", { name: label.accounts, level: 1 })).toBeVisible();
      await page.getByRole("link", { name: label.sms, exact: true }).click();

      await expect(page.getByRole("heading", { name: label.account })).toBeVisible();
      await expect(page.getByText(label.balance).first()).toBeVisible();
      await page.getByLabel(label.warnMe).check();
      await page.getByLabel(label.threshold, { exact: true }).fill(walk.badThreshold.typed);
      await page.getByLabel(label.warningEmail, { exact: true }).fill(walk.emailAddress);
      await page.getByRole("button", { name: label.save }).click();
      await expect(page.getByText(walk.badThreshold.message)).toBeVisible();

      await page.getByLabel(label.threshold, { exact: true }).fill(walk.goodThreshold.typed);
      const language = page.getByLabel(label.emailLanguage);
      if (walk.pickLanguage) await language.selectOption({ label: walk.pickLanguage.label });
      // Left on "Default": the company's language.
      else await expect(language).toHaveValue("");
      await page.getByRole("button", { name: label.save }).click();
      await expect(page.getByRole("status").filter({ hasText: label.saved })).toBeVisible();
      expect(await warningOf(companyId)).toMatchObject({ warn_enabled: true, threshold: walk.goodThreshold.stored, warning_locale: walk.pickLanguage?.stored ?? null });

      await page.reload();
      await expect(page.getByLabel(label.threshold, { exact: true })).toHaveValue(walk.goodThreshold.shown);
      await expect(language).toHaveValue(walk.pickLanguage?.stored ?? "");
      await page.screenshot({ path: `${SHOTS}/issue22-account-${walk.locale}.png`, fullPage: true });

      await page.goto(`${new URL(page.url()).pathname}?from=2026-12-02&to=2026-12-01`);
      await expect(page.getByRole("alert").filter({ hasText: label.reversedFilter })).toBeVisible();
      const missing = await page.request.get("/settings/iap/999999999/history.csv");
      expect(missing.status()).toBe(404);
      expect(await missing.text()).toBe(label.csvNotFound);

      await page.goto("/iap/buy/sms");
      await expect(page.getByRole("heading", { name: label.buyHeading, level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: label.currentBalance })).toBeVisible();
      await expect(page.getByTestId("current-balance")).toHaveText(label.balance);
      const packs = page.getByRole("list", { name: label.packs });
      await expect(packs.getByRole("button", { name: label.buy }).first()).toBeVisible();
      if (walk.price) await expect(packs.getByText(walk.price).first()).toBeVisible();
      // Each pack by its name in the reader's language, not the stored English "Starter Pack" (#22).
      for (const name of walk.packNames) await expect(packs.getByRole("article", { name, exact: true })).toBeVisible();
      await expect(packs.getByText(/ Pack$/)).toHaveCount(0);
      await expect(page.getByText(label.refundReason)).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/issue22-buy-${walk.locale}.png`, fullPage: true });
    });
  });
}
