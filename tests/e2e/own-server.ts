// For specs that need an app server of their own rather than the shared demo
// one: a fresh, empty database, a real SMTP server on loopback, and the built
// app started the way `npm start` starts it, with the spec's settings. One per
// spec file (its tests run in order against it).
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/tests/support/throwaway-database";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";

export interface OwnServer {
  app: AppServer;
  smtp: TestSmtpServer;
  database: ThrowawayDatabase;
}

/** Starts the spec's server before its tests and stops it after; the getter is valid inside tests. */
export function useOwnServer(prefix: string, env: Record<string, string>): () => OwnServer {
  let server: OwnServer | undefined;
  test.describe.configure({ mode: "serial" });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const [database, smtp] = await Promise.all([createThrowawayDatabase(prefix, { migrated: false }), startSmtpServer()]);
    const app = await startAppServer({
      databaseUrl: database.url,
      env: { NEXTAUTH_SECRET: `${prefix}-e2e-secret-not-for-production`, SMTP_URL: smtp.url, MAIL_FROM: "IAP Credits <no-reply@e2e.example>", DOCUMENT_WORKER_POLL_MS: "0", ...env },
    });
    server = { app, smtp, database };
  });
  test.afterAll(async () => {
    await server?.app.stop();
    await server?.smtp.close();
    await server?.database.drop();
  });
  return () => {
    if (!server) throw new Error("The spec's server is not running");
    return server;
  };
}

/** A browser page of its own (cookies of its own) on the spec's server. */
export async function newPage(browser: Browser, server: OwnServer, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.app.url, ...(viewport ? { viewport } : {}) });
  return context.newPage();
}

/** Waits for the SMTP server to receive a message for `to` matching `subject`, and returns it. */
export async function mailFor(server: OwnServer, to: string, subject: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(() => (found = server.smtp.to(to).findLast((mail) => subject.test(mail.subject ?? ""))), { timeout: 30_000, message: `an e-mail to ${to} (${subject})` })
    .toBeTruthy();
  return found!;
}

/** The one link of `path` in an e-mail's text, relative to the app (so it opens in the test's context). */
export function linkIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${path}[A-Za-z0-9_-]+)`).exec(mail.text ?? "");
  if (!match) throw new Error(`No ${path} link in the e-mail:\n${mail.text}`);
  return match[1];
}

export async function signInOn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });
}

/** Fills "Set up your company" / "Create a company" and waits until its administrator is signed in. */
export async function setUpCompany(page: Page, company: { name: string; admin: string; email: string; password: string; country?: string }) {
  await page.getByLabel("Company name").fill(company.name);
  await page.getByLabel("Country").selectOption(company.country ?? "BE");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Your name").fill(company.admin);
  await page.getByLabel("E-mail").fill(company.email);
  await page.getByLabel("Password").fill(company.password);
  await page.getByRole("button", { name: /^(Set up|Create) the company$/ }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });
}
