// Sign-in failures and sign-out.
import { expect, test } from "@playwright/test";
import { demoUser, signIn, signOutThroughMenu } from "./helpers";

test("a wrong password shows the generic message and keeps the email", async ({ page }) => {
  const editor = demoUser("EDITOR");
  await signIn(page, editor.email, "not-the-password");
  await expect(page.getByText(/incorrect|wrong email or password/i)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel(/e-mail|email/i)).toHaveValue(editor.email);
});

test("an unknown account gets the same message as a wrong password", async ({ page }) => {
  await signIn(page, "nobody@desk.test", "whatever-password");
  await expect(page.getByText(/incorrect|wrong email or password/i)).toBeVisible();
});

test("the admin is closed to visitors without a session", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
});

test("signing in returns to the page asked for, and signing out ends the session", async ({ page }) => {
  const admin = demoUser("ADMIN");
  await page.goto("/admin/users");
  await page.getByLabel(/e-mail|email/i).fill(admin.email);
  await page.getByLabel(/mot de passe|password/i).fill(admin.password);
  await page.getByRole("button", { name: /se connecter|sign in/i }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await signOutThroughMenu(page);
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});
