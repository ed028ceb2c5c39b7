// No read used by the reader site may return a version that is not published: one story per state
// (scheduled-but-approved and published-with-a-future-date included), every query called, only the
// published one comes back.
import { beforeAll, describe, expect, it } from "vitest";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import {
  findPublishedArticleId,
  findTagBySlug,
  getPublishedArticle,
  listFeedItems,
  listLatestArticles,
  listRecentlyPublished,
  listRelatedArticles,
  listSitemapArticles,
  listSitemapTags,
  listTagLabels,
  tagHasPublishedArticle,
} from "./queries";
import { listSearchFacets, searchArticles } from "./search";
import { createStory, createTag, uniqueWord } from "@/test/fixtures/public";

const HOUR = 60 * 60 * 1000;
const word = uniqueWord();

type Story = Awaited<ReturnType<typeof createStory>>;
const stories: Record<string, Story> = {};
let sharedTagId = "";
let hiddenOnlyTagId = "";
let hiddenOnlyTagSlug = "";

const STATES: { name: string; status: VersionStatus; publishedAt?: Date | null; scheduledAt?: Date | null }[] = [
  { name: "draft", status: "DRAFT" },
  { name: "inReview", status: "IN_REVIEW" },
  { name: "scheduled", status: "APPROVED", scheduledAt: new Date(Date.now() + 24 * HOUR) },
  { name: "futurePublished", status: "PUBLISHED", publishedAt: new Date(Date.now() + 24 * HOUR) },
  { name: "unpublished", status: "UNPUBLISHED", publishedAt: new Date(Date.now() - 2 * HOUR) },
  { name: "archived", status: "ARCHIVED", publishedAt: new Date(Date.now() - 2 * HOUR) },
  { name: "published", status: "PUBLISHED", publishedAt: new Date(Date.now() - HOUR) },
];

beforeAll(async () => {
  const shared = await createTag({ fr: "Diplomatie", en: "Diplomacy" });
  const hiddenOnly = await createTag({ fr: "Caché", en: "Hidden" });
  sharedTagId = shared.id;
  hiddenOnlyTagId = hiddenOnly.id;
  hiddenOnlyTagSlug = hiddenOnly.labels.find((label) => label.language === "fr")!.slug;
  for (const state of STATES) {
    const tagIds = state.name === "published" ? [sharedTagId] : [sharedTagId, hiddenOnlyTagId];
    stories[state.name] = await createStory(
      [
        {
          language: "fr",
          status: state.status,
          publishedAt: state.publishedAt,
          scheduledAt: state.scheduledAt,
          title: `Article ${state.name} ${word}`,
          paragraphs: [`Texte ${word} ${state.name}.`],
        },
        // The English version of every story is a draft: never offered as a translation.
        { language: "en", status: "DRAFT", title: `Story ${state.name} ${word}`, paragraphs: [`Text ${word}.`] },
      ],
      { tagIds },
    );
  }
});

const ours = (articleId: string) => Object.values(stories).some((story) => story.articleId === articleId);
const publishedId = () => stories.published!.articleId;
const version = (name: string) => stories[name]!.versions[0]!;

describe("public queries return published versions only", () => {
  it("home listing", async () => {
    const items = (await listLatestArticles("fr", 1, 10_000)).filter((item) => ours(item.articleId));
    expect(items.map((item) => item.articleId)).toEqual([publishedId()]);
    expect(await listLatestArticles("en", 1, 10_000)).not.toContainEqual(expect.objectContaining({ articleId: publishedId() }));
  });

  it("article by slug and by story", async () => {
    for (const state of STATES) {
      const expected = state.name === "published" ? publishedId() : null;
      expect(await findPublishedArticleId("fr", version(state.name).slug), state.name).toBe(expected);
      const article = await getPublishedArticle("fr", stories[state.name]!.articleId);
      expect(article?.articleId ?? null, state.name).toBe(expected);
      expect(await getPublishedArticle("en", stories[state.name]!.articleId)).toBeNull();
    }
    const article = await getPublishedArticle("fr", publishedId());
    expect(article?.translations).toEqual([]);
    expect(article?.bodyHtml).toContain(`Texte ${word} published.`);
    expect(await listTagLabels("fr", article!.tagIds)).toEqual([expect.objectContaining({ id: sharedTagId })]);
  });

  it("related stories", async () => {
    for (const state of STATES) {
      const related = await listRelatedArticles("fr", stories[state.name]!.articleId, 100);
      const ids = related.map((item) => item.articleId).filter(ours);
      expect(ids, state.name).toEqual(state.name === "published" ? [] : [publishedId()]);
    }
  });

  it("feeds of the language and of a tag", async () => {
    const tagFeed = await listFeedItems("fr", sharedTagId, 1000);
    expect(tagFeed.map((item) => item.articleId)).toEqual([publishedId()]);
    expect(await listFeedItems("fr", hiddenOnlyTagId, 1000)).toEqual([]);
    const languageFeed = (await listFeedItems("fr", undefined, 10_000)).filter((item) => ours(item.articleId));
    expect(languageFeed.map((item) => item.articleId)).toEqual([publishedId()]);
  });

  it("sitemaps", async () => {
    const articles = (await listSitemapArticles()).filter((entry) => ours(entry.articleId));
    expect(articles).toEqual([
      { articleId: publishedId(), versions: [expect.objectContaining({ language: "fr", slug: version("published").slug })] },
    ]);
    const recent = await listRecentlyPublished();
    const slugs = new Set(recent.map((item) => item.slug));
    for (const state of STATES) expect(slugs.has(version(state.name).slug), state.name).toBe(state.name === "published");
    const tags = (await listSitemapTags()).map((entry) => entry.tagId);
    expect(tags).toContain(sharedTagId);
    expect(tags).not.toContain(hiddenOnlyTagId);
  });

  it("a tag leads somewhere only in a language where one of its stories is published", async () => {
    expect(await tagHasPublishedArticle("fr", sharedTagId)).toBe(true);
    expect(await tagHasPublishedArticle("fr", hiddenOnlyTagId)).toBe(false);
    // Every English version is a draft.
    expect(await tagHasPublishedArticle("en", sharedTagId)).toBe(false);
  });

  it("search and its filters", async () => {
    const byWord = await searchArticles("fr", { query: word });
    expect(byWord.hits.map((hit) => hit.articleId)).toEqual([publishedId()]);
    expect(byWord.total).toBe(1);
    const byTag = await searchArticles("fr", { query: null, tagId: hiddenOnlyTagId });
    expect(byTag.hits).toEqual([]);
    const byYear = await searchArticles("fr", { query: word, year: new Date().getUTCFullYear() });
    expect(byYear.hits.map((hit) => hit.articleId)).toEqual([publishedId()]);
    const facets = await listSearchFacets("fr", 100_000);
    expect(facets.tags.map((tag) => tag.id)).toContain(sharedTagId);
    expect(facets.tags.map((tag) => tag.id)).not.toContain(hiddenOnlyTagId);
    // A tag is found by its slug whatever it is used for (the page then finds nothing under it).
    expect((await findTagBySlug("fr", hiddenOnlyTagSlug))?.id).toBe(hiddenOnlyTagId);
  });
});
