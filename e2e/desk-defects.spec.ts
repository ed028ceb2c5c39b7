// What the screen shows is what the desk stores (issue 22, items 1-3), on imported articles:
// accepting an import review takes the corrections on the screen, the workflow panel follows the
// editor's saved version and says why it refuses, and leaving asks only about unsaved typing.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoUser, queryDatabase, storageStateFor } from "./helpers";

const root = path.join(import.meta.dirname, "..");
const AUTOSAVE_WAIT_MS = 3_000; // past the editor's 2 s autosave delay

test.describe.configure({ timeout: 120_000 });

/** A sample wire file with every sentence marked by a fresh run id, so it duplicates nothing stored. */
function markedSample(dir: string, sample: string): string {
  const run = `dd${randomUUID().slice(0, 8)}`;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${run}-${sample}`);
  const text = readFileSync(path.join(root, "seed", "sample-articles", sample), "utf8");
  writeFileSync(
    file,
    text.replace(/\.(\s)/g, (_match, space: string) => ` ${run}.${space}`),
  );
  return file;
}

/** Through the real import pipeline and its command line, as the demo editor: the French draft's version id. */
async function importDraft(dir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    [
      "--conditions=react-server",
      "scripts/import.ts",
      "--json",
      "--as",
      demoUser("EDITOR").email,
      markedSample(dir, "004_1b329f662bd1b222.txt"),
    ],
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
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

/** Every dialog the page raises: confirms answered with `answer`, leaving the tab (beforeunload) allowed. */
function recordDialogs(page: Page, answer: "accept" | "dismiss"): string[] {
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void (answer === "accept" || dialog.type() === "beforeunload" ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

const leaveLink = (page: Page) => page.locator('a[href="/admin/articles"]').first();

async function uploadForReview(page: Page, dir: string): Promise<string> {
  const file = markedSample(dir, "000_2c278e109e592e51.txt");
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles([file]);
  const row = page
    .getByTestId("import-rows")
    .getByRole("listitem")
    .filter({ hasText: /prêt à relire|ready for review/i });
  await expect(row).toHaveCount(1);
  const [record] = await queryDatabase<{ id: string }>(`SELECT id FROM import_records WHERE file_name = $1`, [path.basename(file)]);
  return record!.id;
}

// Item 1: one form; the accept stores the corrections on the screen before it creates the draft.
test("accepting an import review takes the corrections on the screen; leaving them unsaved asks first", async ({ browser }, testInfo) => {
  const page = await pageAs(browser, "EDITOR");
  const recordId = await uploadForReview(page, testInfo.outputDir);
  await page.goto(`/admin/import/${recordId}`);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`import-review-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // Leaving with a correction nobody saved asks, and staying keeps it.
  const asked = recordDialogs(page, "dismiss");
  const title = `Corrigé à la relecture ${randomUUID().slice(0, 6)}`;
  await page.getByLabel(/^(titre|title)$/i).fill(title);
  await leaveLink(page).click();
  await expect.poll(() => asked.length).toBe(1);
  await expect(page).toHaveURL(new RegExp(`/admin/import/${recordId}$`));
  await expect(page.getByLabel(/^(titre|title)$/i)).toHaveValue(title);

  // Accept without "save the review": the draft carries what the screen shows.
  await page.getByRole("textbox", { name: /^date/i }).fill("2024-02-29");
  // The seed holds this sample already: the review offers to import it again as a new article.
  await page.getByLabel(/importer quand même|import as a new article anyway/i).check();
  await page.getByRole("button", { name: /accepter et créer le brouillon|accept and create the draft/i }).click();
  await expect(page).toHaveURL(/\/admin\/import\?accepted=1/);
  const [draft] = await queryDatabase<{ title: string; story_date: string | null }>(
    `SELECT v.title, v.story_date FROM import_records r JOIN article_versions v ON v.article_id = r.article_id WHERE r.id = $1`,
    [recordId],
  );
  expect(draft).toEqual({ title, story_date: "2024-02-29" });
  expect(asked, "the accept's own navigation asks nothing").toHaveLength(1);
  await page.context().close();
});

