// Every desk page, as each role, passes axe-core's WCAG 2.2 AA rules: the top-level pages and the
// nested ones (an article's editor, workflow and history, an import review, a tag, a photo, a
// translation, an ingest source), each opened with a real id from the seeded desk. A page a role
// may not open shows its refusal page, which is checked too. And one journey with the keyboard
// alone: import a file, open the draft, edit, submit, approve, publish, every focus visible.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Role } from "../lib/generated/prisma/enums";
import { queryDatabase, storageStateFor } from "./helpers";
import { uniqueToken } from "./public-fixtures";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const TOP_LEVEL = [
  "/admin",
  "/admin/articles",
  "/admin/import",
  "/admin/ingest",
  "/admin/translations",
  "/admin/translations/glossary",
  "/admin/translations/pairs",
  "/admin/media",
  "/admin/tags",
  "/admin/users",
  "/admin/audit",
  "/admin/security",
  "/admin/api-keys",
  "/admin/webhooks",
  "/admin/account",
];

/** Nested pages with ids from the seeded desk (a page whose subject the seed lacks is left out). */
async function nestedPages(): Promise<string[]> {
  const first = async <Row extends Record<string, string>>(sql: string) => (await queryDatabase<Row>(sql))[0];
  const version = await first<{ id: string; articleId: string }>(
    `SELECT v.id, v.article_id AS "articleId" FROM article_versions v JOIN articles a ON a.id = v.article_id
      WHERE v.language = a.source_language ORDER BY v.created_at LIMIT 1`,
  );
  const translation = await first<{ articleId: string; language: string }>(
    `SELECT v.article_id AS "articleId", v.language FROM article_versions v JOIN articles a ON a.id = v.article_id
      WHERE v.language <> a.source_language ORDER BY v.created_at LIMIT 1`,
  );
  const importRecord = await first<{ id: string }>(`SELECT id FROM import_records ORDER BY created_at LIMIT 1`);
  const tag = await first<{ id: string }>(`SELECT id FROM tags WHERE merged_into_id IS NULL ORDER BY created_at LIMIT 1`);
  const photo = await first<{ id: string }>(`SELECT id FROM media_assets ORDER BY created_at LIMIT 1`);
  const source = await first<{ id: string }>(`SELECT id FROM ingest_sources ORDER BY created_at LIMIT 1`);
  const pages: string[] = [];
  if (version) {
    pages.push(`/admin/articles/${version.id}`, `/admin/articles/${version.id}/workflow`, `/admin/articles/${version.id}/history`);
    pages.push(`/admin/tags/article/${version.articleId}`, `/admin/media/article/${version.articleId}`);
  }
  if (translation) pages.push(`/admin/translations/${translation.articleId}/${translation.language}`);
  if (importRecord) pages.push(`/admin/import/${importRecord.id}`);
  if (tag) pages.push(`/admin/tags/${tag.id}`);
  if (photo) pages.push(`/admin/media/${photo.id}`);
  if (source) pages.push(`/admin/ingest/${source.id}`);
  return pages;
}

for (const role of ["ADMIN", "EDITOR", "TRANSLATOR"] as const satisfies readonly Role[]) {
  test.describe(`as ${role.toLowerCase()}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test(`axe finds no WCAG 2.2 AA violation on any desk page`, async ({ page }) => {
      test.setTimeout(300_000); // about thirty pages, each loaded and analysed
      const pages = [...TOP_LEVEL, ...(await nestedPages())];
      expect(pages.length).toBeGreaterThan(TOP_LEVEL.length + 5);
      const violations: string[] = [];
      let refusalChecked = false;
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBeLessThan(500);
        await expect(page.locator("main h1").first()).toBeVisible();
        // The refusal page is one and the same wherever it stands in: analysed once per role.
        const refused = (await page.locator("#denied-title").count()) > 0;
        if (refused && refusalChecked) continue;
        refusalChecked ||= refused;
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        for (const violation of results.violations)
          violations.push(
            `${path}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(" ")} — ${violation.help}`,
          );
      }
      expect(violations).toEqual([]);
    });
  });
}

/** Presses Tab until `target` has the focus (as a keyboard user would), checking each stop shows it. */
async function tabTo(page: Page, target: Locator, maxStops = 80): Promise<void> {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      // The article's text shows its caret where typing goes; every other stop must show a ring.
      if (!element || element === document.body || element.isContentEditable) return null;
      const style = getComputedStyle(element);
      return {
        visible: style.outlineStyle !== "none" && style.outlineWidth !== "0px" ? true : style.boxShadow !== "none",
        tag: element.outerHTML.slice(0, 120),
      };
    });
    if (focus && !focus.visible) throw new Error(`focus is not visible on ${focus.tag}`);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error("the keyboard never reached the target");
}

test.describe("with the keyboard alone", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("import, open the draft, edit, submit, approve and publish", async ({ page }) => {
    test.slow(); // an import, four workflow steps and a save
    const token = uniqueToken();
    const title = `Le ministre reçoit l’ambassadeur de Finlande ${token}`;
    const file = path.join(tmpdir(), `clavier-${token}.txt`);
    await writeFile(
      file,
      `${title}\n\nHanoï, 6 décembre (VNA) – Le ministre des Affaires étrangères a reçu mardi l’ambassadeur ${token} pour évoquer la coopération bilatérale.\n\nLes deux parties ont convenu de renforcer les échanges de délégations.\n`,
    );
    await page.goto("/admin/import");
    await tabTo(page, page.getByLabel(/fichiers de dépêches|wire files/i));
    const chooser = page.waitForEvent("filechooser");
    await page.keyboard.press("Space");
    await (await chooser).setFiles(file);
    const row = page
      .getByTestId("import-rows")
      .getByRole("listitem")
      .filter({ hasText: path.basename(file) });
    await expect(row).toContainText(/prêt à relire|ready for review/i, { timeout: 30_000 });
    await tabTo(page, row.getByRole("link", { name: /relire|review/i }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(path.basename(file));
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(page).toHaveURL(/\/admin\/import\?accepted=1/);

    // The command palette opens the new draft by its title.
    await page.keyboard.press("ControlOrMeta+k");
    const palette = page.getByTestId("command-palette");
    await page.keyboard.type(`ambassadeur de Finlande ${token}`);
    await expect(palette.getByRole("option", { name: title })).toBeVisible();
    const option = palette.getByRole("option", { name: title });
    for (let step = 0; step < 10 && (await option.getAttribute("aria-selected")) !== "true"; step++) await page.keyboard.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/articles\/[^/]+$/);
    const body = page.locator('#article-body[contenteditable="true"]');
    await expect(body).toBeVisible();

    await tabTo(page, body);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" Une visite est prévue au printemps.");
    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /^(saved|clean)$/, { timeout: 15_000 });
    const state = page.getByTestId("workflow-state");
    for (const next of ["IN_REVIEW", "APPROVED", "PUBLISHED"]) {
      await page.keyboard.press("ControlOrMeta+Enter");
      await expect(state).toHaveAttribute("data-status", next, { timeout: 15_000 });
    }
    await expect(body).toContainText("Une visite est prévue au printemps.");
  });
});
