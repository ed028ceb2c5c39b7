// An editor uploads two wire files, reviews one, undoes a cleaning change, accepts both, and finds
// the drafts in the article list. Bad files get a clear refusal on their own row.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

const fixtures = path.join(import.meta.dirname, "..", "lib", "import", "fixtures");

test.use({ storageState: storageStateFor("EDITOR") });

test("upload two files, undo one change, accept both, find the drafts", async ({ page }) => {
  await page.goto("/admin/import");
  await page
    .getByLabel(/fichiers de dépêches|wire files/i)
    .setInputFiles([path.join(fixtures, "fr-header-dateline-same-line.txt"), path.join(fixtures, "en-wvr-repeated-body.txt")]);
  const rows = page.getByTestId("import-rows").getByRole("listitem");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: /prêt à relire|ready for review/i })).toHaveCount(2);

  await rows
    .filter({ hasText: "fr-header-dateline-same-line.txt" })
    .getByRole("link", { name: /relire|review/i })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("fr-header-dateline-same-line.txt");
  const cleaned = page.getByTestId("cleaned-article");
  await expect(cleaned).toContainText("créance. Le");
  await expect(page.getByTestId("raw-text").locator("mark").first()).toBeVisible();

  const glued = page.getByTestId("change").filter({ hasText: "créance.Le" });
  await glued.getByRole("checkbox").uncheck();
  await page.getByRole("button", { name: /enregistrer la relecture|save the review/i }).click();
  await expect(page.getByText(/relecture enregistrée|review saved/i)).toBeVisible();
  await expect(cleaned).toContainText("créance.Le");
  await expect(page.getByTestId("change").filter({ hasText: "créance.Le" }).getByRole("checkbox")).not.toBeChecked();

  await page.getByRole("button", { name: /accepter et créer le brouillon|accept and create the draft/i }).click();
  await expect(page).toHaveURL(/\/admin\/import\?accepted=1/);

  await page.getByRole("link", { name: "en-wvr-repeated-body.txt" }).first().click();
  await page.getByRole("button", { name: /accepter et créer le brouillon|accept and create the draft/i }).click();
  await expect(page).toHaveURL(/\/admin\/import\?accepted=1/);

  await page.goto("/admin/articles");
  await expect(page.getByRole("link", { name: /Le ministre des Affaires étrangères Bui Thanh Son a reçu mercredi/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Vietnam, Japan agree to deepen extensive strategic partnership" })).toBeVisible();
});

test("bad files are refused on their own row, in the editor's language, and the others still import", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  // The pipeline's reasons are codes translated where they are shown: a French desk reads French.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: baseURL! }]);
  const empty = testInfo.outputPath("empty.txt");
  const png = testInfo.outputPath("photo.txt");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(empty, "");
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  await page.goto("/admin/import");
  await page
    .getByLabel(/fichiers de dépêches|wire files/i)
    .setInputFiles([empty, png, path.join(fixtures, "fr-uncredited-header-caption.txt")]);
  const rows = page.getByTestId("import-rows").getByRole("listitem");
  await expect(rows.filter({ hasText: "empty.txt" })).toContainText(/refusé/i);
  await expect(rows.filter({ hasText: "empty.txt" })).toContainText("Le fichier est vide.");
  await expect(rows.filter({ hasText: "photo.txt" })).toContainText("Ce n’est pas un fichier texte : il ressemble à un fichier PNG.");
  await expect(rows.filter({ hasText: "fr-uncredited-header-caption.txt" })).toContainText(/prêt à relire/i);
  for (const [name, width] of [
    ["desktop", 1366],
    ["phone", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    const file = `import-refused-fr-${name}.png`;
    await page.screenshot({
      path: process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, file) : testInfo.outputPath(file),
      fullPage: true,
    });
  }
});
