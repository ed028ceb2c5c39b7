// The content API's reads. Every one goes through publishedWhere or its SQL twin publishedSql
// (lib/public/queries.ts), the one definition of what a reader may see: drafts, scheduled,
// unpublished and archived versions never leave through the API. Lists page by cursor (published
// time, then id) on the same index the reader home uses, so page 5,000 costs what page 1 does.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/i18n/languages";
import { getMediaStorage } from "@/lib/media/storage";
import { parseVariants } from "@/lib/media/variants";
import { lastPublicChange, publishedSql, publishedWhere } from "@/lib/public/queries";
import { newestMatchingVersionIds, normalizeSearchQuery } from "@/lib/public/search";
import { absoluteUrl, MAX_SLUG_LENGTH, paths } from "@/lib/public/site";
import { renderDocumentHtml } from "@/lib/rich-text/render";
import { apiPaths } from "./paths";
import type { z } from "zod";
import type { articleListSchema, articleSchema, articleSummarySchema, photoSchema, tagSchema } from "./schemas";

export type ApiArticleSummary = z.infer<typeof articleSummarySchema>;
export type ApiArticle = z.infer<typeof articleSchema>;
export type ApiPhoto = z.infer<typeof photoSchema>;
export type ApiTag = z.infer<typeof tagSchema>;

export type ListInput = { lang: Language; cursor?: string; limit: number; tag?: string; since?: string; updatedSince?: string; q?: string };

/** A cursor names the last row of a page: its published time and version id, base64url-encoded. */
export function encodeCursor(publishedAt: Date, versionId: string): string {
  return Buffer.from(JSON.stringify([publishedAt.toISOString(), versionId])).toString("base64url");
}

export function decodeCursor(cursor: string): { publishedAt: Date; versionId: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const publishedAt = new Date(String(at));
    if (typeof id !== "string" || id.length > 64 || Number.isNaN(publishedAt.getTime())) return null;
    return { publishedAt, versionId: id };
  } catch {
    return null;
  }
}

const summarySelect = {
  id: true,
  articleId: true,
  language: true,
  slug: true,
  title: true,
  standfirst: true,
  datelinePlace: true,
  publishedAt: true,
  updatedAt: true,
} satisfies Prisma.ArticleVersionSelect;

type SummaryRow = Prisma.ArticleVersionGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): ApiArticleSummary {
  const publishedAt = row.publishedAt ?? new Date(0);
  const language = row.language as Language;
  return {
    id: row.articleId,
    versionId: row.id,
    language,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    datelinePlace: row.datelinePlace,
    publishedAt: publishedAt.toISOString(),
    updatedAt: lastPublicChange(row.updatedAt, publishedAt).toISOString(),
    links: { url: absoluteUrl(paths.article(language, row.slug)), api: absoluteUrl(apiPaths.article(row.articleId, language)) },
  };
}

/** A tag filter names a tag by id or by its slug in the list's language; null when no such tag. */
async function resolveTag(language: Language, tag: string): Promise<string | null> {
  if (tag.length > MAX_SLUG_LENGTH) return null;
  const bySlug = await db.tagLabel.findUnique({ where: { language_slug: { language, slug: tag } }, select: { tagId: true } });
  if (bySlug) return bySlug.tagId;
  const byId = await db.tag.findUnique({ where: { id: tag }, select: { id: true } });
  return byId?.id ?? null;
}

