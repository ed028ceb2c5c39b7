// The article editor in a real browser: edit a seeded draft and see it autosaved; two people on
// the same paragraph (the second save shows it side by side and keeps its text); the history
// shows a diff between two revisions and restoring one works.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";

test.use({ storageState: storageStateFor("EDITOR") });

const TITLE = /^(titre|title)$/i;
const SAVED = /enregistré à|saved at/i;

/** A fresh French draft with its first revision, so this spec never races another on seeded rows. */
async function createDraft(title: string, paragraph: string): Promise<string> {
  const id = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const [articleId, versionId] = [id("ae2e"), id("ve2e")];
  const slug = `e2e-${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({
    type: "doc",
    content: [{ type: "paragraph", attrs: { blockId: id("b") }, content: [{ type: "text", text: paragraph }] }],
  });
  await queryDatabase(`INSERT INTO articles (id, source_language, updated_at) VALUES ($1, 'fr', now())`, [articleId]);
  await queryDatabase(
    `INSERT INTO article_versions (id, article_id, language, status, title, slug, body_json, body_text, updated_at) VALUES ($1, $2, 'fr', 'DRAFT', $3, $4, $5::jsonb, $6, now())`,
    [versionId, articleId, title, slug, body, paragraph],
  );
  await queryDatabase(
    `INSERT INTO revisions (id, version_id, number, snapshot, note) VALUES ($1, $2, 1, $3::jsonb, 'Imported from e2e.txt')`,
    [id("r"), versionId, JSON.stringify({ title, slug, bodyJson: JSON.parse(body), bodyText: paragraph })],
  );
  return versionId;
}

async function typeAtEndOfBody(page: Page, text: string) {
  const body = page.locator("#article-body");
  await body.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

test("an editor edits a seeded draft: autosaved, warned before leaving unsaved, still there after a reload", async ({ page }) => {
  const [draft] = await queryDatabase<{ id: string }>(
    `SELECT v.id FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE v.status = 'DRAFT' AND v.language = a.source_language ORDER BY v.created_at, v.id LIMIT 1`,
  );
  expect(draft).toBeDefined();
  await page.goto(`/admin/articles/${draft!.id}`);
  // Typed before the page is interactive, the title would be reset under the cursor: wait for the editor.
  await expect(page.locator('#article-body[contenteditable="true"]')).toBeVisible();
  const marker = `Ajout ${randomUUID().slice(0, 8)}`;
  await page.getByLabel(TITLE).fill(`Titre modifié ${marker}`);

  // Leaving before the autosave fires asks first; staying keeps everything.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page
    .getByRole("link", { name: /tous les articles|all articles/i })
    .first()
    .click();
  await expect.poll(() => asked).toEqual([expect.stringMatching(/non enregistrées|unsaved changes/i)]);
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${draft!.id}$`));

  await typeAtEndOfBody(page, ` ${marker} dans le corps.`);
  await expect(page.getByTestId("save-status")).toHaveText(SAVED, { timeout: 15_000 });

  await page.reload();
  await expect(page.getByLabel(TITLE)).toHaveValue(`Titre modifié ${marker}`);
  await expect(page.locator("#article-body")).toContainText(`${marker} dans le corps.`);
  const [row] = await queryDatabase<{ body_text: string; version: number }>(
    `SELECT body_text, version FROM article_versions WHERE id = $1`,
    [draft!.id],
  );
  expect(row!.body_text).toContain(`${marker} dans le corps.`);
});

