// Session revocation in two real browsers: an admin resets a colleague's password, then changes
// their role, and each time the colleague's open session is refused at its next request, while a
// fresh sign-in (with the new password, with the new role) works.
import { expect, test, type Page } from "@playwright/test";
import { queryDatabase, signIn, storageStateFor, uniqueEmail } from "./helpers";

test.use({ storageState: storageStateFor("ADMIN") });

const NAME = "Session Colleague";

async function createColleague(page: Page, email: string, password: string) {
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: /créer l’utilisateur|create user/i }) });
  await form.getByLabel(/^nom$|^name$/i).fill(NAME);
  await form.getByLabel(/e-mail|email/i).fill(email);
  await form.getByLabel(/rôle|role/i).selectOption("EDITOR");
  await form.getByLabel(/mot de passe initial|initial password/i).fill(password);
  await form.getByRole("button", { name: /créer l’utilisateur|create user/i }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();
}

test("a password reset and a role change each sign the colleague out of an open session", async ({ page, browser }) => {
  const email = uniqueEmail("revoked");
  const firstPassword = "first-password-long-enough";
  const secondPassword = "second-password-long-enough";
  await createColleague(page, email, firstPassword);

  const colleague = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const colleaguePage = await colleague.newPage();
  await signIn(colleaguePage, email, firstPassword);
  await expect(colleaguePage).toHaveURL(/\/admin$/);

  // Role and password are in the row's menu, each in a small dialog.
  const row = page.getByTestId(`user-row-${email}`);
  await row.getByRole("button", { name: /actions pour|actions for/i }).click();
  await page.getByRole("menuitem", { name: /réinitialiser|reset password/i }).click();
  const passwordDialog = page.getByRole("dialog");
  await passwordDialog.getByRole("textbox", { name: new RegExp(NAME) }).fill(secondPassword);
  await passwordDialog.getByRole("button", { name: /réinitialiser|reset password/i }).click();
  await expect(passwordDialog).toBeHidden();
  await expect
    .poll(async () => (await queryDatabase<{ v: number }>("SELECT session_version AS v FROM users WHERE email = $1", [email]))[0]?.v)
    .toBe(2);

  await colleaguePage.goto("/admin/articles");
  await expect(colleaguePage).toHaveURL(/\/login/);
  await signIn(colleaguePage, email, secondPassword);
  await expect(colleaguePage).toHaveURL(/\/admin$/);

  await page.reload();
  await row.getByRole("button", { name: /actions pour|actions for/i }).click();
  await page.getByRole("menuitem", { name: /changer le rôle|change role/i }).click();
  const roleDialog = page.getByRole("dialog");
  await roleDialog.getByLabel(/^rôle$|^role$/i).selectOption("TRANSLATOR");
  await roleDialog.getByRole("button", { name: /changer le rôle|change role/i }).click();
  await expect(roleDialog).toBeHidden();
  await expect
    .poll(async () => (await queryDatabase<{ role: string }>("SELECT role FROM users WHERE email = $1", [email]))[0]?.role)
    .toBe("TRANSLATOR");

  await colleaguePage.goto("/admin/articles");
  await expect(colleaguePage).toHaveURL(/\/login/);
  await signIn(colleaguePage, email, secondPassword);
  await expect(colleaguePage).toHaveURL(/\/admin$/);
  await colleague.close();
});
