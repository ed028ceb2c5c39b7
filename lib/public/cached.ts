// The reader site's reads through Next's data cache, tagged with lib/cache/tags.ts's names
// so the public-change consumer (lib/public-change) after a publish, edit, unpublish or re-tagging drops exactly them.
// Only bounded key spaces are cached (real stories, real tags, existing pages): a URL or a search
// typed by anyone goes to the database uncached, so nobody can fill the cache with junk keys.
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import type { Locale } from "@/lib/i18n/routing";
import {
  countPublishedArticles,
  getPublishedArticle,
  listFeedItems,
  listLatestArticles,
  listRecentlyPublished,
  listRelatedArticles,
  listSitemapArticles,
  listSitemapTags,
  listTagLabels,
} from "./queries";
import { listSearchFacets } from "./search";

// A PUBLISHED version whose publishedAt lies ahead appears when that time comes, which no write
// announces: cached reads are refreshed at least this often.
const AT_MOST_SECONDS = 300;

function cached<T>(read: () => Promise<T>, key: string[], tags: string[]): Promise<T> {
  return unstable_cache(read, ["public", ...key], { tags, revalidate: AT_MOST_SECONDS })();
}

export function getLatestArticlesCached(language: Locale, page: number) {
  return cached(() => listLatestArticles(language, page), ["latest", language, String(page)], [cacheTags.listing(language)]);
}

export function countPublishedArticlesCached(language: Locale) {
  return cached(() => countPublishedArticles(language), ["count", language], [cacheTags.listing(language)]);
}

/** One story in one language (the caller found its id from the URL's slug, uncached). */
export function getPublishedArticleCached(language: Locale, articleId: string) {
  return cached(() => getPublishedArticle(language, articleId), ["article", language, articleId], [cacheTags.article(articleId)]);
}

export function listTagLabelsCached(language: Locale, articleId: string, tagIds: string[]) {
  return cached(
    () => listTagLabels(language, tagIds),
    ["article-tags", language, articleId, ...tagIds],
    [cacheTags.article(articleId), ...tagIds.map(cacheTags.tag)],
  );
}

export function listRelatedArticlesCached(language: Locale, articleId: string, tagIds: string[]) {
  return cached(
    () => listRelatedArticles(language, articleId),
    ["related", language, articleId, ...tagIds],
    // Another story published, unpublished or re-tagged in this language changes the list.
    [cacheTags.listing(language), cacheTags.article(articleId), ...tagIds.map(cacheTags.tag)],
  );
}

export function listFeedItemsCached(language: Locale, tagId?: string) {
  return cached(
    () => listFeedItems(language, tagId),
    ["feed", language, tagId ?? ""],
    tagId ? [cacheTags.listing(language), cacheTags.tag(tagId)] : [cacheTags.listing(language)],
  );
}

export function listSearchFacetsCached(language: Locale) {
  return cached(() => listSearchFacets(language), ["facets", language], [cacheTags.listing(language)]);
}

export function listSitemapArticlesCached() {
  return cached(() => listSitemapArticles(), ["sitemap-articles"], [cacheTags.all]);
}

export function listSitemapTagsCached() {
  return cached(() => listSitemapTags(), ["sitemap-tags"], [cacheTags.all]);
}

export function listRecentlyPublishedCached() {
  return cached(() => listRecentlyPublished(), ["news-sitemap"], [cacheTags.all]);
}