test("the first submit after a save submits; a refused transition says why", async ({ browser }, testInfo) => {
  const versionId = await importDraft(testInfo.outputDir);
  const page = await pageAs(browser, "EDITOR");
  await page.goto(`/admin/articles/${versionId}`);
  await page.locator("#article-body p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Une phrase ajoutée avant relecture.");
  await page.getByRole("button", { name: /^(enregistrer|save)$/i }).click();
  await expect(page.getByTestId("save-status")).toHaveText(/enregistré à|saved at/i, { timeout: 15_000 });
  await page.getByTestId("transition-submit").getByRole("button").click();
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", "IN_REVIEW");

  // Someone else moves the version behind this page's back: the refusal is announced, not swallowed.
  await queryDatabase(`UPDATE article_versions SET version = version + 1 WHERE id = $1`, [versionId]);
  // A step other than the primary one is in the status bar's menu; its note is asked in a dialog.
  await page.getByRole("button", { name: /plus d.actions|more actions/i }).click();
  await page.getByRole("menuitem", { name: /renvoyer en brouillon|back to draft/i }).click();
  await page
    .getByTestId("transition-returnToDraft")
    .getByLabel(/pourquoi|why/i)
    .fill("Un paragraphe à revoir.");
  await page.getByTestId("transition-returnToDraft").getByRole("button").click();
  const message = page.getByTestId("transition-returnToDraft").getByTestId("form-message");
  await expect(message).toHaveAttribute("aria-live", "polite");
  await expect(message).toContainText(/quelqu.un a modifié cette version|someone changed this version/i);
  await page.waitForTimeout(1_000);
  await expect(message, "the refusal stays on the screen").toContainText(/quelqu.un a modifié cette version|someone changed this version/i);
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", "IN_REVIEW");
  await page.context().close();
});

test("leaving a published article asks only when something typed is unsaved", async ({ browser }, testInfo) => {
  const versionId = await importDraft(testInfo.outputDir);
  const editor = await pageAs(browser, "EDITOR");
  await editor.goto(`/admin/articles/${versionId}`);
  await editor.getByTestId("transition-submit").getByRole("button").click();
  await expect(editor.getByTestId("workflow-state")).toHaveAttribute("data-status", "IN_REVIEW");
  await editor.context().close();

  // Published through the panel beside the editor, then left untouched.
  const page = await pageAs(browser, "ADMIN");
  const asked = recordDialogs(page, "dismiss");
  await page.goto(`/admin/articles/${versionId}`);
  await page.getByTestId("transition-approve").getByRole("button").click();
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", "APPROVED");
  await page.getByTestId("transition-publish").getByRole("button").click();
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", "PUBLISHED");
  await page.waitForTimeout(AUTOSAVE_WAIT_MS);
  await leaveLink(page).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);

  // Opened again, clicked into, left: still nothing to ask.
  await page.goto(`/admin/articles/${versionId}`);
  await page.locator("#article-body p").first().click();
  await page.keyboard.press("Control+End");
  await page.waitForTimeout(AUTOSAVE_WAIT_MS);
  await leaveLink(page).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
  // Nor does reloading the tab (beforeunload) after clicking into it.
  await page.goto(`/admin/articles/${versionId}`);
  await page.locator("#article-body p").first().click();
  await page.reload();
  await expect(page.locator("#article-body")).toBeVisible();
  expect(asked, "an untouched published article asks nothing").toEqual([]);

  // Typed and not saved: now leaving asks.
  await page.goto(`/admin/articles/${versionId}`);
  await page.locator("#article-body p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Correction en cours.");
  await leaveLink(page).click();
  await expect.poll(() => asked.length).toBe(1);
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${versionId}$`));
  await page.reload();
  await expect.poll(() => asked.at(-1)).toMatch(/^beforeunload/);
  await page.context().close();
});
