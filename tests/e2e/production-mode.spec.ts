// A real deployment's first day, on a production build with DEMO off, from an
// empty database: set up the company, invite a colleague whose invitation
// arrives at a real SMTP server, the colleague chooses a password and signs
// in, is deactivated and refused at the next click; a forgotten password is
// reset through "Forgot password?".
import { expect, test } from "@playwright/test";
import { linkIn, mailFor, newPage, setUpCompany, signInOn, useOwnServer } from "./own-server";

const server = useOwnServer("production", { DEMO: "0" });

const ADMIN = { name: "Acme Logistics NV", admin: "Ada Admin", email: "ada@acme.example", password: "ada-first-password" };
const COLLEAGUE = { name: "Colin Colleague", email: "colin@acme.example", password: "colin-password-1" };

test("set up the company from an empty database, invite a colleague, deactivate them", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await newPage(browser, server());

  await test.step("every page of an empty database leads to the set-up; nothing says Demo", async () => {
    await admin.goto("/contacts");
    await expect(admin).toHaveURL(/\/setup$/);
    await expect(admin.getByRole("heading", { name: "Set up your company" })).toBeVisible();
    await admin.getByRole("button", { name: "Set up the company" }).click();
    await expect(admin.getByText("Company name is required.")).toBeVisible();
    await setUpCompany(admin, ADMIN);
    await expect(admin.getByRole("heading", { name: "Contacts" })).toBeVisible();
    await expect(admin.getByText("Demo", { exact: true })).toHaveCount(0);
  });

  await test.step("no demo checkout: Buy says payments are not set up", async () => {
    await admin.goto("/iap/buy/sms");
    await expect(admin.getByText("Payments are not set up on this server.")).toBeVisible();
    await expect(admin.getByRole("button", { name: "Buy" }).first()).toBeDisabled();
  });

  await test.step("Settings → Users → invite a colleague", async () => {
    await admin.goto("/settings");
    await admin.getByRole("link", { name: "Manage Users" }).click();
    await expect(admin.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await admin.getByLabel("E-mail").fill(COLLEAGUE.email);
    await admin.getByLabel("Name").fill(COLLEAGUE.name);
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect(admin.getByRole("status")).toContainText(`Invitation sent to ${COLLEAGUE.email}. The e-mail is on its way.`);
    const row = admin.getByRole("row", { name: COLLEAGUE.name });
    await expect(row.getByText("Invited", { exact: true })).toBeVisible();
  });

  await test.step("the outbox shows the invitation without its link", async () => {
    await admin.goto("/settings/outbox");
    await admin.getByRole("row").filter({ hasText: COLLEAGUE.email }).getByRole("link", { name: /invited you to/ }).click();
    const text = admin.getByRole("region", { name: "Plain-text version" });
    await expect(text).toContainText("Choose your password to sign in: [personal link: only in the delivered e-mail]");
    expect(await admin.content()).not.toContain("/invite/");
  });

  const colleague = await newPage(browser, server());
  await test.step("the invitation arrives by SMTP; its link lets the colleague choose a password and signs them in", async () => {
    const mail = await mailFor(server(), COLLEAGUE.email, /invited you to Acme Logistics NV/);
    const link = linkIn(mail, "/invite/");
    await colleague.goto(link);
    await expect(colleague.getByRole("heading", { name: `Join ${ADMIN.name}` })).toBeVisible();
    await colleague.getByLabel("New password").fill(COLLEAGUE.password);
    await colleague.getByLabel("Repeat the password").fill("something else");
    await colleague.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(colleague.getByText("The two passwords differ.")).toBeVisible();
    await colleague.getByLabel("New password").fill(COLLEAGUE.password);
    await colleague.getByLabel("Repeat the password").fill(COLLEAGUE.password);
    await colleague.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(colleague.getByRole("heading", { name: "Contacts" })).toBeVisible({ timeout: 30_000 });
    await expect(colleague.getByRole("link", { name: "Your profile" })).toContainText(COLLEAGUE.name);

    // The link worked once.
    const again = await newPage(browser, server());
    await again.goto(link);
    await expect(again.getByRole("heading", { name: "This link was already used" })).toBeVisible();
    await again.context().close();
  });

  await test.step("the colleague signs out and signs in with the new password", async () => {
    await colleague.getByRole("button", { name: "Sign out" }).click();
    await expect(colleague).toHaveURL(/\/login/);
    await signInOn(colleague, COLLEAGUE.email, COLLEAGUE.password);
  });

  await test.step("deactivated by the admin, the colleague's next click is refused", async () => {
    await admin.goto("/settings/users");
    const row = admin.getByRole("row", { name: COLLEAGUE.name });
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Deactivate ${COLLEAGUE.name}` }).click();
    await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();

    await colleague.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Documents" }).click();
    await expect(colleague).toHaveURL(/\/login/);
    await expect(colleague.getByText("Your account has been deactivated, so you were signed out.")).toBeVisible();
    await colleague.getByLabel("E-mail").fill(COLLEAGUE.email);
    await colleague.getByLabel("Password").fill(COLLEAGUE.password);
    await colleague.getByRole("button", { name: "Sign in" }).click();
    await expect(colleague.getByText("This account is deactivated.")).toBeVisible();
  });

  await test.step("the last administrator cannot demote themselves", async () => {
    const self = admin.getByRole("row", { name: ADMIN.admin });
    await self.getByRole("button", { name: `Make ${ADMIN.admin} a user` }).click();
    await expect(self.getByText(/must keep at least one active administrator/)).toBeVisible();
  });
});

test("reset a forgotten password through “Forgot password?”", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newPage(browser, server());
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();

  // An unknown address gets the very same answer.
  await page.getByLabel("E-mail").fill("nobody@acme.example");
  await page.getByRole("button", { name: "Send the link" }).click();
  const answer = await page.getByRole("status").textContent();
  expect(answer).toContain("If an account uses this address");
  await page.reload();
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText(answer!);

  const mail = await mailFor(server(), ADMIN.email, /Reset your IAP Credits password/);
  expect(server().smtp.to("nobody@acme.example")).toHaveLength(0);
  await page.goto(linkIn(mail, "/reset-password/"));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("ada-second-password");
  await page.getByLabel("Repeat the password").fill("ada-second-password");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible({ timeout: 30_000 });

  const fresh = await newPage(browser, server());
  await fresh.goto("/login");
  await fresh.getByLabel("E-mail").fill(ADMIN.email);
  await fresh.getByLabel("Password").fill(ADMIN.password);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByText(/Wrong e-mail or password/)).toBeVisible();
  await signInOn(fresh, ADMIN.email, "ada-second-password");
});
