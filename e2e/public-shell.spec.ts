// The reader shell: the root redirects by the browser's language, both locales render, health.
import { expect, test } from "@playwright/test";

test("the root redirects to English for an English browser and to French for a French one", async ({ browser }) => {
  // Chromium derives Accept-Language from the context's locale.
  for (const [browserLocale, locale] of [
    ["en-GB", "en"],
    ["fr-FR", "fr"],
  ] as const) {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await context.close();
  }
});

test("the language switch moves between the French and English home pages", async ({ page }) => {
  await page.goto("/fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Derniers articles");
  await page.getByRole("link", { name: "Read in English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest articles");
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
});
