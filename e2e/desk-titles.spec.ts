// Every desk page names itself in the browser tab, in the person's interface language:
// "<article title> · Edit · Desk CMS" for an article, "<page> · Desk CMS" otherwise (in French,
// "… · CMS de la rédaction").
import { expect, test, type Browser } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";
import { insertStory, insertTag, uniqueToken } from "./public-fixtures";

const token = uniqueToken();
const articleTitle = `Sommet des titres ${token}`;
let ids: { article: string; version: string; tag: string; tagName: string; importRecord: string; fileName: string; media: string };

test.beforeAll(async () => {
  const story = await insertStory([
    { language: "fr", status: "DRAFT", title: articleTitle, slug: `titres-${token}`, paragraphs: ["Texte."] },
  ]);
  const tag = await insertTag({ fr: `Titres ${token}`, en: `Titles ${token}` });
  // The seed's import: the test fails, rather than skips, if the seed stops making one.
  const [record] = await queryDatabase<{ id: string; file_name: string }>(`SELECT id, file_name FROM import_records ORDER BY id LIMIT 1`);
  expect(record, "the seed's import record").toBeTruthy();
  // A photo's row (no file behind it: the page's title is all this test reads).
  const mediaId = `e2e-${token}`;
  await queryDatabase(
    `INSERT INTO media_assets (id, storage_key, mime_type, byte_size, width, height, sha256, variants, updated_at)
     VALUES ($1, $2, 'image/jpeg', 1, 1, 1, $3, '[]', now() AT TIME ZONE 'UTC')`,
    [mediaId, `e2e/${token}.jpg`, `e2e-${token}`],
  );
  ids = {
    article: story.articleId,
    version: story.versionIds.fr!,
    tag: tag.tagId,
    tagName: `Titres ${token}`,
    importRecord: record!.id,
    fileName: record!.file_name,
    media: mediaId,
  };
});

async function adminPage(browser: Browser, locale: "fr" | "en") {
  const context = await browser.newContext({ storageState: storageStateFor("ADMIN") });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL ?? "http://localhost:3000" }]);
  return context.newPage();
}

test("every desk page has its own title in French", async ({ browser }) => {
  test.slow(); // two dozen pages, each loaded in full
  const page = await adminPage(browser, "fr");
  const expected: [string, string][] = [
    ["/admin", "Tableau de bord"],
    ["/admin/articles", "Articles"],
    [`/admin/articles/${ids.version}`, `${articleTitle} · Modifier`],
    [`/admin/articles/${ids.version}/history`, `${articleTitle} · Historique`],
    [`/admin/articles/${ids.version}/workflow`, `${articleTitle} · Circuit de validation`],
    [`/admin/tags/article/${ids.article}`, `${articleTitle} · Étiquettes`],
    [`/admin/media/article/${ids.article}`, `${articleTitle} · Photo principale`],
    ["/admin/import", "Import"],
    [`/admin/import/${ids.importRecord}`, `${ids.fileName} · Relecture de l’import`],
    ["/admin/media", "Photos"],
    [`/admin/media/${ids.media}`, "Modifier la photo"],
    ["/admin/translations", "Traductions"],
    [`/admin/translations/${ids.article}/en`, `${articleTitle} · Traduction (EN)`],
    ["/admin/translations/glossary", "Glossaire"],
    ["/admin/translations/pairs", "Paires de traduction"],
    ["/admin/tags", "Étiquettes"],
    [`/admin/tags/${ids.tag}`, `${ids.tagName} · Étiquette`],
    ["/admin/users", "Utilisateurs"],
    ["/admin/audit", "Journal d’audit"],
    ["/admin/security", "Sécurité"],
    ["/admin/account", "Mon compte"],
    ["/admin/ingest", "Ingestion"],
    ["/admin/api-keys", "Clés d’API"],
    ["/admin/webhooks", "Webhooks"],
  ];
  for (const [path, title] of expected) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page, path).toHaveTitle(`${title} · CMS de la rédaction`);
  }
});

test("the titles follow the interface language", async ({ browser }) => {
  const page = await adminPage(browser, "en");
  await page.goto(`/admin/articles/${ids.version}`);
  await expect(page).toHaveTitle(`${articleTitle} · Edit · Desk CMS`);
  await page.goto("/admin/audit");
  await expect(page).toHaveTitle("Audit log · Desk CMS");
});
