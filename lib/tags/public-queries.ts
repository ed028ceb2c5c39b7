// Reader-facing reads of a tag page: which tag a slug names (or where a merged tag's slug now
// leads), and the tag's published articles in one language. Only what publishedWhere lets a reader
// see (published, its time come, no embargo) is ever returned.
import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { publishedWhere, tagHasPublishedArticle } from "@/lib/public/queries";
import { MAX_SLUG_LENGTH } from "@/lib/public/site";

export const TAG_PAGE_SIZE = 20;
const MAX_MERGE_HOPS = 10;

export type PublicTag = { id: string; label: string; slug: string; description: string | null };

export type TagSlugTarget = { kind: "tag"; tag: PublicTag } | { kind: "redirect"; slug: string } | { kind: "missing" };

/**
 * What `/<language>/tag/<slug>` shows: the tag; or, for a merged tag's slug (or a slug of the
 * other language), the slug to redirect to; or nothing (also while none of the tag's stories is
 * published in this language: a page for nothing would be a 404 in all but name).
 */
export async function resolveTagSlug(language: Locale, slug: string): Promise<TagSlugTarget> {
  if (slug.length > MAX_SLUG_LENGTH) return { kind: "missing" };
  const own = await db.tagLabel.findUnique({ where: { language_slug: { language, slug } }, select: { tagId: true } });
  const found = own ?? (await db.tagLabel.findFirst({ where: { slug, language: { not: language } }, select: { tagId: true } }));
  if (!found) return { kind: "missing" };

  let tag = await db.tag.findUnique({ where: { id: found.tagId }, select: { id: true, mergedIntoId: true } });
  for (let hops = 0; tag?.mergedIntoId && hops < MAX_MERGE_HOPS; hops++) {
    tag = await db.tag.findUnique({ where: { id: tag.mergedIntoId }, select: { id: true, mergedIntoId: true } });
  }
  if (!tag || tag.mergedIntoId) return { kind: "missing" };
  const label = await db.tagLabel.findUnique({
    where: { tagId_language: { tagId: tag.id, language } },
    select: { label: true, slug: true, description: true },
  });
  if (!label) return { kind: "missing" };
  if (label.slug !== slug || tag.id !== found.tagId) return { kind: "redirect", slug: label.slug };
  if (!(await tagHasPublishedArticle(language, tag.id))) return { kind: "missing" };
  return { kind: "tag", tag: { id: tag.id, ...label } };
}

/** The tag's published articles in `language`, newest first, one page. */
export async function listPublishedArticlesForTag(tagId: string, language: string, page = 1) {
  const where = { ...publishedWhere(language), article: { tags: { some: { tagId } } } };
  const [rows, total] = await Promise.all([
    db.articleVersion.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * TAG_PAGE_SIZE,
      take: TAG_PAGE_SIZE,
      select: { id: true, articleId: true, slug: true, title: true, standfirst: true, datelinePlace: true, publishedAt: true },
    }),
    db.articleVersion.count({ where }),
  ]);
  // Plain JSON (dates as ISO strings), so the result can sit in Next's data cache.
  const articles = rows.map((row) => ({ ...row, publishedAt: (row.publishedAt ?? new Date(0)).toISOString() }));
  return { articles, total, pageCount: Math.max(1, Math.ceil(total / TAG_PAGE_SIZE)) };
}
