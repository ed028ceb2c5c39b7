// Comments on a selection (issue 17, item 5): an editor selects a passage in the article editor and
// comments on it; the passage is highlighted and the thread is in the Comments tab; text typed
// before it and a reload keep the highlight; resolving hides it. A translator comments on the
// source they translate. Screenshots at 1366 and 390 px in /tmp/p4b-shots.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { demoUser, queryDatabase, storageStateFor } from "./helpers";

const root = path.join(import.meta.dirname, "..");
const shots = process.env.P4B_SHOTS ?? path.join(root, "test-results", "screenshots", "comments");

/** An imported wire story as the demo editor: its article id and the French draft's version id. */
async function importDraft(dir: string): Promise<{ versionId: string; articleId: string }> {
  const run = `cm${randomUUID().slice(0, 8)}`;
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

async function pageAs(browser: Browser, role: "EDITOR" | "TRANSLATOR", width: number): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role), viewport: { width, height: width > 600 ? 900 : 844 } });
  return context.newPage();
}

/** Selects `wanted` inside `container` the way a drag would leave it: a DOM selection over its text. */
async function selectText(container: Locator, wanted: string) {
  await container.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not found: ${text}`);
  }, wanted);
}

/** Three words from the start of a paragraph's text, after its first word: a passage with text before it. */
async function passageIn(paragraph: Locator): Promise<string> {
  const words = (await paragraph.innerText()).split(/\s+/).filter(Boolean);
  return words.slice(1, 4).join(" ");
}

test("comment on a selection in the article editor: highlighted, kept across edits and reloads, hidden when resolved", async ({
  browser,
}, info) => {
  test.slow(); // an import through the CLI, an autosave and three page loads
  const { versionId } = await importDraft(info.outputPath("wire"));
  const page = await pageAs(browser, "EDITOR", 1366);
  await page.goto(`/admin/articles/${versionId}`);
  const body = page.locator("#article-body");
  await expect(body).toBeVisible();
  const paragraph = body
    .locator(":scope > p")
    .filter({ hasText: /\S{3,}.*\s.*\s.*\s/ })
    .first();
  const quote = await passageIn(paragraph);
  await paragraph.click();
  await selectText(paragraph, quote);

  // The bubble beside the selection opens the composer; the comment is plain text.
  await page.getByRole("button", { name: /^(commenter|comment)$/i }).click();
  const composer = page.getByTestId("comment-composer");
  await expect(composer).toContainText(quote);
  await composer.getByRole("textbox").fill("Which delegation is this? <b>not bold</b>");
  await page.screenshot({ path: path.join(shots, "editor-1366-composer.png") });
  await composer.getByRole("button", { name: /envoyer|send/i }).click();
  await expect(composer).toHaveCount(0);

  const highlight = body.locator(".comment-highlight");
  await expect(highlight).toHaveText(quote);
  await expect(body.getByTestId("comment-marker")).toHaveCount(1);
  const [stored] = await queryDatabase<{ body: string; anchor_block_id: string; anchor_from: number; anchor_quote: string }>(
    `SELECT body, anchor_block_id, anchor_from, anchor_quote FROM comments WHERE version_id = $1`,
    [versionId],
  );
  expect(stored).toMatchObject({ body: "Which delegation is this? <b>not bold</b>", anchor_quote: quote });
  expect(stored!.anchor_block_id).toMatch(/^b/);

  // The thread is in the Comments tab (opened by the marker beside the paragraph), its text as typed.
  await body.getByTestId("comment-marker").click();
  const thread = page.getByTestId("comment-thread");
  await expect(thread).toBeFocused();
  await expect(thread).toContainText("Which delegation is this? <b>not bold</b>");
  await expect(thread.locator("b")).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, "editor-1366-comments-tab.png") });

  // Typed before the passage, saved, reloaded: still highlighted, the same words.
  await highlight.click();
  await page.keyboard.press("Home");
  await page.keyboard.type("Hier, ");
  await expect(highlight).toHaveText(quote);
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-status")).toHaveText(/^(enregistré à|saved at)/i);
  await page.reload();
  await expect(page.locator("#article-body .comment-highlight")).toHaveText(quote);
  await expect(page.locator("#article-body")).toContainText(`Hier, `);

  // A reply, then resolve: the highlight goes, the thread hides behind "Show resolved".
  await page.getByRole("tab", { name: /^(commentaires|comments)$/i }).click();
  await thread.getByRole("button", { name: /^(répondre|reply)$/i }).click();
  await thread.getByTestId("comment-composer").getByRole("textbox").fill("The Lao delegation.");
  await thread.getByRole("button", { name: /envoyer|send/i }).click();
  await expect(thread.getByTestId("comment-reply")).toHaveText(/The Lao delegation\./);
  await thread.getByRole("button", { name: /résolu|resolve/i }).click();
  await expect(page.locator("#article-body .comment-highlight")).toHaveCount(0);
  await expect(thread).toHaveCount(0);
  await page.getByLabel(/afficher les résolus|show resolved/i).check();
  await expect(thread).toHaveAttribute("data-resolved", "true");
  await thread.getByRole("button", { name: /rouvrir|reopen/i }).click();
  await expect(page.locator("#article-body .comment-highlight")).toHaveText(quote);

  // At phone width the marker opens the document drawer on the thread.
  const phone = await pageAs(browser, "EDITOR", 390);
  await phone.goto(`/admin/articles/${versionId}`);
  await expect(phone.locator("#article-body .comment-highlight")).toHaveText(quote);
  await phone.locator("#article-body .comment-highlight").scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(shots, "editor-390-highlight.png") });
  await phone.locator("#article-body").getByTestId("comment-marker").click();
  await expect(phone.getByRole("dialog").getByTestId("comment-thread")).toBeFocused();
  await phone.screenshot({ path: path.join(shots, "editor-390-comments.png") });
  await phone.context().close();
  await page.context().close();
});

test("a translator comments on the source they translate", async ({ browser }, info) => {
  test.slow(); // an import through the CLI and a claim before the comment
  const { articleId, versionId } = await importDraft(info.outputPath("wire"));
  const page = await pageAs(browser, "TRANSLATOR", 1366);
  await page.goto(`/admin/translations/${articleId}/en`);
  await page.getByRole("button", { name: /prendre|claim/i }).click();
  await expect(page.getByTestId("translation-editor")).toBeVisible();

  const source = page
    .getByTestId("source-text")
    .filter({ hasText: /\S{3,}.*\s.*\s.*\s/ })
    .first();
  const quote = await passageIn(source);
  await selectText(source, quote);
  await page.keyboard.press("Control+Alt+m");
  const composer = page.getByTestId("comment-composer");
  await expect(composer).toContainText(quote);
  await composer.getByRole("textbox").fill("Is this the ministry's own wording?");
  await composer.getByRole("button", { name: /envoyer|send/i }).click();
  await expect(composer).toHaveCount(0);
  await expect(source.locator(".comment-highlight")).toHaveText(quote);
  const thread = page.getByTestId("translation-comments").getByTestId("comment-thread");
  await expect(thread).toContainText("Is this the ministry's own wording?");
  await expect(thread).toContainText(/sur la source|on the source/i);
  await page.screenshot({ path: path.join(shots, "translation-1366-source-comment.png"), fullPage: false });

  // The editor sees it on the source article too, highlighted in the text.
  const editor = await pageAs(browser, "EDITOR", 1366);
  await editor.goto(`/admin/articles/${versionId}`);
  await expect(editor.locator("#article-body .comment-highlight")).toHaveText(quote);

  const phone = await pageAs(browser, "TRANSLATOR", 390);
  await phone.goto(`/admin/translations/${articleId}/en`);
  await phone.getByTestId("translation-comments").scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(shots, "translation-390-comments.png") });
  for (const opened of [page, editor, phone]) await opened.context().close();
});
