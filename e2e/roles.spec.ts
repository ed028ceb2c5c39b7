// Each role signs in and sees what its role allows; the translator cannot open user management.
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

const navByRole = {
  ADMIN: { visible: [/utilisateurs|users/i, /^import$/i, /articles/i], hidden: [] },
  EDITOR: { visible: [/^import$/i, /articles/i], hidden: [/utilisateurs|users/i] },
  TRANSLATOR: { visible: [/articles/i], hidden: [/utilisateurs|users/i, /^import$/i] },
} as const;

for (const [role, nav] of Object.entries(navByRole)) {
  test.describe(`${role}`, () => {
    test.use({ storageState: storageStateFor(role as keyof typeof navByRole) });

    test(`sees the navigation a ${role.toLowerCase()} may use`, async ({ page }) => {
      await page.goto("/admin");
      const menu = page.getByRole("navigation", { name: /administration/i });
      for (const name of nav.visible) await expect(menu.getByRole("link", { name })).toBeVisible();
      for (const name of nav.hidden) await expect(menu.getByRole("link", { name })).toHaveCount(0);
    });
  });
}

test.describe("translator", () => {
  test.use({ storageState: storageStateFor("TRANSLATOR") });

  test("cannot open user management", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/pas accès|no access|do not have access/i);
    await expect(page.getByRole("button", { name: /créer l’utilisateur|create user/i })).toHaveCount(0);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("opens user management and sees the demo accounts", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/utilisateurs|users/i);
    await expect(page.getByTestId("user-row-editor@desk.local")).toBeVisible();
    await expect(page.getByTestId("user-row-translator@desk.local")).toBeVisible();
  });
});
