// User management by an admin: field errors, creation, deactivation that throws the user out,
// and server actions posted by hand without the right session changing nothing.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { queryDatabase, signIn, storageStateFor, uniqueEmail } from "./helpers";

test.use({ storageState: storageStateFor("ADMIN") });

async function createUserThroughForm(page: import("@playwright/test").Page, email: string, password: string, role = "EDITOR") {
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: /créer l’utilisateur|create user/i }) });
  await form.getByLabel(/^nom$|^name$/i).fill("New Colleague");
  await form.getByLabel(/e-mail|email/i).fill(email);
  await form.getByLabel(/rôle|role/i).selectOption(role);
  await form.getByLabel(/mot de passe initial|initial password/i).fill(password);
  await form.getByRole("button", { name: /créer l’utilisateur|create user/i }).click();
  return form;
}

test("invalid input shows each field's error next to the field, and keeps what was typed", async ({ page }) => {
  const form = await createUserThroughForm(page, "not-an-email", "short");
  const email = form.getByLabel(/e-mail|email/i);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText(/valide|valid email/i);
  await expect(page.locator("#password-error")).toHaveText(/12/);
  await expect(email).toHaveValue("not-an-email");
  await expect(form.getByLabel(/^nom$|^name$/i)).toHaveValue("New Colleague");
});

test("a deactivated user is thrown out of an open session", async ({ page, browser }) => {
  const email = uniqueEmail("leaving");
  const password = "a-long-enough-password";
  await createUserThroughForm(page, email, password);
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const userPage = await other.newPage();
  await signIn(userPage, email, password);
  await expect(userPage).toHaveURL(/\/admin$/);

  // A user's actions are in the row's menu; deactivating answers with a toast.
  await page
    .getByTestId(`user-row-${email}`)
    .getByRole("button", { name: /actions pour|actions for/i })
    .click();
  await page.getByRole("menuitem", { name: /désactiver|deactivate/i }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: /utilisateur désactivé|user deactivated/i })).toBeVisible();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText(/désactivé|deactivated/i);

  await userPage.goto("/admin/articles");
  await expect(userPage).toHaveURL(/\/login/);
  await signIn(userPage, email, password);
  await expect(userPage.getByText(/incorrect|wrong email or password/i)).toBeVisible();
  await other.close();
});

test("a server action posted by hand without a session or with the wrong role changes nothing", async ({ page, baseURL }) => {
  // Capture the exact request the admin's browser sends, then replay it under other identities.
  const legitEmail = uniqueEmail("legit");
  const posted = page.waitForRequest((req) => req.method() === "POST" && Boolean(req.headers()["next-action"]));
  await createUserThroughForm(page, legitEmail, "a-long-enough-password");
  const original = await posted;
  await expect(page.getByTestId(`user-row-${legitEmail}`)).toBeVisible();
  const body = original.postDataBuffer()!;
  const headers = Object.fromEntries(
    Object.entries(original.headers()).filter(([name]) =>
      ["next-action", "content-type", "accept", "next-router-state-tree"].includes(name),
    ),
  );

  async function replay(storageState: string | undefined, email: string) {
    const context = await playwrightRequest.newContext({ baseURL, storageState: storageState ?? { cookies: [], origins: [] } });
    const response = await context.post("/admin/users", {
      headers: { ...headers, origin: baseURL! },
      data: Buffer.from(body.toString("latin1").replace(legitEmail, email), "latin1"),
      maxRedirects: 0,
    });
    await context.dispose();
    return response;
  }

  const anonymousEmail = uniqueEmail("anonymous");
  const translatorEmail = uniqueEmail("translator-forged");
  const editorEmail = uniqueEmail("editor-forged");
  await replay(undefined, anonymousEmail);
  await replay(storageStateFor("TRANSLATOR"), translatorEmail);
  await replay(storageStateFor("EDITOR"), editorEmail);
  const forged = await queryDatabase("SELECT email FROM users WHERE email = ANY($1)", [[anonymousEmail, translatorEmail, editorEmail]]);
  expect(forged).toEqual([]);

  // The same replay with the admin's session does create the user: the refusals above are real.
  const adminEmail = uniqueEmail("admin-replayed");
  const accepted = await replay(storageStateFor("ADMIN"), adminEmail);
  expect(accepted.status()).toBe(200);
  const created = await queryDatabase("SELECT email FROM users WHERE email = $1", [adminEmail]);
  expect(created).toHaveLength(1);
});
