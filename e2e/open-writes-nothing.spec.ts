// Opening a desk page writes nothing but presence: every editable page, as each role, on articles
// that came through the importer (captions, a caption last, a heading and a link), is opened,
// left open past the autosave delay and left; versions, revisions, updated_at, the import record
// and the audit log are read from PostgreSQL before and after. Then two editors open the same
// imported article and the first one's save meets no conflict.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS } from "../seed/demo-users";
import { demoUser, queryDatabase, storageStateFor } from "./helpers";

const root = path.join(import.meta.dirname, "..");
const AUTOSAVE_WAIT_MS = 3_000; // past the editor's 2 s autosave delay
const ROLES = ["EDITOR", "ADMIN", "TRANSLATOR"] as const;

type Fixture = {
  frenchArticleId: string;
  frenchVersionId: string;
  englishArticleId: string;
  englishVersionId: string;
  translationVersionId: string;
  importRecordId: string;
};
let fixture: Fixture;

/** A sample wire file with every sentence marked by `run`, so it is no duplicate of anything stored. */
function markedSample(dir: string, sample: string, run: string): string {
  const file = path.join(dir, `${run}-${sample}`);
  writeFileSync(
    file,
    readFileSync(path.join(root, "seed", "sample-articles", sample), "utf8").replace(
      /\.(\s)/g,
      (_match, space: string) => ` ${run}.${space}`,
    ),
  );
  return file;
}

/** Through the real import pipeline and its command line, as the demo editor. */
async function importFiles(files: string[]): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/import.ts", "--json", "--as", demoUser("EDITOR").email, ...files],
    {
      cwd: root,
      env: process.env,
    },
  );
  const outcomes = JSON.parse(stdout) as { status: string; articleId?: string }[];
  expect(outcomes.map((outcome) => outcome.status)).toEqual(files.map(() => "created"));
  return outcomes.map((outcome) => outcome.articleId!);
}

async function sourceVersionId(articleId: string): Promise<string> {
  const [row] = await queryDatabase<{ id: string }>(
    `SELECT v.id FROM article_versions v JOIN articles a ON a.id = v.article_id AND a.source_language = v.language WHERE a.id = $1`,
    [articleId],
  );
  return row!.id;
}

