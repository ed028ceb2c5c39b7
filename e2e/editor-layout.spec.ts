// The editor-first article page (issue 17, items 3, 4 and 10) on an imported article: the title
// and body are the page, the details in a tabbed document panel (a drawer at phone width), the
// status bar's one primary action runs with Ctrl+Enter, tag suggestions are chips decided in one
// click or key, and axe finds no WCAG 2.2 AA violation at 1366 and 390 px. Screenshots of each.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoUser, queryDatabase, storageStateFor } from "./helpers";

const root = path.join(import.meta.dirname, "..");
const shots = path.join(root, "test-results", "screenshots", "editor-layout");

test.describe.configure({ timeout: 180_000 });

/** An imported wire story with photo captions, as the demo editor: the French draft's version id. */
async function importDraft(dir: string): Promise<{ versionId: string; articleId: string }> {
  const run = `el${randomUUID().slice(0, 8)}`;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${run}-000_2c278e109e592e51.txt`);
  const text = readFileSync(path.join(root, "seed", "sample-articles", "000_2c278e109e592e51.txt"), "utf8");
  writeFileSync(
    file,
    text.replace(/\.(\s)/g, (_match, space: string) => ` ${run}.${space}`),
  );
  const { stdout } = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/import.ts", "--json", "--as", demoUser("EDITOR").email, file],
    { cwd: root, env: process.env },
  );
  const [outcome] = JSON.parse(stdout) as { status: string; articleId: string }[];
  expect(outcome?.status).toBe("created");
  const [row] = await queryDatabase<{ id: string }>(
    `SELECT v.id FROM article_versions v JOIN articles a ON a.id = v.article_id AND a.source_language = v.language WHERE a.id = $1`,
    [outcome!.articleId],
  );
  return { versionId: row!.id, articleId: outcome!.articleId };
}

async function editorAt(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({
    storageState: storageStateFor("EDITOR"),
    viewport: { width, height: width > 600 ? 900 : 844 },
  });
  return context.newPage();
}

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary, what).toEqual([]);
}

const tab = (page: Page, name: RegExp) => page.getByRole("tab", { name });
const TAGS = /^(mots-clés|tags)$/i;

test("at 1366 px the text is the page, the details are in the panel's tabs, and Ctrl+Enter submits", async ({ browser }, testInfo) => {
  const { versionId } = await importDraft(testInfo.outputDir);
  const page = await editorAt(browser, 1366);
  await page.goto(`/admin/articles/${versionId}`);

  // The title is the large heading input at the top, the body right under it, above the fold.
  const title = page.getByRole("textbox", { name: /^(titre|title)$/i });
  await expect(title).toBeVisible();
  expect(await title.evaluate((node) => node.tagName)).toBe("TEXTAREA");
  expect(parseFloat(await title.evaluate((node) => getComputedStyle(node).fontSize))).toBeGreaterThanOrEqual(30);
  const body = page.locator("#article-body");
  await expect(body).toBeVisible();
  await page.screenshot({ path: path.join(shots, "editor-1366-details.png") });
  const bodyBox = await body.boundingBox();
  expect(bodyBox!.y, "the body starts above the fold").toBeLessThan(600);
  expect(bodyBox!.width, "the body is the main canvas").toBeGreaterThan(600);

  // The details are in the panel's first tab; the status bar has one primary action.
  const panel = page.getByRole("complementary", { name: /réglages du document|document settings/i });
  await expect(tab(page, /^(détails|details)$/i)).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByLabel(/^(slug|adresse)/i)).toBeVisible();
  await expect(panel.getByLabel(/chapô|standfirst/i)).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "clean");
  await page.screenshot({ path: path.join(shots, "editor-1366-full.png"), fullPage: true });
  await expectNoAxeViolations(page, "editor at 1366 px, details");

  // Tag suggestions as chips: name, type, how often; the sentence on focus; dismissed with a key.
  await tab(page, TAGS).click();
  const chips = page.getByTestId("tag-suggestion");
  await panel.getByRole("button", { name: /analyser|scan/i }).click();
  await expect(chips.first()).toBeVisible({ timeout: 15_000 });
  const count = await chips.count();
  await expect(chips.first()).toContainText(/\d+×/);
  await chips.first().locator("span[tabindex='0']").focus();
  await expect(page.getByRole("tooltip")).not.toBeEmpty();
  await page.screenshot({ path: path.join(shots, "editor-1366-tags.png") });
  await expectNoAxeViolations(page, "editor at 1366 px, tags");
  await chips
    .first()
    .getByRole("button", { name: /écarter|dismiss/i })
    .focus();
  await page.keyboard.press("Enter");
  await expect(chips).toHaveCount(count - 1, { timeout: 15_000 });

  for (const name of [/^photo$/i, /^(circuit|workflow)$/i, /^(commentaires|comments)$/i]) {
    await tab(page, name).click();
    await expect(page.getByRole("tabpanel")).toBeVisible();
  }
  await page.screenshot({ path: path.join(shots, "editor-1366-comments.png") });
  await expect(panel.getByRole("link", { name: /historique|history/i })).toHaveAttribute("href", `/admin/articles/${versionId}/history`);

  // The one primary action for a draft, with its shortcut: Ctrl+Enter from the body submits it.
  const primary = page.locator("[data-primary-action]");
  await expect(primary.getByRole("button")).toHaveText(/soumettre|submit/i);
  await body.click();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", "IN_REVIEW", { timeout: 15_000 });
  await page.context().close();
});

test("at 390 px the panel is a drawer behind a Document button", async ({ browser }, testInfo) => {
  const { versionId } = await importDraft(testInfo.outputDir);
  const page = await editorAt(browser, 390);
  await page.goto(`/admin/articles/${versionId}`);
  await expect(page.locator("#article-body")).toBeVisible();
  await expect(page.getByRole("complementary", { name: /réglages du document|document settings/i })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(390);
  await page.screenshot({ path: path.join(shots, "editor-390.png") });
  await expectNoAxeViolations(page, "editor at 390 px");

  await page.getByRole("button", { name: /^document$/i }).click();
  const drawer = page.getByRole("dialog", { name: /réglages du document|document settings/i });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByLabel(/chapô|standfirst/i)).toBeVisible();
  await page.screenshot({ path: path.join(shots, "editor-390-drawer.png") });
  await expectNoAxeViolations(page, "editor at 390 px, drawer");
  await drawer.getByRole("tab", { name: TAGS }).click();
  await drawer.getByRole("button", { name: /analyser|scan/i }).click();
  await expect(drawer.getByTestId("tag-suggestion").first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: path.join(shots, "editor-390-drawer-tags.png") });
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await page.context().close();
});
