// The desk shell (issue 17): the sidebar follows the permission table and marks the current page,
// collapses into a keyboard-operable drawer at phone width, the user menu switches the theme (kept
// across reloads) and signs out, the command palette finds an article by title, and axe finds no
// WCAG 2.2 AA violation on the dashboard and the article list, light or dark.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoUser, openUserMenu, queryDatabase, signIn, signOutThroughMenu, storageStateFor } from "./helpers";

const sidebarByRole = {
  ADMIN: { visible: [/^(utilisateurs|users)$/i, /^(journal d’audit|audit log)$/i, /^(sécurité|security)$/i, /^import$/i], hidden: [] },
  EDITOR: {
    visible: [/^import$/i, /^(étiquettes|tags)$/i, /^(traductions|translations)$/i],
    hidden: [/^(utilisateurs|users)$/i, /audit/i],
  },
  TRANSLATOR: {
    visible: [/^(tableau de bord|dashboard)$/i, /^articles$/i, /^(traductions|translations)$/i, /^photos$/i],
    hidden: [/^(utilisateurs|users)$/i, /^(étiquettes|tags)$/i, /^import$/i, /audit/i, /^(sécurité|security)$/i],
  },
} as const;

const sidebar = (page: Page) => page.getByRole("navigation", { name: /administration/i });

for (const [role, entries] of Object.entries(sidebarByRole)) {
  test(`the sidebar shows a ${role.toLowerCase()} the pages of that role`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor(role as keyof typeof sidebarByRole) });
    const page = await context.newPage();
    await page.goto("/admin");
    for (const name of entries.visible) await expect(sidebar(page).getByRole("link", { name })).toBeVisible();
    for (const name of entries.hidden) await expect(sidebar(page).getByRole("link", { name })).toHaveCount(0);
    await context.close();
  });
}

test.describe("as an editor", () => {
  test.use({ storageState: storageStateFor("EDITOR") });

  test("the current page is marked in the sidebar, also on its sub-pages", async ({ page }) => {
    await page.goto("/admin/articles");
    await expect(sidebar(page).getByRole("link", { name: /^articles$/i })).toHaveAttribute("aria-current", "page");
    await expect(sidebar(page).getByRole("link", { name: /tableau de bord|dashboard/i })).not.toHaveAttribute("aria-current", /.*/);
    await expect(sidebar(page).locator('[aria-current="page"]')).toHaveCount(1);
    await page.goto("/admin/translations/glossary");
    await expect(sidebar(page).getByRole("link", { name: /^(traductions|translations)$/i })).toHaveAttribute("aria-current", "page");
  });

  test("at phone width the sidebar is a drawer that opens and closes with the keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/admin");
    await expect(sidebar(page)).toHaveCount(0);
    const button = page.getByRole("button", { name: /ouvrir le menu|open the menu/i });
    await button.focus();
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog");
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole("navigation", { name: /administration/i }).getByRole("link", { name: /^articles$/i })).toBeVisible();
    // Focus is trapped inside: tabbing many times never leaves the drawer.
    for (let press = 0; press < 15; press += 1) await page.keyboard.press("Tab");
    expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(drawer).toHaveCount(0);
    await expect(button).toBeFocused();

    await button.click();
    await page
      .getByRole("dialog")
      .getByRole("link", { name: /^articles$/i })
      .click();
    await expect(page).toHaveURL(/\/admin\/articles$/);
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("the command palette finds an imported article by its title and opens it", async ({ page }) => {
    // A story the seed brought in through the import pipeline, with a title no other version has.
    const [story] = await queryDatabase<{ id: string; title: string }>(
      `SELECT v.id, v.title FROM article_versions v
       WHERE length(v.title) > 30 AND (SELECT count(*) FROM article_versions w WHERE w.title = v.title) = 1
       ORDER BY v.created_at ASC LIMIT 1`,
    );
    expect(story, "a seeded story with a unique title").toBeTruthy();
    await page.goto("/admin");
    await page.keyboard.press("Control+k");
    const palette = page.getByTestId("command-palette");
    await expect(palette).toBeVisible();
    const words = story!.title
      .match(/[\p{L}\p{N}]+/gu)!
      .slice(0, 6)
      .join(" ");
    await palette.getByRole("combobox").fill(words);
    const option = palette.getByRole("option", { name: story!.title });
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(new RegExp(`/admin/articles/${story!.id}$`));
    await expect(palette).toHaveCount(0);

    // Pages are there too, and `?` lists the shortcuts.
    await page.keyboard.press("Control+k");
    await page.getByTestId("command-palette").getByRole("combobox").fill("import");
    await expect(page.getByTestId("command-palette").getByRole("option", { name: /lancer un import|start an import/i })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.locator("body").press("?");
    await expect(page.getByTestId("shortcuts-dialog")).toContainText(/Ctrl/);
  });

  test("the theme switch sets the dark class and keeps it across a reload", async ({ page }) => {
    await page.goto("/admin");
    const html = page.locator("html");
    await expect(html).not.toHaveClass(/\bdark\b/);
    let menu = await openUserMenu(page);
    await menu.getByRole("menuitemradio", { name: /sombre|dark/i }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    menu = await openUserMenu(page);
    await expect(menu.getByRole("menuitemradio", { name: /sombre|dark/i })).toHaveAttribute("aria-checked", "true");
    await menu.getByRole("menuitemradio", { name: /clair|light/i }).click();
    await expect(html).toHaveClass(/\blight\b/);
    await expect(html).not.toHaveClass(/\bdark\b/);
  });
});

test("the user menu signs out (a fresh sign-in, so the shared sessions live on)", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const editor = demoUser("EDITOR");
  await signIn(page, editor.email, editor.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(editor.name);
  await signOutThroughMenu(page);
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no WCAG 2.2 AA violation on the dashboard and the article list (${theme})`, async ({ browser, baseURL }) => {
    // Two pages, each built and scanned in full: slower than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: storageStateFor("EDITOR"), colorScheme: theme });
    await context.addCookies([{ name: "desk-theme", value: theme, url: baseURL! }]);
    const page = await context.newPage();
    for (const path of ["/admin", "/admin/articles"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      const summary = results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
      expect(summary, `${path} (${theme})`).toEqual([]);
    }
    await context.close();
  });
}
