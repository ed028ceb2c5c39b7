// Reader-facing reads. Every query here returns what publishedWhere lets a reader see (PUBLISHED, its
// publication time come, no embargo) and nothing else: drafts, approved-and-scheduled, embargoed,
// unpublished and archived versions never reach a reader. Results are plain JSON (dates as ISO strings) so lib/public/cached.ts can store them.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { renderDocumentHtml } from "@/lib/rich-text/render";
import { MAX_SLUG_LENGTH } from "./site";

export const PUBLIC_PAGE_SIZE = 20;
export const FEED_SIZE = 30;
export const RELATED_SIZE = 4;
const RELATED_CANDIDATES_PER_TAG = 200;
export const SITEMAP_LIMIT = 50_000;

/**
 * The one definition of "a reader may see this version": published, its time come, and under no
 * embargo (an embargo holds until lib/embargo lifts it, whatever the clock says, so the lift's public
 * change is what purges the caches and announces the story).
 */
export function publishedWhere(language?: string, now = new Date()): Prisma.ArticleVersionWhereInput {
  return { ...(language ? { language } : {}), status: "PUBLISHED", publishedAt: { lte: now }, embargoedUntil: null };
}

/** The same rule for hand-written SQL over `article_versions v` (or another alias of that table). */
export function publishedSql(now = new Date(), alias: "v" | "other" = "v"): Prisma.Sql {
  const v = Prisma.raw(alias);
  return Prisma.sql`${v}.status = 'PUBLISHED' AND ${v}.published_at IS NOT NULL AND ${v}.published_at <= ${now} AND ${v}.embargoed_until IS NULL`;
}

/** When readers last saw a version change: a version edited before it went out was not modified after publication. */
export function lastPublicChange(updatedAt: Date, publishedAt: Date): Date {
  return updatedAt > publishedAt ? updatedAt : publishedAt;
}

export type ArticleTeaser = {
  id: string;
  articleId: string;
  slug: string;
  title: string;
  standfirst: string | null;
  datelinePlace: string | null;
  publishedAt: string;
};

const teaserSelect = {
  id: true,
  articleId: true,
  slug: true,
  title: true,
  standfirst: true,
  datelinePlace: true,
  publishedAt: true,
} satisfies Prisma.ArticleVersionSelect;

type TeaserRow = Prisma.ArticleVersionGetPayload<{ select: typeof teaserSelect }>;

function toTeaser(row: TeaserRow): ArticleTeaser {
  return { ...row, publishedAt: (row.publishedAt ?? new Date(0)).toISOString() };
}

export async function countPublishedArticles(language: Locale): Promise<number> {
  return db.articleVersion.count({ where: publishedWhere(language) });
}

export async function listLatestArticles(language: Locale, page = 1, pageSize = PUBLIC_PAGE_SIZE): Promise<ArticleTeaser[]> {
  const rows = await db.articleVersion.findMany({
    where: publishedWhere(language),
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    skip: (Math.max(1, page) - 1) * pageSize,
    take: pageSize,
    select: teaserSelect,
  });
  return rows.map(toTeaser);
}

/** Which story a public URL names; null for unknown, unpublished or not-yet-published slugs. */
export async function findPublishedArticleId(language: Locale, slug: string): Promise<string | null> {
  const row = await db.articleVersion.findFirst({ where: { ...publishedWhere(language), slug }, select: { articleId: true } });
  return row?.articleId ?? null;
}

export type PublishedArticle = {
  id: string;
  articleId: string;
  language: string;
  sourceLanguage: string;
  slug: string;
  title: string;
  standfirst: string | null;
  seoDescription: string | null;
  datelinePlace: string | null;
  sourceAgency: string | null;
  storyDate: string | null;
  bodyHtml: string;
  bodyText: string;
  publishedAt: string;
  firstPublishedAt: string;
  updatedAt: string;
  corrections: { id: string; body: string; correctedAt: string }[];
  tagIds: string[];
  /** The same story's other published languages. */
  translations: { language: string; slug: string; title: string }[];
};

/** A version's own fields on the article page; the published page and a draft's preview read the same. */
export const ARTICLE_PAGE_VERSION_FIELDS = {
  id: true,
  articleId: true,
  language: true,
  slug: true,
  title: true,
  standfirst: true,
  seoDescription: true,
  datelinePlace: true,
  sourceAgency: true,
  storyDate: true,
  bodyJson: true,
  bodyText: true,
  publishedAt: true,
  firstPublishedAt: true,
  updatedAt: true,
  corrections: { orderBy: { correctedAt: "asc" }, select: { id: true, body: true, correctedAt: true } },
} as const satisfies Prisma.ArticleVersionSelect;

