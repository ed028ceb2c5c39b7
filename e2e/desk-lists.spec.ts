// The desk's one list component (issue 17, items 6 and 10), on the article list: a header sorts in
// the database through the URL, filters live in the URL (Back restores them), ticking rows shows the
// selection bar and a bulk action works, an empty result says what to do; every list page has no
// sideways scroll at 390 px and no WCAG 2.2 AA violation.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";

/** Every page built on the list component, with a role that may see it. */
const LIST_PAGES = [
  { path: "/admin/articles", role: "EDITOR" },
  { path: "/admin/import", role: "EDITOR" },
] as const;

async function createStory(status: string, title: string) {
  const articleId = `e2e-${randomUUID()}`;
  const id = `e2e-${randomUUID()}`;
  const body = { type: "doc", content: [{ type: "paragraph", attrs: { blockId: "b1" }, content: [{ type: "text", text: title }] }] };
  await queryDatabase(`INSERT INTO articles (id, source_language, updated_at) VALUES ($1, 'fr', now())`, [articleId]);
  await queryDatabase(
    `INSERT INTO article_versions (id, article_id, language, status, title, slug, body_json, body_text, updated_at)
     VALUES ($1, $2, 'fr', $3::"VersionStatus", $4, $5, $6, $4, now())`,
    [id, articleId, status, title, id, JSON.stringify(body)],
  );
  return { id, title };
}

const titles = (page: Page) => page.getByTestId("article-list").locator("tbody tr td:nth-child(2) a");

test.use({ storageState: storageStateFor("EDITOR") });

test("a header sorts the list in the database and says so in the URL", async ({ page }) => {
  const word = `zs${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  for (const letter of ["b", "c", "a"]) await createStory("DRAFT", `${letter} ${word}`);
  await page.goto(`/admin/articles?q=${word}`);
  const header = page.getByRole("columnheader", { name: /^titre|^title/i });
  await header.getByRole("link").click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(titles(page)).toHaveText([`a ${word}`, `b ${word}`, `c ${word}`]);
  await header.getByRole("link").click();
  await expect(page).toHaveURL(/sort=title&dir=desc/);
  await expect(titles(page)).toHaveText([`c ${word}`, `b ${word}`, `a ${word}`]);
});

test("filters live in the URL and Back restores them", async ({ page }) => {
  const word = `zf${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await createStory("DRAFT", `Draft ${word}`);
  await createStory("APPROVED", `Approved ${word}`);
  await page.goto(`/admin/articles?q=${word}`);
  await expect(titles(page)).toHaveCount(2);
  await page.getByLabel(/^état$|^state$/i).selectOption("APPROVED");
  await page.getByRole("button", { name: /^afficher$|^show$/i }).click();
  await expect(page).toHaveURL(/status=APPROVED/);
  await expect(titles(page)).toHaveText([`Approved ${word}`]);
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(titles(page)).toHaveCount(2);
  await expect(page.getByLabel(/^état$|^state$/i)).toHaveValue("");
});

test("ticking two rows shows the selection bar, and a bulk action works", async ({ page }) => {
  const word = `zb${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const stories = [await createStory("APPROVED", `One ${word}`), await createStory("APPROVED", `Two ${word}`)];
  await page.goto(`/admin/articles?q=${word}`);
  const bar = page.getByTestId("selection-bar");
  await expect(bar).toBeHidden();
  for (const story of stories) await page.getByRole("checkbox", { name: story.title }).check();
  await expect(bar).toBeVisible();
  await expect(page.getByTestId("selection-count")).toHaveText(/^2 /);
  await page.getByLabel(/^opération$|^operation$/i).selectOption("archive");
  await page.getByRole("button", { name: /^appliquer$|^apply$/i }).click();
  await expect(page.getByTestId("bulk-summary")).toHaveText(/2 archivées|2 archived/);
  const states = await queryDatabase<{ status: string }>(`SELECT status::text AS status FROM article_versions WHERE id = ANY($1)`, [
    stories.map((story) => story.id),
  ]);
  expect(states.map((state) => state.status)).toEqual(["ARCHIVED", "ARCHIVED"]);
});

test("a row's actions are in a menu", async ({ page }) => {
  const word = `zm${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const story = await createStory("DRAFT", `Menu ${word}`);
  await page.goto(`/admin/articles?q=${word}`);
  await page.getByRole("button", { name: new RegExp(story.title) }).click();
  await page.getByRole("menuitem", { name: /workflow/i }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${story.id}/workflow`));
});

test("an empty result says what to do", async ({ page }) => {
  await page.goto(`/admin/articles?q=zz${randomUUID().replace(/-/g, "")}`);
  const empty = page.getByTestId("list-empty");
  await expect(empty).toContainText(/aucune version ne correspond|no version matches/i);
  await empty.getByRole("link", { name: /effacer les filtres|clear filters/i }).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
});

for (const { path, role } of LIST_PAGES) {
  test(`${path}: cards at 390 px without sideways scroll, and no WCAG 2.2 AA violation at either width`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ storageState: storageStateFor(role) });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(path);
    const wide = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(wide.violations).toEqual([]);
    await page.screenshot({ path: test.info().outputPath("list-1366.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement!;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    const narrow = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(narrow.violations).toEqual([]);
    await page.screenshot({ path: test.info().outputPath("list-390.png"), fullPage: true });
    await context.close();
  });
}
