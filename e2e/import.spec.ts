// An editor uploads two wire files, reviews one, undoes a cleaning change, accepts both one after the
// other (a batch), and finds the drafts in the article list; the review walks its changes with j/k.
// Bad files get a clear refusal on their own row.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./helpers";

const fixtures = path.join(import.meta.dirname, "..", "lib", "import", "fixtures");

test.use({ storageState: storageStateFor("EDITOR") });

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const acceptButton = (page: Page) => page.getByRole("button", { name: /accepter et créer le brouillon|accept and create the draft/i });

test("upload two files, undo one change, accept both one after the other, find the drafts", async ({ page }) => {
  // Three saves that each run the pipeline again, two accepts and two uploads: over 30 s on a loaded runner.
  test.slow();
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
  await expect(page.getByText(/fichier 1 sur 2|file 1 of 2/i)).toBeVisible();
  const cleaned = page.getByTestId("cleaned-article");
  await expect(cleaned).toContainText("créance. Le");
  // The change is marked in both texts: where it stood in the original, what it put in the article.
  const glued = page.getByTestId("change").filter({ hasText: "créance.Le" });
  await expect(page.getByTestId("raw-text").locator("mark", { hasText: "créance.Le" })).toBeVisible();
  await expect(cleaned.locator("mark", { hasText: "créance. Le" })).toBeVisible();

  // Undo of that one change puts its original text back in the right column at once.
  await glued.getByRole("button", { name: /annuler|undo/i }).click();
  await expect(cleaned).toContainText("créance.Le");
  await expect(cleaned.locator("mark", { hasText: "créance.Le" })).toBeVisible();
  await expect(page.getByTestId("change").filter({ hasText: "créance.Le" })).toHaveAttribute("data-applied", "false");
  // Redo applies it again; the review keeps what was last chosen (undone) when accepting.
  await page
    .getByTestId("change")
    .filter({ hasText: "créance.Le" })
    .getByRole("button", { name: /rétablir|redo/i })
    .click();
  await expect(cleaned).toContainText("créance. Le");
  await page
    .getByTestId("change")
    .filter({ hasText: "créance.Le" })
    .getByRole("button", { name: /annuler|undo/i })
    .click();
  await expect(cleaned).toContainText("créance.Le");

  // Accepting goes on to the other file of the same upload, not back to the list.
  await acceptButton(page).click();
  await expect(page).toHaveURL(/\/admin\/import\/[^/?]+\?accepted=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("en-wvr-repeated-body.txt");
  await expect(page.getByText(/fichier 2 sur 2|file 2 of 2/i)).toBeVisible();
  // The last one waiting: back to the list.
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page).toHaveURL(/\/admin\/import\?accepted=1/);

  await page.goto("/admin/articles");
  await expect(page.getByRole("link", { name: /Le ministre des Affaires étrangères Bui Thanh Son a reçu mercredi/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Vietnam, Japan agree to deepen extensive strategic partnership" })).toBeVisible();
});

test("the review walks its changes with j and k, announces each, and passes axe side by side and as tabs", async ({ page }, testInfo) => {
  // An upload, two full-page screenshots and two axe runs over a long review page.
  test.slow();
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles(path.join(fixtures, "fr-uncredited-header-caption.txt"));
  const row = page.getByTestId("import-rows").getByRole("listitem").filter({ hasText: "fr-uncredited-header-caption.txt" });
  await expect(row).toContainText(/prêt à relire|ready for review/i);
  await row.getByRole("link", { name: /relire|review/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("fr-uncredited-header-caption.txt");
  const changes = page.getByTestId("change");
  const total = await changes.count();
  expect(total, "the sample needs at least two changes to walk").toBeGreaterThanOrEqual(2);

  const focusedChange = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.change ?? null);
  const announcer = page.getByTestId("change-announcer");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await expect(announcer).toHaveText(new RegExp(`^(Modification|Change) 1 (sur|of) ${total} ?: .+`));
  const first = await focusedChange();
  expect(first).not.toBeNull();
  await page.keyboard.press("j");
  await expect(announcer).toContainText(/ 2 (sur|of) /);
  const second = await focusedChange();
  expect(second).not.toBeNull();
  expect(second).not.toBe(first);
  await expect(page.locator(`mark[data-change="${second}"][data-current]`).first()).toBeVisible();
  await page.keyboard.press("k");
  await expect(announcer).toContainText(/ 1 (sur|of) /);
  expect(await focusedChange()).toBe(first);
  // Typing in a field is text, not a move.
  await page.getByLabel(/^(titre|title)$/i).press("j");
  await expect(announcer).toContainText(/ 1 (sur|of) /);

  for (const [name, width, height] of [
    ["desktop", 1366, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (width === 390) {
      // The two texts become tabs; the cleaned one first.
      await expect(page.getByRole("tab", { name: /nettoyé|cleaned/i })).toHaveAttribute("aria-selected", "true");
      await page.getByRole("tab", { name: /original/i }).click();
      await expect(page.getByTestId("raw-text")).toBeVisible();
    } else {
      await expect(page.getByTestId("raw-text")).toBeVisible();
      await expect(page.getByTestId("cleaned-article")).toBeVisible();
    }
    await page.screenshot({ path: testInfo.outputPath(`import-review-${name}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
  }
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