export async function getPublishedArticle(language: Locale, articleId: string): Promise<PublishedArticle | null> {
  const now = new Date();
  const version = await db.articleVersion.findFirst({
    where: { ...publishedWhere(language, now), articleId },
    select: {
      ...ARTICLE_PAGE_VERSION_FIELDS,
      article: {
        select: {
          sourceLanguage: true,
          tags: { select: { tagId: true }, orderBy: { createdAt: "asc" } },
          versions: {
            where: { ...publishedWhere(undefined, now), language: { not: language } },
            select: { language: true, slug: true, title: true },
          },
        },
      },
    },
  });
  if (!version || !version.publishedAt) return null;
  const { article, corrections, bodyJson, publishedAt, firstPublishedAt, updatedAt, ...fields } = version;
  return {
    ...fields,
    sourceLanguage: article.sourceLanguage,
    bodyHtml: renderDocumentHtml(bodyJson),
    publishedAt: publishedAt.toISOString(),
    firstPublishedAt: (firstPublishedAt ?? publishedAt).toISOString(),
    updatedAt: lastPublicChange(updatedAt, publishedAt).toISOString(),
    corrections: corrections.map((note) => ({ ...note, correctedAt: note.correctedAt.toISOString() })),
    tagIds: article.tags.map((tag) => tag.tagId),
    translations: article.versions,
  };
}

export type TagLink = { id: string; label: string; slug: string };

/** Labels in one language of the given tags, in the given order; tags without one are left out. */
export async function listTagLabels(language: Locale, tagIds: string[]): Promise<TagLink[]> {
  if (tagIds.length === 0) return [];
  const labels = await db.tagLabel.findMany({
    where: { language, tagId: { in: tagIds } },
    select: { tagId: true, label: true, slug: true },
  });
  const byTag = new Map(labels.map((label) => [label.tagId, { id: label.tagId, label: label.label, slug: label.slug }]));
  return tagIds.flatMap((id) => byTag.get(id) ?? []);
}

type TeaserSqlRow = {
  id: string;
  article_id: string;
  slug: string;
  title: string;
  standfirst: string | null;
  dateline_place: string | null;
  published_at: Date;
};

function teaserFromSql(row: TeaserSqlRow): ArticleTeaser {
  return {
    id: row.id,
    articleId: row.article_id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    datelinePlace: row.dateline_place,
    publishedAt: row.published_at.toISOString(),
  };
}

/** Other published stories in this language sharing the most tags with this one, newest first. */
export async function listRelatedArticles(language: Locale, articleId: string, limit = RELATED_SIZE): Promise<ArticleTeaser[]> {
  // Only each shared tag's most recently tagged stories are candidates (index on tag, created_at):
  // a tag on a quarter of the archive would otherwise count 25,000 stories for every page.
  const rows = await db.$queryRaw<TeaserSqlRow[]>`
    SELECT v.id, v.article_id, v.slug, v.title, v.standfirst, v.dateline_place, v.published_at
      FROM article_tags mine
      CROSS JOIN LATERAL (
        SELECT theirs.article_id FROM article_tags theirs
         WHERE theirs.tag_id = mine.tag_id AND theirs.article_id <> mine.article_id
         ORDER BY theirs.created_at DESC
         LIMIT ${RELATED_CANDIDATES_PER_TAG}
      ) recent
      JOIN article_versions v ON v.article_id = recent.article_id AND v.language = ${language}
     WHERE mine.article_id = ${articleId} AND ${publishedSql()}
     GROUP BY v.id
     ORDER BY count(*) DESC, v.published_at DESC, v.id
     LIMIT ${limit}`;
  return rows.map(teaserFromSql);
}

/**
 * Whether a tag leads readers anywhere in a language: its page and feeds exist, and it is in the
 * sitemap, only while one of its stories is published in that language.
 */
export async function tagHasPublishedArticle(language: Locale, tagId: string): Promise<boolean> {
  const story = await db.articleTag.findFirst({
    where: { tagId, article: { versions: { some: publishedWhere(language) } } },
    select: { articleId: true },
  });
  return story !== null;
}

