// A translation keeps the source's inline formatting and can be brought up to date while live:
// a translator translates a paragraph holding a link and bold text in its rich field, keeping
// both; an editor publishes it and readers see the link and the bold. Then the source paragraph
// changes: the translator updates the live translation through a draft while the old text stays
// public, and only the published update replaces it and clears the staleness mark.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";

type Block = { type: string; attrs?: { blockId?: string }; content?: { type: string; text?: string }[] };

async function pageAs(browser: Browser, role: "TRANSLATOR" | "EDITOR", width = 1366): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role), viewport: { width, height: 900 } });
  return context.newPage();
}

const textOf = (block: Block) => (block.content ?? []).map((child) => child.text ?? "").join("");
const REPORT = "https://example.org/report";

test("translate a linked, bold paragraph keeping its marks; update the live translation through a draft", async ({ browser }) => {
  test.setTimeout(180_000);
  const run = randomUUID().slice(0, 8);
  // A seeded French story without an English version (not the one the translation journey takes).
  const [article] = await queryDatabase<{ id: string; version_id: string; slug: string; body_json: { content: Block[] } }>(
    `SELECT a.id, v.id AS version_id, v.slug, v.body_json FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.language = 'fr'
     WHERE a.source_language = 'fr' AND v.status = 'DRAFT'
       AND NOT EXISTS (SELECT 1 FROM article_versions e WHERE e.article_id = a.id AND e.language = 'en')
     ORDER BY (v.body_text ILIKE '%affaires étrangères%'), a.created_at DESC LIMIT 1`,
  );
  expect(article, "a seeded French article without an English version").toBeTruthy();
  // Its first paragraph gets a link and bold text; the French source is published (not this test's subject).
  const blocks = article!.body_json.content;
  const first = blocks.findIndex((block) => block.type === "paragraph" && textOf(block).trim() !== "");
  const markedId = blocks[first]!.attrs!.blockId!;
  const marked = {
    ...blocks[first]!,
    content: [
      { type: "text", text: "Selon le " },
      { type: "text", text: "rapport", marks: [{ type: "link", attrs: { href: REPORT } }] },
      { type: "text", text: ", la visite est " },
      { type: "text", text: "confirmée", marks: [{ type: "bold" }] },
      { type: "text", text: "." },
    ],
  };
  const sourceBody = (content: unknown[]) => JSON.stringify({ ...article!.body_json, content });
  await queryDatabase(
    `UPDATE article_versions SET body_json = $2::jsonb, status = 'PUBLISHED', published_at = now() - interval '1 minute', first_published_at = now(), version = version + 1 WHERE id = $1`,
    [article!.version_id, sourceBody(blocks.map((block, index) => (index === first ? marked : block)))],
  );

  // The translator claims the task and writes the marked paragraph with the same marks.
  const translator = await pageAs(browser, "TRANSLATOR");
  await translator.goto(`/admin/translations/${article!.id}/en`);
  await translator.getByRole("button", { name: /prendre|claim/i }).click();
  await expect(translator.getByTestId("translation-editor")).toBeVisible();
  const markedRow = translator.locator(`[data-source-block-id="${markedId}"]`);
  // The source column shows the link and the bold, as the reader will.
  await expect(markedRow.getByTestId("source-text").locator(`a[href="${REPORT}"]`)).toHaveText("rapport");
  await expect(markedRow.getByTestId("source-text").locator("strong")).toHaveText("confirmée");

  await translator.getByLabel(/^titre$|^title$/i).fill(`Visit confirmed ${run}`);
  const field = markedRow.getByRole("textbox");
  await field.click();
  // The link goes in the middle (a link mark grows with text typed at its end, as in the article editor).
  await translator.keyboard.type("According to the report, the visit is ");
  for (let index = 0; index < ", the visit is ".length; index++) await translator.keyboard.press("ArrowLeft");
  for (let index = 0; index < "report".length; index++) await translator.keyboard.press("Shift+ArrowLeft");
  await markedRow.getByRole("button", { name: /^lien$|^link$/i }).click();
  await markedRow.getByLabel(/adresse du lien|link address/i).fill(REPORT);
  await markedRow.getByLabel(/adresse du lien|link address/i).press("Enter");
  await field.press("End");
  await markedRow.getByRole("button", { name: /^gras$|^bold$/i }).click();
  await translator.keyboard.type("confirmed");
  await markedRow.getByRole("button", { name: /^gras$|^bold$/i }).click();
  await translator.keyboard.type(".");
  await expect(field.locator(`a[href="${REPORT}"]`)).toHaveText("report");
  await expect(field.locator("strong")).toHaveText("confirmed");
  await expect(field).toHaveText("According to the report, the visit is confirmed.");

  const rows = translator.getByTestId("translation-row");
  const count = await rows.count();
  for (let index = 0; index < count; index++) {
    const area = rows.nth(index).getByRole("textbox");
    if ((await area.innerText()).trim() === "") await area.fill(`English paragraph ${index + 1} ${run}.`);
  }
  await translator.setViewportSize({ width: 1366, height: 900 });
  await translator.screenshot({ path: "test-results/translation-editor-1366.png", fullPage: false });
  await translator.getByRole("button", { name: /^enregistrer$|^save$/i }).click();
  await expect(translator.getByTestId("save-status")).toHaveText(/traduction enregistrée|translation saved/i);
  await translator.getByRole("button", { name: /envoyer en relecture|submit for review/i }).click();
  await expect(translator).toHaveURL(/\/admin\/translations\?submitted=1$/);

  // An editor approves and publishes it; readers see the link and the bold.
  const [english] = await queryDatabase<{ id: string; slug: string }>(
    `SELECT id, slug FROM article_versions WHERE article_id = $1 AND language = 'en'`,
    [article!.id],
  );
  const editor = await pageAs(browser, "EDITOR");
  await editor.goto(`/admin/articles/${english!.id}/workflow`);
  await editor.getByTestId("transition-approve").getByRole("button").click();
  await editor.getByTestId("transition-publish").getByRole("button").click();
  await expect
    .poll(
      async () => (await queryDatabase<{ status: string }>(`SELECT status FROM article_versions WHERE id = $1`, [english!.id]))[0]!.status,
    )
    .toBe("PUBLISHED");
  const [{ slug }] = (await queryDatabase<{ slug: string }>(`SELECT slug FROM article_versions WHERE id = $1`, [english!.id])) as [
    { slug: string },
  ];
  const reader = await browser.newPage();
  await reader.goto(`/en/article/${slug}`);
  const body = reader.locator(".story-body");
  await expect(body.locator(`a[href="${REPORT}"]`)).toHaveText("report");
  await expect(body.locator("strong").filter({ hasText: "confirmed" })).toHaveCount(1);

  // The source paragraph changes: the translation is stale, and the translator updates it.
  const changed = { ...marked, content: [...marked.content.slice(0, 4), { type: "text", text: " pour mardi." }] };
  await queryDatabase(`UPDATE article_versions SET body_json = $2::jsonb, version = version + 1 WHERE id = $1`, [
    article!.version_id,
    sourceBody(blocks.map((block, index) => (index === first ? changed : block))),
  ]);
  await translator.goto(`/admin/translations/${article!.id}/en`);
  await expect(translator.locator('[data-testid="translation-row"][data-state="stale"]')).toHaveAttribute("data-source-block-id", markedId);
  await translator.getByRole("button", { name: /mettre à jour la traduction|update the translation/i }).click();
  await expect(translator.getByTestId("update-status")).toContainText(/brouillon|draft/i);
  const updateField = translator.locator(`[data-source-block-id="${markedId}"]`).getByRole("textbox");
  await updateField.click();
  await updateField.press("End");
  await translator.keyboard.type(` (Tuesday ${run})`);
  await translator.getByRole("button", { name: /^enregistrer$|^save$/i }).click();
  await expect(translator.getByTestId("save-status")).toHaveText(/traduction enregistrée|translation saved/i);
  // Saved, not published: readers keep the live text, and the live translation is still stale.
  await reader.reload();
  await expect(body).toContainText("the visit is confirmed.");
  await expect(body).not.toContainText(`(Tuesday ${run})`);
  await editor.goto(`/admin/translations?language=en&state=outdated`);
  await expect(editor.locator(`[data-testid="queue-row"][data-article-id="${article!.id}"]`)).toBeVisible();

  await translator.setViewportSize({ width: 390, height: 844 });
  await translator.screenshot({ path: "test-results/translation-editor-390.png", fullPage: false });
  await translator.setViewportSize({ width: 1366, height: 900 });
  await translator.getByTestId("update-submit").getByRole("button").click();
  await expect(translator.getByTestId("update-status")).toContainText(/relecture|review/i);
  await reader.reload();
  await expect(body).not.toContainText(`(Tuesday ${run})`);

  // Another person approves and publishes the update: it replaces the live text, marks kept.
  await editor.goto(`/admin/translations/${article!.id}/en`);
  await editor.getByTestId("update-approve").getByRole("button").click();
  await expect(editor.getByTestId("update-status")).toContainText(/approuv|approved/i);
  await editor.getByTestId("update-publish").getByRole("button").click();
  await expect(editor.getByTestId("live-update")).toHaveCount(0);
  await expect(editor.locator('[data-testid="translation-row"][data-state="stale"]')).toHaveCount(0);
  await reader.reload();
  await expect(body).toContainText(`(Tuesday ${run})`);
  await expect(body.locator(`a[href="${REPORT}"]`)).toHaveText("report");
  await expect(body.locator("strong").filter({ hasText: "confirmed" })).toHaveCount(1);
});
