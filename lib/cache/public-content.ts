// The cache tags of reader pages, and the one function every write calls after changing what
// readers can see (publish, unpublish, edit of a published version, re-tagging, scheduling).
// Public queries tag their cached results with these names; nothing else guesses paths.
import { revalidateTag } from "next/cache";

export const cacheTags = {
  /** Everything the reader site shows (sitemaps, feeds). */
  all: "public",
  /** Home page, feeds and search of one language. */
  listing: (language: string) => `listing:${language}`,
  /** One story's pages in every language (its versions link to each other). */
  article: (articleId: string) => `article:${articleId}`,
  /** A tag page, in every language. */
  tag: (tagId: string) => `tag:${tagId}`,
};

export function revalidatePublicContent(changed: { articleIds?: string[]; languages?: string[]; tagIds?: string[] }): void {
  const tags = [
    cacheTags.all,
    ...(changed.languages ?? []).map(cacheTags.listing),
    ...(changed.articleIds ?? []).map(cacheTags.article),
    ...(changed.tagIds ?? []).map(cacheTags.tag),
  ];
  // Expire at once rather than stale-while-revalidate: an unpublished article must not be served
  // even once more.
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