/** A tag by its slug in one language (feeds and search filters name tags by slug). */
export async function findTagBySlug(language: Locale, slug: string): Promise<(TagLink & { description: string | null }) | null> {
  if (slug.length > MAX_SLUG_LENGTH) return null;
  const label = await db.tagLabel.findUnique({
    where: { language_slug: { language, slug } },
    select: { tagId: true, label: true, slug: true, description: true },
  });
  return label ? { id: label.tagId, label: label.label, slug: label.slug, description: label.description } : null;
}

export type FeedItem = ArticleTeaser & { updatedAt: string; summary: string; tags: string[] };

/** The newest published stories of a language, or of one tag in that language, for RSS and Atom. */
export async function listFeedItems(language: Locale, tagId?: string, limit = FEED_SIZE): Promise<FeedItem[]> {
  const rows = await db.articleVersion.findMany({
    where: { ...publishedWhere(language), ...(tagId ? { article: { tags: { some: { tagId } } } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      ...teaserSelect,
      updatedAt: true,
      bodyText: true,
      article: { select: { tags: { select: { tag: { select: { labels: { where: { language }, select: { label: true } } } } } } } },
    },
  });
  return rows.map(({ updatedAt, bodyText, article, ...row }) => {
    const teaser = toTeaser(row);
    return {
      ...teaser,
      updatedAt: updatedAt > new Date(teaser.publishedAt) ? updatedAt.toISOString() : teaser.publishedAt,
      summary: row.standfirst ?? excerpt(bodyText),
      tags: article.tags.flatMap((link) => link.tag.labels.map((label) => label.label)),
    };
  });
}

function excerpt(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, flat.lastIndexOf(" ", max) > 0 ? flat.lastIndexOf(" ", max) : max)}…`;
}

export type SitemapArticle = { articleId: string; versions: { language: string; slug: string; lastModified: string }[] };

/** Every published story with its published languages, for sitemap.xml and its hreflang links. */
export async function listSitemapArticles(limit = SITEMAP_LIMIT): Promise<SitemapArticle[]> {
  const rows = await db.articleVersion.findMany({
    where: publishedWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { articleId: true, language: true, slug: true, updatedAt: true, publishedAt: true },
  });
  const byArticle = new Map<string, SitemapArticle>();
  for (const row of rows) {
    const entry = byArticle.get(row.articleId) ?? { articleId: row.articleId, versions: [] };
    const modified = row.publishedAt && row.publishedAt > row.updatedAt ? row.publishedAt : row.updatedAt;
    entry.versions.push({ language: row.language, slug: row.slug, lastModified: modified.toISOString() });
    byArticle.set(row.articleId, entry);
  }
  return [...byArticle.values()];
}

export type SitemapTag = { tagId: string; labels: { language: string; slug: string }[] };

/** Tags that lead to at least one published story, with their slug in each language that has one. */
export async function listSitemapTags(limit = 10_000): Promise<SitemapTag[]> {
  const rows = await db.$queryRaw<{ tag_id: string; language: string; slug: string }[]>`
    SELECT l.tag_id, l.language, l.slug
      FROM tag_labels l
     WHERE l.tag_id IN (
             SELECT at.tag_id FROM article_tags at
               JOIN article_versions v ON v.article_id = at.article_id AND v.language = l.language
              WHERE ${publishedSql()})
     ORDER BY l.tag_id, l.language
     LIMIT ${limit}`;
  const byTag = new Map<string, SitemapTag>();
  for (const row of rows) {
    const entry = byTag.get(row.tag_id) ?? { tagId: row.tag_id, labels: [] };
    entry.labels.push({ language: row.language, slug: row.slug });
    byTag.set(row.tag_id, entry);
  }
  return [...byTag.values()];
}

export type NewsSitemapItem = { language: string; slug: string; title: string; publishedAt: string };

/** Stories published in the last two days (what a news sitemap may list). */
export async function listRecentlyPublished(now = new Date(), limit = 1000): Promise<NewsSitemapItem[]> {
  const since = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000);
  const rows = await db.articleVersion.findMany({
    where: { ...publishedWhere(undefined, now), publishedAt: { lte: now, gte: since } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { language: true, slug: true, title: true, publishedAt: true },
  });
  return rows.map((row) => ({ ...row, publishedAt: (row.publishedAt ?? now).toISOString() }));
}
