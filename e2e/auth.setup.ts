// Signs in once per role on every stack's app (e2e/stacks.ts) and stores the sessions, so specs start
// already signed in.
import { test as setup, expect } from "@playwright/test";
import { DEMO_USERS } from "../seed/demo-users";
import { storageStateFor } from "./helpers";
import { stackAddress, stackCount } from "./stacks";

for (const user of DEMO_USERS) {
  setup(`sign in as ${user.role}`, async ({ browser }) => {
    for (let stack = 0; stack < stackCount(); stack++) {
      const context = await browser.newContext({ baseURL: stackAddress(stack).baseUrl });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel(/e-mail|email/i).fill(user.email);
      await page.getByLabel(/mot de passe|password/i).fill(user.password);
      await page.getByRole("button", { name: /se connecter|sign in/i }).click();
      await expect(page).toHaveURL(/\/admin$/);
      await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
      await context.storageState({ path: storageStateFor(user.role, stack) });
      await context.close();
    }
  });
}
