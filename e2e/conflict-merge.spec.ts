// Two editors on one imported article (issue 22, item 5): a save refused because the other saved in
// between is merged by paragraph. Changes to different paragraphs are merged and saved without a
// question; a paragraph both changed is shown side by side, nothing is saved (autosave included)
// until the person chooses or combines, and the stored text is that choice.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { demoUser, queryDatabase, storageStateFor } from "./helpers";

const root = path.join(import.meta.dirname, "..");
const AUTOSAVE_WAIT_MS = 3_000; // past the editor's 2 s autosave delay
const MERGED = /fusionné avec les modifications de Demo Editor|merged with Demo Editor/i;
const MERGED_ADMIN = /fusionné avec les modifications de Demo Admin|merged with Demo Admin/i;

test.describe.configure({ timeout: 180_000 });

/** The French sample through the real import pipeline, every sentence marked so it duplicates nothing stored. */
async function importDraft(dir: string): Promise<string> {
  const run = `cm${randomUUID().slice(0, 8)}`;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${run}-004.txt`);
  const text = readFileSync(path.join(root, "seed", "sample-articles", "004_1b329f662bd1b222.txt"), "utf8");
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
  return row!.id;
}

async function pageAs(browser: Browser, role: "EDITOR" | "ADMIN"): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role), viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

/** Puts the cursor at the end of a paragraph (not of its first line) and types there. */
async function typeAtEndOf(paragraph: Locator, text: string) {
  await paragraph.click();
  await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await paragraph.page().keyboard.type(text);
}

const paragraph = (page: Page, index: number) => page.locator("#article-body > p").nth(index);
const save = (page: Page) => page.getByRole("button", { name: /^(enregistrer|save)$/i }).click();

async function stored(versionId: string) {
  const [row] = await queryDatabase<{ body_text: string; version: number }>(
    `SELECT body_text, version FROM article_versions WHERE id = $1`,
    [versionId],
  );
  return row!;
}

test("changes to different paragraphs merge and save without a question; a paragraph both changed waits for the person's choice", async ({
  browser,
}, testInfo) => {
  const versionId = await importDraft(testInfo.outputDir);
  const [a, b] = [await pageAs(browser, "EDITOR"), await pageAs(browser, "ADMIN")];
  for (const page of [a, b]) {
    await page.goto(`/admin/articles/${versionId}`);
    await expect(paragraph(page, 2)).toBeVisible();
  }
  const run = randomUUID().slice(0, 6);
  const [a1, b3, a2, b2, combined] = ["A1", "B3", "A2", "B2", "Combiné"].map((label) => ` ${label}-${run}.`);

  // A edits paragraph 1 and saves; B, still on the version both opened, edits paragraph 3 and saves.
  await typeAtEndOf(paragraph(a, 0), a1!);
  await save(a);
  await expect(a.getByTestId("save-status")).toHaveText(/enregistré à|saved at/i, { timeout: 15_000 });
  await typeAtEndOf(paragraph(b, 2), b3!);
  await save(b);
  await expect(b.getByTestId("save-status")).toHaveText(MERGED, { timeout: 15_000 });
  await expect(b.getByTestId("conflict")).toHaveCount(0);
  await expect(paragraph(b, 0)).toContainText(a1!.trim());
  await expect(paragraph(b, 2)).toContainText(b3!.trim());
  let row = await stored(versionId);
  expect(row.body_text).toContain(a1!.trim());
  expect(row.body_text).toContain(b3!.trim());

  // Both edit paragraph 2: A's save merges B's paragraph 3; B's save meets A's paragraph 2.
  await typeAtEndOf(paragraph(a, 1), a2!);
  await save(a);
  await expect(a.getByTestId("save-status")).toHaveText(MERGED_ADMIN, { timeout: 15_000 });
  await expect(paragraph(a, 2)).toContainText(b3!.trim());
  await typeAtEndOf(paragraph(b, 1), b2!);
  await save(b);
  const conflict = b.getByTestId("conflict");
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(b.getByTestId("save-status")).toHaveText(/non enregistré|not saved/i);
  await expect(b.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
  // Only the paragraph both changed, theirs beside mine.
  const parts = conflict.getByTestId("conflict-part");
  await expect(parts).toHaveCount(1);
  await expect(parts.getByTestId("conflict-theirs")).toContainText(a2!.trim());
  await expect(parts.getByTestId("conflict-mine")).toContainText(b2!.trim());
  await expect(conflict).not.toContainText(a1!.trim());
  // B's whole text is still in the editor, and nothing of it was written, autosave included.
  await expect(paragraph(b, 1)).toContainText(b2!.trim());
  const before = await stored(versionId);
  await b.waitForTimeout(AUTOSAVE_WAIT_MS);
  row = await stored(versionId);
  expect(row.version).toBe(before.version);
  expect(row.body_text).not.toContain(b2!.trim());

  for (const width of [1366, 390]) {
    await b.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
    await conflict.scrollIntoViewIfNeeded();
    // Kept past the run (the runner removes its own output folder) to be looked at.
    await b.screenshot({ path: path.join(root, "test-results", "conflict-merge", `conflict-${width}.png`), fullPage: width < 1000 });
  }
  await b.setViewportSize({ width: 1366, height: 900 });

  // B keeps theirs and adds a sentence to it: that combination is what is stored.
  await parts.getByRole("button", { name: /garder le leur|keep theirs/i }).click();
  await typeAtEndOf(parts.getByTestId("conflict-combined").locator(".ProseMirror > p").last(), combined!);
  await conflict.getByRole("button", { name: /enregistrer la version fusionnée|save the merged version/i }).click();
  await expect(b.getByTestId("save-status")).toHaveText(MERGED, { timeout: 15_000 });
  await expect(b.getByTestId("conflict")).toHaveCount(0);
  row = await stored(versionId);
  for (const part of [a1, b3, a2, combined]) expect(row.body_text).toContain(part!.trim());
  expect(row.body_text).not.toContain(b2!.trim());
  await expect(paragraph(b, 1)).toContainText(`${a2!.trim()}${combined}`);
  await expect(paragraph(b, 1)).not.toContainText(b2!.trim());

  await a.context().close();
  await b.context().close();
});
