// The cache tag names of reader content: pure, so next.config.ts (HTTP headers), the public queries and
// lib/public-change (which tags a change touches) all read them without a cycle.
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