async function pageAs(browser: Browser, role: (typeof ROLES)[number]): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const run = `ow${randomUUID().slice(0, 8)}`;
  const dir = testInfo.outputDir;
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  // 004 is French and 003 English; both have captions and end with one.
  const [frenchArticleId, englishArticleId] = await importFiles([
    markedSample(dir, "004_1b329f662bd1b222.txt", run),
    markedSample(dir, "003_3a8810cd82d8df2c.txt", run),
  ]);
  const [frenchVersionId, englishVersionId] = [await sourceVersionId(frenchArticleId!), await sourceVersionId(englishArticleId!)];

  // The English story as an earlier release stored it after an edit: a heading and a link,
  // attributes left to their defaults (the form existing installs hold).
  const [english] = await queryDatabase<{ body_json: { content: unknown[] } }>(`SELECT body_json FROM article_versions WHERE id = $1`, [
    englishVersionId,
  ]);
  const content = english!.body_json.content;
  content.splice(2, 0, {
    type: "heading",
    attrs: { level: 2, blockId: `bh${run}` },
    content: [{ type: "text", text: "Economic diplomacy" }],
  });
  content.splice(3, 0, {
    type: "paragraph",
    attrs: { blockId: `bl${run}` },
    content: [
      { type: "text", text: "Source: " },
      { type: "text", text: "the ministry", marks: [{ type: "link", attrs: { href: "https://mofa.gov.vn/" } }] },
      { type: "text", text: "." },
    ],
  });
  await queryDatabase(`UPDATE article_versions SET body_json = $2::jsonb WHERE id = $1`, [
    englishVersionId,
    JSON.stringify({ type: "doc", content }),
  ]);

  // The translator claims the English translation of the French story and saves a paragraph.
  const translator = await pageAs(browser, "TRANSLATOR");
  await translator.goto("/admin/translations?language=en&state=missing");
  await translator
    .locator(`[data-testid="queue-row"][data-article-id="${frenchArticleId}"]`)
    .getByRole("button", { name: /prendre|claim/i })
    .click();
  await expect(translator.locator(`[data-testid="queue-row"][data-article-id="${frenchArticleId}"]`)).toHaveCount(0);
  await translator.goto(`/admin/translations/${frenchArticleId}/en`);
  await translator.getByTestId("translation-row").first().getByRole("textbox").fill("The ministers agreed to deepen cooperation.");
  await translator.getByRole("button", { name: /^(enregistrer|save)$/i }).click();
  await expect(translator.getByText(/traduction enregistrée|translation saved/i)).toBeVisible();
  await translator.context().close();
  const [translation] = await queryDatabase<{ id: string }>(`SELECT id FROM article_versions WHERE article_id = $1 AND language = 'en'`, [
    frenchArticleId,
  ]);

  // One wire file waiting for review, uploaded through the desk.
  const editor = await pageAs(browser, "EDITOR");
  await editor.goto("/admin/import");
  await editor.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles([markedSample(dir, "000_2c278e109e592e51.txt", run)]);
  await expect(
    editor
      .getByTestId("import-rows")
      .getByRole("listitem")
      .filter({ hasText: /prêt à relire|ready for review/i }),
  ).toHaveCount(1);
  await editor.context().close();
  const [record] = await queryDatabase<{ id: string }>(`SELECT id FROM import_records WHERE file_name = $1`, [
    `${run}-000_2c278e109e592e51.txt`,
  ]);

  fixture = {
    frenchArticleId: frenchArticleId!,
    frenchVersionId,
    englishArticleId: englishArticleId!,
    englishVersionId,
    translationVersionId: translation!.id,
    importRecordId: record!.id,
  };
});

/** Everything an opened page could have written, presence aside. */
async function databaseState() {
  const articleIds = [fixture.frenchArticleId, fixture.englishArticleId];
  const versions = await queryDatabase(
    `SELECT v.id, v.language, v.version, v.updated_at, md5(v::text) AS row_md5,
            (SELECT count(*)::int FROM revisions r WHERE r.version_id = v.id) AS revisions,
            (SELECT md5(string_agg(r::text, '|' ORDER BY r.number)) FROM revisions r WHERE r.version_id = v.id) AS revisions_md5
       FROM article_versions v WHERE v.article_id = ANY($1) ORDER BY v.id`,
    [articleIds],
  );
  const [other] = await queryDatabase(
    `SELECT (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM articles a WHERE a.id = ANY($1)) AS articles,
            (SELECT md5(r::text) FROM import_records r WHERE r.id = $2) AS import_record,
            (SELECT count(*)::int FROM tag_suggestions s WHERE s.article_id = ANY($1)) AS tag_suggestions,
            (SELECT count(*)::int FROM article_tags t WHERE t.article_id = ANY($1)) AS article_tags,
            (SELECT count(*)::int FROM audit_log l JOIN users u ON u.id = l.actor_id WHERE u.email = ANY($3)) AS audit_by_desk_users`,
    [articleIds, fixture.importRecordId, DEMO_USERS.map((user) => user.email)],
  );
  return { versions, ...other };
}

function desk(): string[] {
  const { frenchArticleId, frenchVersionId, englishArticleId, englishVersionId, translationVersionId, importRecordId } = fixture;
  return [
    "/admin",
    "/admin/articles",
    ...[frenchVersionId, englishVersionId, translationVersionId].flatMap((id) => [
      `/admin/articles/${id}`,
      `/admin/articles/${id}/history`,
      `/admin/articles/${id}/workflow`,
    ]),
    "/admin/translations",
    `/admin/translations/${frenchArticleId}/en`,
    `/admin/translations/${englishArticleId}/fr`,
    "/admin/tags",
    `/admin/tags/article/${frenchArticleId}`,
    "/admin/media",
    `/admin/media/article/${englishArticleId}`,
    "/admin/import",
    `/admin/import/${importRecordId}`,
    "/admin/audit",
  ];
}