export async function listApiArticles(input: ListInput): Promise<z.infer<typeof articleListSchema>> {
  const empty = { data: [], nextCursor: null };
  const where: Prisma.ArticleVersionWhereInput[] = [publishedWhere(input.lang)];
  if (input.tag) {
    const tagId = await resolveTag(input.lang, input.tag);
    if (!tagId) return empty;
    where.push({ article: { tags: { some: { tagId } } } });
  }
  if (input.since) where.push({ publishedAt: { gte: new Date(input.since) } });
  if (input.updatedSince) where.push({ updatedAt: { gte: new Date(input.updatedSince) } });
  const query = normalizeSearchQuery(input.q);
  if (query) where.push({ id: { in: await newestMatchingVersionIds(input.lang, query) } });
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    if (!after) throw new InvalidCursor();
    where.push({ OR: [{ publishedAt: { lt: after.publishedAt } }, { publishedAt: after.publishedAt, id: { gt: after.versionId } }] });
  }
  const rows = await db.articleVersion.findMany({
    where: { AND: where },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: input.limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(toSummary),
    nextCursor: rows.length > input.limit && last?.publishedAt ? encodeCursor(last.publishedAt, last.id) : null,
  };
}

export class InvalidCursor extends Error {
  constructor() {
    super("The cursor is not one this API gave out.");
  }
}

type ArticleSqlRow = {
  id: string;
  article_id: string;
  language: string;
  slug: string;
  title: string;
  standfirst: string | null;
  dateline_place: string | null;
  published_at: Date;
  updated_at: Date;
  first_published_at: Date | null;
  source_language: string;
  source_agency: string | null;
  story_date: string | null;
  seo_description: string | null;
  body_json: unknown;
  body_text: string;
  lead_photo: PhotoRow | null;
  /** Times inside the JSON columns are epoch milliseconds: a JSON timestamp would lose its zone. */
  corrections: { body: string; correctedAt: number }[];
  tags: ApiTag[];
  translations: { language: string; slug: string; title: string }[];
};

/**
 * One story in one language (its source language when none is named), or null when not published there.
 * One statement: the version, its corrections, its tags labelled in its language, its lead photo and
 * the other published languages, aggregated as JSON: one round trip however many relations it reads.
 */
export async function getApiArticle(articleId: string, language?: Language): Promise<ApiArticle | null> {
  const now = new Date();
  const [row] = await db.$queryRaw<ArticleSqlRow[]>`
    SELECT v.id, v.article_id, v.language, v.slug, v.title, v.standfirst, v.dateline_place, v.published_at, v.updated_at,
           v.first_published_at, a.source_language, v.source_agency, v.story_date, v.seo_description, v.body_json, v.body_text,
           (SELECT json_build_object('id', m.id, 'width', m.width, 'height', m.height, 'credit', m.credit, 'variants', m.variants,
                     'texts', (SELECT coalesce(json_agg(json_build_object('language', mt.language, 'alt', mt.alt, 'caption', mt.caption)
                                                        ORDER BY mt.language), '[]')
                                 FROM media_texts mt WHERE mt.asset_id = m.id))
              FROM media_assets m WHERE m.id = a.lead_image_id) AS lead_photo,
           (SELECT coalesce(json_agg(json_build_object('body', c.body, 'correctedAt', (extract(epoch FROM c.corrected_at) * 1000)::bigint)
                                     ORDER BY c.corrected_at), '[]')
              FROM correction_notes c WHERE c.version_id = v.id) AS corrections,
           (SELECT coalesce(json_agg(json_build_object('id', t.id, 'type', t.type, 'label', l.label, 'slug', l.slug)
                                     ORDER BY at.created_at), '[]')
              FROM article_tags at JOIN tags t ON t.id = at.tag_id JOIN tag_labels l ON l.tag_id = t.id AND l.language = v.language
             WHERE at.article_id = a.id) AS tags,
           (SELECT coalesce(json_agg(json_build_object('language', other.language, 'slug', other.slug, 'title', other.title)
                                     ORDER BY other.language), '[]')
              FROM article_versions other
             WHERE other.article_id = a.id AND other.language <> v.language
               AND ${publishedSql(now, "other")}) AS translations
      FROM articles a
      JOIN article_versions v ON v.article_id = a.id AND v.language = coalesce(${language ?? null}::text, a.source_language)
     WHERE a.id = ${articleId} AND ${publishedSql(now)}`;
  if (!row) return null;
  return {
    ...toSummary({
      id: row.id,
      articleId: row.article_id,
      language: row.language,
      slug: row.slug,
      title: row.title,
      standfirst: row.standfirst,
      datelinePlace: row.dateline_place,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
    }),
    sourceLanguage: row.source_language,
    sourceAgency: row.source_agency,
    storyDate: row.story_date,
    firstPublishedAt: (row.first_published_at ?? row.published_at).toISOString(),
    seoDescription: row.seo_description,
    bodyHtml: renderDocumentHtml(row.body_json),
    bodyText: row.body_text,
    corrections: row.corrections.map((note) => ({ body: note.body, correctedAt: new Date(note.correctedAt).toISOString() })),
    tags: row.tags,
    leadPhoto: row.lead_photo ? toApiPhoto(row.lead_photo) : null,
    translations: row.translations.map((other) => {
      const otherLanguage = other.language as Language;
      return {
        language: otherLanguage,
        slug: other.slug,
        title: other.title,
        links: { url: absoluteUrl(paths.article(otherLanguage, other.slug)), api: absoluteUrl(apiPaths.article(articleId, otherLanguage)) },
      };
    }),
  };
}

