// The cache tag names of reader content and the tags a change touches: pure, so next.config.ts (HTTP
// headers), the caching proxies' refresh and the shared cache all read them without a cycle.
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

export type PublicContentChange = { articleIds?: string[]; languages?: string[]; tagIds?: string[] };

/** The cache tags a change touches (also the surrogate keys a CDN would purge). */
export function publicContentTags(changed: PublicContentChange): string[] {
  const tags = [
    cacheTags.all,
    ...(changed.languages ?? []).map(cacheTags.listing),
    ...(changed.articleIds ?? []).map(cacheTags.article),
    ...(changed.tagIds ?? []).map(cacheTags.tag),
  ];
  return [...new Set(tags)];
}