/** The article editor pages a role can write in: editors and admins every version, the translator the translation it holds. */
function editablePages(role: (typeof ROLES)[number]): string[] {
  const ids =
    role === "TRANSLATOR"
      ? [fixture.translationVersionId]
      : [fixture.frenchVersionId, fixture.englishVersionId, fixture.translationVersionId];
  return ids.map((id) => `/admin/articles/${id}`);
}

for (const role of ROLES) {
  test(`opening every desk page as ${role.toLowerCase()} and leaving writes nothing`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ storageState: storageStateFor(role) });
    const asked: string[] = [];
    const before = await databaseState();
    const editable = editablePages(role);
    // Every page open at once, each in its own tab, so one wait past the autosave delay covers them all.
    const tabs: Page[] = [];
    for (const url of desk()) {
      const page = await context.newPage();
      page.on("dialog", (dialog) => {
        asked.push(`${url}: ${dialog.message()}`);
        void dialog.accept();
      });
      tabs.push(page);
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(500);
      if (editable.includes(url)) {
        await expect(page.locator("#article-body"), url).toBeVisible();
        // Clicking into the body and moving to its end (after the last caption) is still only looking.
        await page.locator("#article-body p").first().click();
        await page.keyboard.press("Control+End");
      }
    }
    await tabs[0]!.waitForTimeout(AUTOSAVE_WAIT_MS);
    for (const [index, url] of desk().entries()) {
      const page = tabs[index]!;
      if (editable.includes(url)) await expect(page.getByTestId("save-status"), url).toHaveAttribute("data-state", "clean");
      // Leaving: the tab closes as a person closes it, with the page's own unload handlers run.
      await page.close({ runBeforeUnload: true });
      await expect.poll(() => page.isClosed(), { message: `${url} closes without asking` }).toBe(true);
    }
    // A write sent on leaving (a beacon) has landed by the time another page has been served.
    await (await context.newPage()).goto("/admin");
    expect(await databaseState()).toEqual(before);
    expect(asked, "no page asked to keep unsaved changes").toEqual([]);
    await context.close();
  });
}

test("two editors open the same imported article; the first one's save meets no conflict", async ({ browser }) => {
  test.setTimeout(120_000);
  const [first, second] = [await pageAs(browser, "EDITOR"), await pageAs(browser, "ADMIN")];
  const [{ version: before }] = (await queryDatabase<{ version: number }>(`SELECT version FROM article_versions WHERE id = $1`, [
    fixture.frenchVersionId,
  ])) as [{ version: number }];
  for (const page of [first, second]) {
    await page.goto(`/admin/articles/${fixture.frenchVersionId}`);
    await expect(page.locator("#article-body")).toBeVisible();
  }
  // The second sees the first at once (the first sees the second at its next heartbeat).
  await expect(second.getByTestId("presence")).toContainText(demoUser("EDITOR").name);
  await first.waitForTimeout(AUTOSAVE_WAIT_MS);

  await first.locator("#article-body p").first().click();
  await first.keyboard.press("End");
  await first.keyboard.type(" Une phrase ajoutée.");
  await first.getByRole("button", { name: /^(enregistrer|save)$/i }).click();
  await expect(first.getByTestId("save-status")).toHaveText(/enregistré à|saved at/i, { timeout: 15_000 });
  await expect(first.getByRole("heading", { name: /quelqu.un d.autre a enregistré|someone else saved/i })).toHaveCount(0);
  await expect(second.getByTestId("save-status")).toHaveAttribute("data-state", "clean");

  const [{ version: after, body_text }] = (await queryDatabase<{ version: number; body_text: string }>(
    `SELECT version, body_text FROM article_versions WHERE id = $1`,
    [fixture.frenchVersionId],
  )) as [{ version: number; body_text: string }];
  expect(after).toBe(before + 1);
  expect(body_text).toContain("Une phrase ajoutée.");
  await first.context().close();
  await second.context().close();
});
