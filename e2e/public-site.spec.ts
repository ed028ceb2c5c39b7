// Reader journeys on the production build: reading a story in both languages, switching language,
// searching (with and without JavaScript), 404s, feeds and sitemaps that parse, and publishing and
// unpublishing that readers see without a restart.
import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { queryDatabase } from "./helpers";
import { announceChange, insertStory, insertTag, uniqueToken } from "./public-fixtures";

const token = uniqueToken();
const slugs = { fr: `eleves-musees-${token}`, en: `students-museums-${token}`, related: `sommet-${token}`, draft: `brouillon-${token}` };
let tag: Awaited<ReturnType<typeof insertTag>>;
// Its only story is a draft: no page, feed or sitemap entry until one is published.
let draftOnlyTag: Awaited<ReturnType<typeof insertTag>>;
let story: Awaited<ReturnType<typeof insertStory>>;

test.beforeAll(async ({ request }) => {
  tag = await insertTag({ fr: "Éducation", en: "Education" });
  draftOnlyTag = await insertTag({ fr: "Brouillons", en: "Drafts" });
  story = await insertStory(
    [
      {
        language: "fr",
        title: `Les élèves de Hanoï découvrent les musées ${token}`,
        slug: slugs.fr,
        standfirst: "Trois cents élèves ont passé la journée dans les musées de la capitale.",
        paragraphs: ["Les élèves de plusieurs écoles de Hanoï ont visité trois musées.", "Le ministre a salué l’initiative."],
        captions: [{ text: "Des élèves au Musée d’histoire nationale.", credit: "Photo : VNA" }],
        publishedAt: new Date("2026-11-20T03:00:00Z"),
      },
      {
        language: "en",
        title: `Hanoi students discover museums ${token}`,
        slug: slugs.en,
        standfirst: "Three hundred students spent the day in the capital's museums.",
        paragraphs: ["Students from several Hanoi schools visited three museums."],
        publishedAt: new Date("2026-11-20T04:00:00Z"),
      },
    ],
    { tagIds: [tag.tagId], sourceLanguage: "fr" },
  );
  await queryDatabase(`INSERT INTO correction_notes (id, version_id, body, corrected_at) VALUES ($1, $2, $3, '2026-11-21T02:00:00Z')`, [
    `e2e-correction-${token}`,
    story.versionIds.fr,
    "Une version précédente donnait un nombre erroné de musées.",
  ]);
  const related = await insertStory(
    [{ language: "fr", title: `Sommet régional ${token}`, slug: slugs.related, paragraphs: ["Le sommet s'est ouvert."] }],
    { tagIds: [tag.tagId] },
  );
  const draft = await insertStory(
    [{ language: "fr", status: "DRAFT", title: `Brouillon ${token}`, slug: slugs.draft, paragraphs: ["Pas encore."] }],
    { tagIds: [draftOnlyTag.tagId] },
  );
  await announceChange(request, {
    articleIds: [story.articleId, related.articleId, draft.articleId],
    languages: ["fr", "en"],
    tagIds: [tag.tagId, draftOnlyTag.tagId],
  });
});

test("a reader finds a story on the home page and reads it in full", async ({ page }) => {
  await page.goto("/fr");
  const teaser = page.getByRole("article").filter({ hasText: `Les élèves de Hanoï découvrent les musées ${token}` });
  await expect(teaser.getByText("Trois cents élèves ont passé la journée")).toBeVisible();
  await expect(teaser.locator("time")).toHaveText("20 novembre 2026");
  await teaser.getByRole("link").click();

  await expect(page).toHaveURL(new RegExp(`/fr/article/${slugs.fr}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Les élèves de Hanoï découvrent les musées ${token}`);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator(".story-header time").first()).toHaveText("20 novembre 2026 à 10:00");
  await expect(page.locator(".dateline")).toContainText("Hanoï");
  await expect(page.locator("figure figcaption")).toHaveText(/Des élèves au Musée d’histoire nationale\.\s*Photo : VNA/);
  await expect(page.getByRole("link", { name: "Éducation" })).toHaveAttribute("href", `/fr/tag/${tag.slugs.fr}`);
  const corrections = page.getByRole("complementary", { name: "Rectificatifs" });
  await expect(corrections).toContainText("Rectificatif du 21 novembre 2026");
  await expect(corrections).toContainText("nombre erroné de musées");
  await expect(page.getByRole("region", { name: "À lire aussi" }).getByRole("link")).toHaveText(`Sommet régional ${token}`);

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({
    "@type": "NewsArticle",
    inLanguage: "fr",
    datePublished: "2026-11-20T03:00:00.000Z",
    workTranslation: [{ inLanguage: "en" }],
  });
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`/en/article/${slugs.en}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", new RegExp(`/fr/article/${slugs.fr}$`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/fr/article/${slugs.fr}$`));
  await expect(page.locator('meta[property="og:locale:alternate"]')).toHaveAttribute("content", "en_GB");
});

