import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, submitSignIn } from "./support";

test("an admin signs in and sees the shell with Settings", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await expect(page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(page.getByText("Mitchell Admin")).toBeVisible();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});

test("a user signs in, has no Settings app, and gets a 403 page on Settings", async ({ page }) => {
  await signIn(page, "user@example.com");
  await expect(page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Contacts" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
});

test("bad sign-in input gets a clear message and no crash", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await submitSignIn(page, "admin@example.com", "wrong-password");
  await expect(page.getByText(/Wrong e-mail or password/)).toBeVisible();

  await submitSignIn(page, "nobody@example.com", DEMO_PASSWORD);
  await expect(page.getByText(/Wrong e-mail or password/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("signed-out visitors are sent to sign-in and come back after", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings/);
  await submitSignIn(page, "admin@example.com", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/settings$/);
});