/** Which story a language and slug name, when published there. */
export async function findApiArticleId(language: Language, slug: string): Promise<string | null> {
  if (slug.length > MAX_SLUG_LENGTH) return null;
  const row = await db.articleVersion.findFirst({ where: { ...publishedWhere(language), slug }, select: { articleId: true } });
  return row?.articleId ?? null;
}

/** Tags with at least one published story in the language, with their label and slug there. */
export async function listApiTags(language: Language): Promise<ApiTag[]> {
  const labels = await db.tagLabel.findMany({
    where: { language, tag: { mergedIntoId: null, articles: { some: { article: { versions: { some: publishedWhere(language) } } } } } },
    orderBy: { label: "asc" },
    take: 5000,
    select: { label: true, slug: true, tag: { select: { id: true, type: true } } },
  });
  return labels.map((label) => ({ id: label.tag.id, type: label.tag.type, label: label.label, slug: label.slug }));
}

/** A photo, only when a published version shows it (as lead picture or inline figure). */
export async function getApiPhoto(assetId: string): Promise<ApiPhoto | null> {
  const now = new Date();
  const shown = await db.mediaAsset.findFirst({
    where: {
      id: assetId,
      OR: [
        { leadOf: { some: { versions: { some: publishedWhere(undefined, now) } } } },
        { usages: { some: { articleVersion: publishedWhere(undefined, now) } } },
      ],
    },
    select: { id: true },
  });
  return shown ? getApiPhotoUnchecked(shown.id) : null;
}

/** The caller has established that the photo is public. */
async function getApiPhotoUnchecked(assetId: string): Promise<ApiPhoto | null> {
  const asset = await db.mediaAsset.findUnique({
    where: { id: assetId },
    select: {
      id: true,
      width: true,
      height: true,
      credit: true,
      variants: true,
      texts: { orderBy: { language: "asc" }, select: { language: true, alt: true, caption: true } },
    },
  });
  return asset ? toApiPhoto(asset) : null;
}

type PhotoRow = { id: string; width: number; height: number; credit: string | null; variants: unknown; texts: ApiPhoto["texts"] };

function toApiPhoto(asset: PhotoRow): ApiPhoto {
  const storage = getMediaStorage();
  return {
    id: asset.id,
    width: asset.width,
    height: asset.height,
    credit: asset.credit,
    texts: asset.texts,
    derivatives: parseVariants(asset.variants).map((variant) => ({
      url: absoluteMediaUrl(storage.url(variant.key)),
      width: variant.width,
      height: variant.height,
      format: variant.format,
    })),
  };
}

/** Photos on a bucket have their own origin; those on disk are served by the site. */
function absoluteMediaUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : absoluteUrl(url);
}
