// The translation journey: a translator claims a French article from the queue, translates it
// side by side with a translation-memory suggestion and a glossary hint, and submits it; an editor
// approves and publishes it through the workflow panel; a reader switches language on the article
// page; then one source paragraph changes and exactly that English paragraph is marked stale.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { foldForMatching } from "../lib/translations/text";
import { queryDatabase, storageStateFor } from "./helpers";

type Block = { type: string; attrs?: { blockId?: string; caption?: string }; content?: { type: string; text?: string }[] };

async function pageAs(browser: Browser, role: "TRANSLATOR" | "EDITOR"): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

const textOf = (block: Block) => (block.content ?? []).map((child) => child.text ?? "").join("");

test("claim, translate with memory and glossary, review, publish, read, then a stale paragraph", async ({ browser }) => {
  test.setTimeout(120_000);
  const run = randomUUID().slice(0, 8);
  // A seeded French draft that has no English version yet and speaks of foreign affairs.
  const [article] = await queryDatabase<{ id: string; version_id: string; slug: string; body_json: { content: Block[] } }>(
    `SELECT a.id, v.id AS version_id, v.slug, v.body_json FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.language = 'fr'
     WHERE a.source_language = 'fr' AND v.body_text ILIKE '%affaires étrangères%'
       AND NOT EXISTS (SELECT 1 FROM article_versions e WHERE e.article_id = a.id AND e.language = 'en')
     ORDER BY a.created_at LIMIT 1`,
  );
  expect(article, "a seeded French article without an English version").toBeTruthy();
  const paragraphs = article!.body_json.content.filter((block) => block.type === "paragraph" && textOf(block).trim() !== "");
  const memoryBlock = paragraphs[0]!;
  const glossaryBlock = paragraphs.find((block) => /affaires étrangères/i.test(textOf(block))) ?? paragraphs[0]!;
  const memoryTarget = `Remembered translation ${run}.`;
  await queryDatabase(
    `INSERT INTO translation_segments (id, source_language, target_language, source_text, target_text, source_normalized) VALUES ($1, 'fr', 'en', $2, $3, $4)`,
    [`seg-${run}`, textOf(memoryBlock), memoryTarget, foldForMatching(textOf(memoryBlock))],
  );
  await queryDatabase(
    `INSERT INTO glossary_terms (id, term_fr, term_en, normalized_fr, normalized_en, updated_at) VALUES ($1, 'Affaires étrangères', $2, 'affaires etrangeres', $3, now())`,
    [`term-${run}`, `Foreign Affairs ${run}`, `foreign affairs ${run}`],
  );

  // The translator claims the task from the queue.
  const translator = await pageAs(browser, "TRANSLATOR");
  await translator.goto("/admin/translations?language=en&state=missing");
  const row = translator.locator(`[data-testid="queue-row"][data-article-id="${article!.id}"]`);
  await expect(row.getByTestId("queue-state")).toHaveText(/manquante|missing/i);
  await row.getByRole("button", { name: /prendre|claim/i }).click();
  // Claimed, it leaves the "missing" list and shows as in progress, held by the translator.
  await expect(row).toHaveCount(0);
  await translator.goto("/admin/translations?language=en&state=in_progress&mine=1");
  await expect(translator.locator(`[data-testid="queue-row"][data-article-id="${article!.id}"]`).getByTestId("queue-state")).toHaveText(
    /en cours|in progress/i,
  );
  await translator.goto(`/admin/translations/${article!.id}/en`);
  await expect(translator.getByTestId("translation-editor")).toBeVisible();

  // Alt+↓ from the title moves focus to the first paragraph still to translate; the hint names the keys once.
  await expect(translator.locator("#keyboard-hint")).toHaveText(/^Alt\+↓ \/ Alt\+↑ — (next|paragraphe suivant) \/ [^A]+$/);
  const rows = translator.getByTestId("translation-row");
  await translator.getByLabel(/^titre$|^title$/i).fill(`Foreign ministry conference ${run}`);
  await translator.keyboard.press("Alt+ArrowDown");
  await expect(rows.first().getByRole("textbox")).toBeFocused();
  await expect(translator.getByText(/Alt\+↓ \/ Alt\+↑/)).toBeVisible();

  // Translation memory: the seeded sentence is offered at 100 %, and inserted on click.
  const memoryRow = translator.locator(`[data-source-block-id="${memoryBlock.attrs!.blockId}"]`);
  const suggestion = memoryRow.getByTestId("memory-suggestion").filter({ hasText: memoryTarget });
  await expect(suggestion).toContainText("100 %");
  await suggestion.getByRole("button", { name: /insérer|insert/i }).click();
  await expect(memoryRow.getByRole("textbox")).toHaveText(memoryTarget);

  // Glossary: the approved term is shown, with a warning until the translation uses it.
  const glossaryRow = translator.locator(`[data-source-block-id="${glossaryBlock.attrs!.blockId}"]`);
  await expect(glossaryRow.getByTestId("glossary-hints")).toContainText(`Foreign Affairs ${run}`);
  const glossaryArea = glossaryRow.getByRole("textbox");
  await glossaryArea.fill(glossaryBlock === memoryBlock ? `${memoryTarget} Ministry of affairs.` : "The ministry of affairs.");
  await expect(glossaryRow.getByTestId("glossary-warning")).toBeVisible();
  await glossaryArea.fill(`${glossaryBlock === memoryBlock ? memoryTarget : "The ministry"} of foreign affairs ${run}.`);
  await expect(glossaryRow.getByTestId("glossary-warning")).toHaveCount(0);

  // Every other paragraph gets a translation; then save and submit.
  const count = await rows.count();
  for (let index = 0; index < count; index++) {
    const area = rows.nth(index).getByRole("textbox");
    if ((await area.innerText()).trim() === "") await area.fill(`English paragraph ${index + 1} ${run}.`);
  }
  await translator.getByRole("button", { name: /^enregistrer$|^save$/i }).click();
  await expect(translator.getByTestId("save-status")).toHaveText(/traduction enregistrée|translation saved/i);
  await expect(translator.getByTestId("remaining")).toHaveText(/tous les paragraphes|every paragraph/i);
  await translator.getByRole("button", { name: /envoyer en relecture|submit for review/i }).click();
  await expect(translator).toHaveURL(/\/admin\/translations\?submitted=1$/);
  await expect(translator.getByRole("status").filter({ hasText: /envoyée en relecture|sent for review/i })).toBeVisible();
  const [english] = await queryDatabase<{ id: string; status: string; slug: string; submitted_by_id: string }>(
    `SELECT id, status, slug, submitted_by_id FROM article_versions WHERE article_id = $1 AND language = 'en'`,
    [article!.id],
  );
  expect(english!.status).toBe("IN_REVIEW");

  // An editor approves and publishes through the workflow panel.
  const editor = await pageAs(browser, "EDITOR");
  await editor.goto(`/admin/articles/${english!.id}/workflow`);
  await editor.getByTestId("transition-approve").getByRole("button").click();
  await expect(editor.getByTestId("transition-publish").getByRole("button")).toBeVisible();
  await editor.getByTestId("transition-publish").getByRole("button").click();
  await expect
    .poll(
      async () => (await queryDatabase<{ status: string }>(`SELECT status FROM article_versions WHERE id = $1`, [english!.id]))[0]!.status,
    )
    .toBe("PUBLISHED");
  await translator.goto(`/admin/translations?language=en&state=published`);
  await expect(translator.locator(`[data-testid="queue-row"][data-article-id="${article!.id}"]`)).toBeVisible();

  // The reader switches language on the article page. Publishing the French source is not this
  // journey's subject: it is done in the database.
  await queryDatabase(
    `UPDATE article_versions SET status = 'PUBLISHED', published_at = now() - interval '1 minute', first_published_at = now() WHERE id = $1`,
    [article!.version_id],
  );
  const [{ slug: englishSlug }] = (await queryDatabase<{ slug: string }>(`SELECT slug FROM article_versions WHERE id = $1`, [
    english!.id,
  ])) as [{ slug: string }];
  const reader = await browser.newPage();
  const response = await reader.goto(`/fr/article/${article!.slug}`);
  expect(response?.status()).toBe(200);
  await reader.locator('a[hreflang="en"][href*="/article/"]').first().click();
  await expect(reader).toHaveURL(new RegExp(`/en/article/${englishSlug}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Foreign ministry conference ${run}`);

  // The source's second paragraph changes (in the database): exactly that English paragraph is stale.
  const changedId = paragraphs[1]!.attrs!.blockId!;
  const body = article!.body_json;
  const changed = {
    ...body,
    content: body.content.map((block) =>
      block.attrs?.blockId === changedId ? { ...block, content: [{ type: "text", text: `${textOf(block)} Ajout ${run}.` }] } : block,
    ),
  };
  await queryDatabase(`UPDATE article_versions SET body_json = $2::jsonb, version = version + 1 WHERE id = $1`, [
    article!.version_id,
    JSON.stringify(changed),
  ]);
  await editor.goto(`/admin/translations/${article!.id}/en`);
  const stale = editor.locator('[data-testid="translation-row"][data-state="stale"]');
  await expect(stale).toHaveCount(1);
  await expect(stale).toHaveAttribute("data-source-block-id", changedId);
  await expect(stale.getByTestId("source-diff").locator("ins")).toContainText(`Ajout ${run}`);
  await expect(editor.getByTestId("outdated-banner")).toBeVisible();
  await editor.goto(`/admin/translations?language=en&state=outdated`);
  await expect(editor.locator(`[data-testid="queue-row"][data-article-id="${article!.id}"]`)).toBeVisible();
});
