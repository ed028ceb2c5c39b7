// Signs in once per role and stores the session, so specs start already signed in.
import { test as setup, expect } from "@playwright/test";
import { DEMO_USERS } from "../seed/demo-users";
import { storageStateFor } from "./helpers";

for (const user of DEMO_USERS) {
  setup(`sign in as ${user.role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel(/e-mail|email/i).fill(user.email);
    await page.getByLabel(/mot de passe|password/i).fill(user.password);
    await page.getByRole("button", { name: /se connecter|sign in/i }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
    await page.context().storageState({ path: storageStateFor(user.role) });
  });
}
