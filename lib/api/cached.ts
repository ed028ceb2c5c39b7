// The content API's reads through Next's data cache, under the reader site's cache tags, so the
// public-change consumer drops them on the same publish, edit, unpublish or re-tagging. As on the
// reader site only bounded key spaces are cached: one story per language, a language's first pages
// and its tags; a cursor, a filter or a search goes to the database.
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import type { Language } from "@/lib/i18n/languages";
import { getApiArticle, listApiArticles, listApiTags, type ListInput } from "./queries";

const AT_MOST_SECONDS = 300;

export function getApiArticleCached(articleId: string, language?: Language) {
  return unstable_cache(() => getApiArticle(articleId, language), ["api", "article", articleId, language ?? ""], {
    tags: [cacheTags.article(articleId)],
    revalidate: AT_MOST_SECONDS,
  })();
}

export function listApiArticlesCached(input: ListInput) {
  const firstPage = !input.cursor && !input.tag && !input.since && !input.updatedSince && !input.q;
  if (!firstPage) return listApiArticles(input);
  return unstable_cache(() => listApiArticles(input), ["api", "articles", input.lang, String(input.limit)], {
    tags: [cacheTags.listing(input.lang)],
    revalidate: AT_MOST_SECONDS,
  })();
}

export function listApiTagsCached(language: Language) {
  return unstable_cache(() => listApiTags(language), ["api", "tags", language], { tags: [cacheTags.all], revalidate: AT_MOST_SECONDS })();
}
