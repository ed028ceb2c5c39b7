// The desk's one list component (issue 17, items 6 and 10), on the article list: a header sorts in
// the database through the URL, filters live in the URL (Back restores them), ticking rows shows the
// selection bar and a bulk action works, an empty result says what to do. On users and tags a header
// sorts too and Back restores it; every list page shows cards at 390 px without sideways scroll and
// has no WCAG 2.2 AA violation at either width.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";

/** Every page built on the list component, with a role that may see it. */
const LIST_PAGES = [
  { path: "/admin/articles", role: "EDITOR" },
  { path: "/admin/import", role: "EDITOR" },
  { path: "/admin/users", role: "ADMIN" },
  { path: "/admin/audit", role: "ADMIN" },
  { path: "/admin/tags", role: "EDITOR" },
  { path: "/admin/media", role: "EDITOR" },
  { path: "/admin/account", role: "EDITOR" },
  { path: "/admin/security", role: "ADMIN" },
] as const;

const SHOTS = "/tmp/p4a-shots";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const token = () => randomUUID().replace(/-/g, "").slice(0, 10);

async function createUsers(word: string) {
  // "000…" sorts before every seeded and test-made name, so the three stay on the first page.
  for (const letter of ["b", "c", "a"]) {
    await queryDatabase(
      `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, $3, 'EDITOR', 'unused', now())`,
      [`e2e-${randomUUID()}`, `${letter}-${word}@desk.test`, `000 ${letter} ${word}`],
    );
  }
}

async function createTags(word: string) {
  for (const [letter, type] of [
    ["b", "TOPIC"],
    ["c", "EVENT"],
    ["a", "PLACE"],
  ] as const) {
    const id = `e2e-${randomUUID()}`;
    await queryDatabase(`INSERT INTO tags (id, type, updated_at) VALUES ($1, $2::"TagType", now())`, [id, type]);
    for (const language of ["fr", "en"]) {
      const label = `${letter} ${word}`;
      await queryDatabase(`INSERT INTO tag_labels (id, tag_id, language, label, normalized, slug) VALUES ($1, $2, $3, $4, $4, $5)`, [
        `e2e-${randomUUID()}`,
        id,
        language,
        label,
        `${letter}-${word}-${language}`,
      ]);
    }
  }
}

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

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("users: a header sorts in the database and the URL, and Back restores the sort", async ({ page }) => {
    const word = `zu${token()}`;
    await createUsers(word);
    const mine = page.getByTestId("user-list").locator("tbody tr").filter({ hasText: word }).locator("td:first-child");
    await page.goto("/admin/users");
    const header = page.getByRole("columnheader", { name: /^nom|^name/i });
    await header.getByRole("link").click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(mine).toHaveText([`000 a ${word}`, `000 b ${word}`, `000 c ${word}`]);
    await header.getByRole("link").click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await page.goBack();
    await expect(page).toHaveURL(/sort=name$/);
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(mine).toHaveText([`000 a ${word}`, `000 b ${word}`, `000 c ${word}`]);
  });
});

test("tags: a header sorts within the search, the URL keeps both, and Back restores the sort", async ({ page }) => {
  const word = `zt${token()}`;
  await createTags(word);
  const labels = page.getByTestId("tag-list").locator("tbody tr td:first-child");
  await page.goto(`/admin/tags?q=${word}`);
  await expect(labels).toHaveText([`a ${word}`, `b ${word}`, `c ${word}`]);
  const type = page.getByRole("columnheader", { name: /^type/i });
  await type.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`q=${word}&sort=type`));
  // Types in their stored order: EVENT, PLACE, TOPIC.
  await expect(labels).toHaveText([`c ${word}`, `a ${word}`, `b ${word}`]);
  const label = page.getByRole("columnheader", { name: /^libellé français|^french label/i });
  await label.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`q=${word}$`));
  await label.getByRole("link").click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(labels).toHaveText([`c ${word}`, `b ${word}`, `a ${word}`]);
  await page.goBack();
  await expect(labels).toHaveText([`a ${word}`, `b ${word}`, `c ${word}`]);
  await page.goBack();
  await expect(page).toHaveURL(/sort=type/);
  await expect(labels).toHaveText([`c ${word}`, `a ${word}`, `b ${word}`]);
});

test("tags and photos: an empty list says what to do", async ({ page }) => {
  await page.goto(`/admin/tags?q=zz${token()}`);
  await expect(page.getByTestId("list-empty")).toContainText(/aucun mot-clé ne correspond|no tag matches/i);
  await page.goto(`/admin/media?q=zz${token()}`);
  const empty = page.getByTestId("list-empty");
  await expect(empty).toContainText(/aucune photo ne correspond|no photo matches/i);
  await empty.getByRole("link", { name: /effacer les filtres|clear filters/i }).click();
  await expect(page).toHaveURL(/\/admin\/media$/);
});

for (const { path, role } of LIST_PAGES) {
  test(`${path}: cards at 390 px without sideways scroll, and no WCAG 2.2 AA violation at either width`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ storageState: storageStateFor(role) });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(path);
    const wide = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(wide.violations).toEqual([]);
    const shot = path.split("/").pop();
    await page.screenshot({ path: `${SHOTS}/${shot}-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement!;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    // Cards: the header row is hidden and each row is a box of its own.
    const firstRow = page.locator("main table tbody tr").first();
    if (await firstRow.count()) {
      await expect(page.locator("main table thead").first()).toBeHidden();
      await expect(firstRow).toHaveCSS("display", "flex");
    }
    const narrow = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(narrow.violations).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${shot}-390.png`, fullPage: true });
    await context.close();
  });
}
