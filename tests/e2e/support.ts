import { expect, type Page } from "@playwright/test";
import { loadMessages } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/locales";

export const DEMO_PASSWORD = "demo1234";

/** The top bar's "Sign out" in every language: a user signs in to the app in their own. */
const SIGN_OUT = new RegExp(`^(${LOCALES.map((locale) => (loadMessages(locale).common?.userMenu as { signOut: string }).signOut).join("|")})$`);

/** The sign-in form's labels, in the language the visitor reads the page in. */
export interface SignInForm {
  email: string;
  password: string;
  submit: string;
}
export const SIGN_IN_FORM: Record<"en" | "fr" | "zh-CN", SignInForm> = {
  en: { email: "E-mail", password: "Password", submit: "Sign in" },
  fr: { email: "E-mail", password: "Mot de passe", submit: "Se connecter" },
  "zh-CN": { email: "电子邮件", password: "密码", submit: "登录" },
};

/** Fills the sign-in form already open on `page` and submits it. */
export async function submitSignIn(page: Page, email: string, password: string, form = SIGN_IN_FORM.en) {
  await page.getByLabel(form.email).fill(email);
  await page.getByLabel(form.password).fill(password);
  await page.getByRole("button", { name: form.submit }).click();
}

/** `form`: the sign-in page as the browser's language shows it (English unless the test's browser speaks another). */
export async function signIn(page: Page, email: "admin@example.com" | "user@example.com" | string, password = DEMO_PASSWORD, form = SIGN_IN_FORM.en) {
  await page.goto("/login");
  await submitSignIn(page, email, password, form);
  // bcrypt on a busy shared machine can take seconds: allow more than the default expect timeout.
  await expect(page.getByRole("button", { name: SIGN_OUT })).toBeVisible({ timeout: 30_000 });
}

/** Clicks an SMS button and waits for "Send SMS Text Message" (retried: a click that lands before hydration does nothing). */
export async function openSmsDialog(page: Page, buttonName: string | RegExp) {
  return openDialog(page, buttonName, "Send SMS Text Message");
}

/** Clicks the button that opens a dialog and returns the open dialog. */
export async function openDialog(page: Page, buttonName: string | RegExp, dialogName: string | RegExp) {
  const dialog = page.getByRole("dialog", { name: dialogName });
  // The button works once the page has hydrated; until then a click does
  // nothing, so it is retried. Once the dialog is open it covers the button:
  // a retry must not click again (the click would time out behind the modal).
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: buttonName }).click({ timeout: 2000 });
    await expect(dialog).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 30_000 });
  return dialog;
}
