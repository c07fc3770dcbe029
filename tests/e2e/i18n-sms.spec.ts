import { expect, test } from "@playwright/test";
import { createCompanyWithUser, useDatabase } from "./db";
import { openDialog, signIn } from "./support";

// Issue #22: the SMS path — a contact → its SMS icon → the SMS dialog → sent →
// logged in the chatter — read in French and in Chinese, found by the words
// each language's user sees. Each language has a company and user of its own
// (locale set in the database), so specs reading the shared demo company in
// English never see it change.

const SHOTS = "docs/screenshots";
const database = useDatabase();

const LANGUAGES = [
  {
    locale: "en",
    smsButton: "Send SMS to +33 6 12 34 56 78",
    dialog: "Send SMS Text Message",
    message: "Message",
    send: "Send SMS",
    chatter: "Chatter",
    messages: "Messages",
    sent: /SMS sent to \+33 6 12 34 56 78 \(1 SMS, [\d.]+ credits\)\./,
    logged: /SMS sent to \+33 6 12 34 56 78 — 1 SMS, [\d.]+ credits/,
    text: "Hello Camille, your order is ready.",
  },
  {
    locale: "fr",
    smsButton: "Envoyer un SMS au +33 6 12 34 56 78",
    dialog: "Envoyer un SMS",
    message: "Message",
    send: "Envoyer le SMS",
    chatter: "Chatter",
    messages: "Messages",
    // Under 2 credits, French says "crédit" (0,82 crédit).
    sent: /SMS envoyé au \+33 6 12 34 56 78 \(1 SMS, 0,\d{2} crédit\)\./,
    logged: /SMS envoyé au \+33 6 12 34 56 78 — 1 SMS, 0,\d{2} crédit(?!s)/,
    text: "Bonjour Camille, votre commande est prête.",
  },
  {
    locale: "zh-CN",
    smsButton: "发送短信至 +33 6 12 34 56 78",
    dialog: "发送 SMS 短信",
    message: "消息",
    send: "发送短信",
    chatter: "沟通栏",
    messages: "消息",
    sent: /短信已发送至 \+33 6 12 34 56 78（1 条短信，[\d.]+ 点数）。/,
    logged: /短信已发送至 \+33 6 12 34 56 78 — 1 条短信，[\d.]+ 点数/,
    text: "您好，张伟：您的订单已备好，欢迎到店取货。",
  },
] as const;

for (const language of LANGUAGES) {
  test(`the SMS path in ${language.locale}: contact → SMS icon → “${language.dialog}” → “${language.send}” → ${language.chatter}`, async ({ page }) => {
    const db = database();
    const { companyId, email } = await createCompanyWithUser(db, { name: `i18n SMS ${language.locale}`, smsUnits: 10_000n });
    await db.query("UPDATE app_user SET locale = $1 WHERE email = $2", [language.locale, email]);
    const { rows } = await db.query("INSERT INTO contact (company_id, name, mobile, country) VALUES ($1, 'Camille Martin', '+33 6 12 34 56 78', 'FR') RETURNING id", [companyId]);
    const contactId = rows[0].id as number;

    await signIn(page, email);
    await page.goto(`/contacts/${contactId}`);
    await expect(page.getByRole("heading", { name: language.chatter })).toBeVisible();

    const dialog = await openDialog(page, language.smsButton, language.dialog);
    await dialog.getByLabel(language.message).fill(language.text);
    await expect(dialog.getByRole("button", { name: language.send })).toBeEnabled();
    await dialog.screenshot({ path: `${SHOTS}/issue22-sms-${language.locale}.png` });
    await dialog.getByRole("button", { name: language.send }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: language.sent })).toBeVisible();
    const entry = page.getByRole("list", { name: language.messages }).getByRole("listitem").filter({ hasText: language.text });
    await expect(entry).toContainText(language.logged);

    // Sent once, accepted by the gateway (its simulated delivery report may already have made it DELIVERED).
    const sms = await db.query("SELECT state FROM sms_message WHERE company_id = $1 AND body = $2", [companyId, language.text]);
    expect(sms.rows).toHaveLength(1);
    expect(["SENT", "DELIVERED"]).toContain(sms.rows[0].state);
  });
}