test("two people on one paragraph: the second save shows it side by side, keeps its text, and discards it only when asked", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const versionId = await createDraft(`Conflit ${randomUUID().slice(0, 6)}`, "Le ministre a reçu l'ambassadeur.");
  await page.goto(`/admin/articles/${versionId}`);
  await expect(page.locator("#article-body")).toBeVisible();

  const adminContext = await browser.newContext({ storageState: storageStateFor("ADMIN") });
  const admin = await adminContext.newPage();
  try {
    await admin.goto(`/admin/articles/${versionId}`);
    await expect(admin.getByTestId("presence")).toContainText(/Demo Editor/);

    await typeAtEndOfBody(page, " Phrase de la rédaction.");
    await expect(page.getByTestId("save-status")).toHaveText(SAVED, { timeout: 15_000 });

    await typeAtEndOfBody(admin, " Phrase de l'administrateur.");
    const conflict = admin.getByTestId("conflict");
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(conflict.getByRole("heading", { level: 2 })).toHaveText(/mêmes passages|same parts/i);
    await expect(conflict).toContainText("Demo Editor");
    await expect(admin.getByTestId("save-status")).toHaveText(/non enregistré|not saved/i);
    await expect(conflict.getByTestId("conflict-mine")).toContainText("Phrase de l'administrateur.");
    await expect(conflict.getByTestId("conflict-theirs")).toContainText("Phrase de la rédaction.");
    await expect(admin.locator("#article-body")).toContainText("Phrase de l'administrateur.");
    // Nothing of the admin's was written.
    const [row] = await queryDatabase<{ body_text: string }>(`SELECT body_text FROM article_versions WHERE id = $1`, [versionId]);
    expect(row!.body_text).not.toContain("administrateur");

    // Discarding takes two presses; then the editor holds their version.
    await conflict.getByRole("button", { name: /^(abandonner mon texte|discard mine)$/i }).click();
    await expect(conflict).toContainText(/appuyez à nouveau|press again/i);
    await conflict.getByRole("button", { name: /oui, abandonner mon texte|yes, discard my text/i }).click();
    await expect(admin.getByTestId("conflict")).toHaveCount(0);
    await expect(admin.locator("#article-body")).toContainText("Phrase de la rédaction.");
    await expect(admin.locator("#article-body")).not.toContainText("administrateur");
    await expect(admin.getByTestId("save-status")).toHaveAttribute("data-state", "clean");

    // Second round: the admin keeps their own paragraph, and the editor's new sentence goes.
    await typeAtEndOfBody(page, " Encore la rédaction.");
    await expect(page.getByTestId("save-status")).toHaveText(SAVED, { timeout: 15_000 });
    await typeAtEndOfBody(admin, " Version finale de l'administrateur.");
    await expect(admin.getByTestId("conflict")).toBeVisible({ timeout: 15_000 });
    await admin.getByRole("button", { name: /garder le mien|keep mine/i }).click();
    await admin.getByRole("button", { name: /enregistrer la version fusionnée|save the merged version/i }).click();
    await expect(admin.getByTestId("save-status")).toHaveText(SAVED, { timeout: 15_000 });
    const [kept] = await queryDatabase<{ body_text: string }>(`SELECT body_text FROM article_versions WHERE id = $1`, [versionId]);
    expect(kept!.body_text).toContain("Version finale de l'administrateur.");
    expect(kept!.body_text).not.toContain("Encore la rédaction.");
  } finally {
    await adminContext.close();
  }
});

test("the history shows a diff between two revisions, and restoring one makes a new revision", async ({ page }) => {
  const original = `Histoire ${randomUUID().slice(0, 6)}`;
  const versionId = await createDraft(original, "Premier texte du corps.");
  await page.goto(`/admin/articles/${versionId}`);
  await page.getByLabel(TITLE).fill(`${original} révisé`);
  await typeAtEndOfBody(page, " Deuxième phrase ajoutée.");
  await page.getByRole("button", { name: /^(enregistrer|save)$/i }).click();
  await expect(page.getByTestId("save-status")).toHaveText(SAVED, { timeout: 15_000 });

  await page
    .getByRole("link", { name: /historique|history/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/history/);
  await expect(page.getByRole("heading", { level: 2, name: /révision 1 à la révision 2|revision 1 to revision 2/i })).toBeVisible();
  const diff = page.getByTestId("diff");
  await expect(diff.getByRole("row", { name: /titre|title/i })).toContainText(`${original} révisé`);
  await expect(diff.getByTestId("body-diff").locator("ins")).toContainText("Deuxième phrase ajoutée.");

  await page
    .getByTestId("revision-1")
    .getByRole("button", { name: /restaurer la révision 1|restore revision 1/i })
    .click();
  await expect(page.getByText(/révision restaurée|revision restored/i)).toBeVisible();
  await expect(page.getByTestId("revision-3")).toContainText(/restauration de la révision 1|restored from revision 1/i);

  await page.getByRole("link", { name: /retour à l’éditeur|back to the editor/i }).click();
  await expect(page.getByLabel(TITLE)).toHaveValue(original);
  await expect(page.locator("#article-body")).not.toContainText("Deuxième phrase");
  const revisions = await queryDatabase<{ number: number }>(`SELECT number FROM revisions WHERE version_id = $1 ORDER BY number`, [
    versionId,
  ]);
  expect(revisions.map((revision) => revision.number)).toEqual([1, 2, 3]);
});
