// Screenshots of production mode for docs/screenshots/issue14-*.png: set-up,
// users, invitation and profile pages (desktop, and 390 px wide for set-up and
// users). Self-contained: its own throw-away PostgreSQL, a loopback SMTP server
// and the production build (`npm run build` first) started like `npm start`
// with DEMO off and SIGNUP=open.
// Usage: npx tsx --conditions=react-server tests/screenshots/issue14.ts
import path from "node:path";
import type { Page } from "@playwright/test";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { startAppServer } from "@/tests/support/app-server";
import { startSmtpServer } from "@/tests/support/smtp-server";
import { launchChromium } from "../support/chromium";
import { signIn } from "./support";

const root = path.resolve(import.meta.dirname, "..", "..");
const pg = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", `shots-${process.pid}`), port: await freePort(), persistent: false, fast: true });
await pg.createDatabase("iap_shots");
const smtp = await startSmtpServer();
const app = await startAppServer({
  databaseUrl: pg.urlFor("iap_shots"),
  env: { DEMO: "0", SIGNUP: "open", NEXTAUTH_SECRET: "screenshots-secret", SMTP_URL: smtp.url, MAIL_FROM: "IAP Credits <no-reply@acme.example>" },
});
const browser = await launchChromium();

const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/issue14-${name}.png`, fullPage: true });
const open = async (viewport = { width: 1280, height: 800 }) => {
  const page = await (await browser.newContext({ viewport, baseURL: app.url })).newPage();
  page.setDefaultTimeout(60_000);
  return page;
};

try {
  const mobileSetup = await open({ width: 390, height: 844 });
  await mobileSetup.goto("/contacts");
  await mobileSetup.getByRole("heading", { name: "Set up your company" }).waitFor();
  await shot(mobileSetup, "setup-mobile");

  const admin = await open();
  await admin.goto("/");
  await admin.getByRole("heading", { name: "Set up your company" }).waitFor();
  await admin.getByLabel("Company name").fill("Acme Logistics NV");
  await admin.getByLabel("Your name").fill("Ada Admin");
  await admin.getByLabel("E-mail").fill("ada@acme.example");
  await shot(admin, "setup");
  await admin.getByLabel("Password").fill("short");
  await admin.getByRole("button", { name: "Set up the company" }).click();
  await admin.getByText("Passwords need at least 8 characters.").waitFor();
  await shot(admin, "setup-error");
  await admin.getByLabel("Password").fill("ada-first-password");
  await admin.getByRole("button", { name: "Set up the company" }).click();
  await admin.getByRole("button", { name: "Sign out" }).waitFor();

  await admin.goto("/settings/users");
  for (const [email, name, role] of [
    ["colin@acme.example", "Colin Colleague", "USER"],
    ["fiona@acme.example", "Fiona Finance", "ADMIN"],
  ]) {
    await admin.getByLabel("E-mail").fill(email);
    await admin.getByLabel("Name").fill(name);
    await admin.getByLabel("Role").selectOption(role);
    await admin.getByRole("button", { name: "Send invitation", exact: true }).click();
    await admin.getByRole("status").getByText(`Invitation sent to ${email}.`).waitFor();
  }
  const invitation = smtp.to("colin@acme.example")[0];
  const link = /\/invite\/[A-Za-z0-9_-]{43}/.exec(invitation.text ?? "")![0];
  await shot(admin, "users");

  const colleague = await open();
  await colleague.goto(link);
  await colleague.getByRole("heading", { name: "Join Acme Logistics NV" }).waitFor();
  await shot(colleague, "invitation");
  await colleague.getByLabel("New password").fill("colin-password-1");
  await colleague.getByLabel("Repeat the password").fill("colin-password-1");
  await colleague.getByRole("button", { name: "Set password and sign in" }).click();
  await colleague.getByRole("button", { name: "Sign out" }).waitFor();
  await colleague.goto("/profile");
  await colleague.getByRole("heading", { name: "Password" }).waitFor();
  await colleague.getByLabel("Current password").fill("wrong-password");
  await colleague.getByLabel("New password", { exact: true }).fill("colin-password-2");
  await colleague.getByLabel("Repeat the new password").fill("colin-password-2");
  await colleague.getByRole("button", { name: "Change password" }).click();
  await colleague.getByText("Your current password is not right.").waitFor();
  await shot(colleague, "profile");

  await admin.reload();
  const row = admin.getByRole("row", { name: "Colin Colleague" });
  await row.getByRole("button", { name: "Deactivate Colin Colleague" }).click();
  await row.getByText("Deactivated", { exact: true }).waitFor();
  await colleague.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Documents" }).click();
  await colleague.getByText("Your account has been deactivated").waitFor();
  await shot(colleague, "deactivated");

  const mobileUsers = await (await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: app.url, storageState: await admin.context().storageState() })).newPage();
  await mobileUsers.goto("/settings/users");
  await mobileUsers.getByRole("heading", { name: "Users", level: 1 }).waitFor();
  await shot(mobileUsers, "users-mobile");

  await admin.goto("/settings/outbox");
  await admin.getByRole("row").filter({ hasText: "colin@acme.example" }).getByRole("link").first().click();
  await admin.getByRole("heading", { name: "Plain-text version" }).waitFor();
  await shot(admin, "outbox-invitation");

  await admin.goto("/iap/buy/sms");
  await admin.getByText("Payments are not set up on this server.").waitFor();
  await shot(admin, "buy-not-set-up");

  const visitor = await open();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Forgot password?" }).waitFor();
  await shot(visitor, "sign-in");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await visitor.getByRole("heading", { name: "Forgot your password?" }).waitFor();
  await visitor.getByLabel("E-mail").fill("ada@acme.example");
  await visitor.getByRole("button", { name: "Send the link" }).click();
  await visitor.getByRole("status").waitFor();
  await shot(visitor, "forgot-password");
  await visitor.goto("/setup");
  await visitor.getByRole("heading", { name: "Create a company" }).waitFor();
  await shot(visitor, "create-company");

  // The same build in demo mode: the demo data, and the "Demo" marker in the app bar.
  await pg.createDatabase("iap_shots_demo");
  const demo = await startAppServer({ databaseUrl: pg.urlFor("iap_shots_demo"), env: { DEMO: "1" } });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: demo.url })).newPage();
    await signIn(page, demo.url);
    await page.screenshot({ path: "docs/screenshots/issue14-demo-marker.png", clip: { x: 0, y: 0, width: 1280, height: 220 } });
  } finally {
    await demo.stop();
  }
} finally {
  await browser.close();
  await app.stop();
  await smtp.close();
  await pg.stop();
}
process.exit(0);