test("the reader switches to the English version of the story, dated the English way", async ({ page }) => {
  await page.goto(`/fr/article/${slugs.fr}`);
  const link = page.getByRole("link", { name: "Read this article in English" });
  await expect(link).toHaveAttribute("lang", "en");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/en/article/${slugs.en}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator(".story-header time").first()).toHaveText("November 20, 2026 at 11:00 AM");
  await expect(page.getByRole("link", { name: "Education" })).toHaveAttribute("href", `/en/tag/${tag.slugs.en}`);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ inLanguage: "en", translationOfWork: { inLanguage: "fr" } });
  await page.getByRole("link", { name: "Lire cet article en français" }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/article/${slugs.fr}$`));
});

test("drafts, unknown slugs and unknown addresses answer a 404 page in the reader's language", async ({ page }) => {
  for (const path of [`/fr/article/${slugs.draft}`, `/fr/tag/${draftOnlyTag.slugs.fr}`, "/fr/article/nothing-here", "/fr/no/such/page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  }
  const english = await page.goto("/en/article/nothing-here");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const unknownLocale = await page.goto("/de/article/x");
  expect(unknownLocale?.status()).toBe(404);
});

test("searching `eleve musee` from the masthead finds « élèves … musées », even without JavaScript", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/fr");
    await page.getByRole("searchbox", { name: "Rechercher dans les articles" }).fill(`eleve musee ${token}`);
    await page.getByRole("button", { name: "Rechercher" }).first().click();
    await expect(page).toHaveURL(/\/fr\/recherche\?q=eleve\+musee/);
    await expect(page.getByRole("heading", { level: 2, name: /1 résultat/ })).toBeVisible();
    const hit = page.getByRole("link", { name: `Les élèves de Hanoï découvrent les musées ${token}` });
    await expect(hit).toHaveAttribute("href", `/fr/article/${slugs.fr}`);
    await expect(page.locator(".search-results mark").first()).toHaveText("élèves");
    await context.close();
  }
});

test("search filters by tag and answers odd queries with a normal page", async ({ page, request }) => {
  await page.goto(`/fr/recherche?tag=${tag.slugs.fr}`);
  await expect(page.getByRole("heading", { level: 2, name: "2 résultats" })).toBeVisible();
  await expect(page.getByLabel("Thème")).toHaveValue(tag.slugs.fr);
  for (const q of ['"unclosed', "' OR 1=1; --", "a".repeat(2000), "!!! & | <script>", "%00"]) {
    const response = await request.get(`/fr/recherche?q=${encodeURIComponent(q)}&year=abc&page=-4`);
    expect(response.status(), q.slice(0, 20)).toBe(200);
  }
  const wrongAddress = await request.get("/en/recherche?q=museum", { maxRedirects: 0 });
  expect(wrongAddress.status()).toBe(308);
  expect(wrongAddress.headers().location).toMatch(/\/en\/search\?q=museum$/);
});

test("feeds and sitemaps are valid XML and list the published story only", async ({ request }) => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
  const fetchXml = async (path: string, type: RegExp) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toMatch(type);
    const body = await response.text();
    expect(XMLValidator.validate(body), path).toBe(true);
    return { body, xml: parser.parse(body) };
  };
  const rss = await fetchXml("/fr/feed.xml", /application\/rss\+xml/);
  expect(rss.body).toContain(`/fr/article/${slugs.fr}`);
  expect(rss.body).not.toContain(slugs.draft);
  const tagFeed = await fetchXml(`/fr/feed.xml?tag=${tag.slugs.fr}`, /application\/rss\+xml/);
  expect([tagFeed.xml.rss.channel.item].flat()).toHaveLength(2);
  const atom = await fetchXml("/en/atom.xml", /application\/atom\+xml/);
  expect(atom.body).toContain(`/en/article/${slugs.en}`);
  await fetchXml(`/en/atom.xml?tag=${tag.slugs.en}`, /application\/atom\+xml/);
  expect((await request.get("/fr/feed.xml?tag=no-such-tag")).status()).toBe(404);
  expect((await request.get(`/fr/feed.xml?tag=${draftOnlyTag.slugs.fr}`)).status()).toBe(404);
  expect((await request.get(`/fr/atom.xml?tag=${draftOnlyTag.slugs.fr}`)).status()).toBe(404);

  const sitemap = await fetchXml("/sitemap.xml", /application\/xml/);
  const entry = [sitemap.xml.urlset.url].flat().find((url: { loc: string }) => url.loc.endsWith(`/fr/article/${slugs.fr}`));
  expect(entry["xhtml:link"].map((link: Record<string, string>) => link["@hreflang"]).sort()).toEqual(["en", "fr", "x-default"]);
  expect(sitemap.body).not.toContain(slugs.draft);
  expect(sitemap.body).not.toContain(draftOnlyTag.slugs.fr);
  expect(sitemap.body).toContain(`/fr/tag/${tag.slugs.fr}`);
  const news = await fetchXml("/news-sitemap.xml", /application\/xml/);
  // The last two days only: the story of 20 November is too old, the one published a minute ago is in.
  expect(news.body).toContain(`/fr/article/${slugs.related}`);
  expect(news.body).not.toContain(slugs.fr);
  const robots = await (await request.get("/robots.txt")).text();
  for (const line of ["Disallow: /admin", "Disallow: /login", "Disallow: /api", "Sitemap: "]) expect(robots).toContain(line);
});

test("publishing and unpublishing reach readers at once, without a restart", async ({ page, request }) => {
  const slug = `publication-${token}`;
  const title = `Visite d’État ${token}`;
  const { articleId, versionIds } = await insertStory([
    { language: "fr", status: "APPROVED", scheduledAt: new Date(Date.now() + 3_600_000), title, slug, paragraphs: ["Texte."] },
  ]);
  await announceChange(request, { articleIds: [articleId], languages: ["fr"] });
  await page.goto("/fr");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await request.get(`/fr/article/${slug}`)).status()).toBe(404);

  // Published in the database: the home page is cached until the change is announced.
  await queryDatabase(
    `UPDATE article_versions SET status = 'PUBLISHED', scheduled_at = NULL, published_at = $2, updated_at = $2 WHERE id = $1`,
    [versionIds.fr, new Date(Date.now() - 1000).toISOString()],
  );
  await page.goto("/fr");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await announceChange(request, { articleIds: [articleId], languages: ["fr"] });
  await page.goto("/fr");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  expect((await request.get(`/fr/article/${slug}`)).status()).toBe(200);
  expect(await (await request.get("/fr/feed.xml")).text()).toContain(slug);

  await queryDatabase(`UPDATE article_versions SET status = 'UNPUBLISHED' WHERE id = $1`, [versionIds.fr]);
  // The article itself is never served once unpublished, even before the announcement.
  expect((await request.get(`/fr/article/${slug}`)).status()).toBe(404);
  await announceChange(request, { articleIds: [articleId], languages: ["fr"] });
  await page.goto("/fr");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect(await (await request.get("/fr/feed.xml")).text()).not.toContain(slug);
});

test("the article fits a phone screen and prints without the site's navigation", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(`/fr/article/${slugs.fr}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("searchbox", { name: "Rechercher dans les articles" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".masthead-bar")).toBeHidden();
  await expect(page.locator(".related")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".story-body")).toBeVisible();
  await context.close();
});
