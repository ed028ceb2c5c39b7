// The tag page's article list through Next's data cache, tagged so that re-tagging, merging
// (cacheTags.tag) and publishing or unpublishing in that language (cacheTags.listing) drop it.
// Only the first pages are cached: a page number typed in a URL must not fill the cache.
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import { listPublishedArticlesForTag } from "./public-queries";

// A PUBLISHED version whose publishedAt lies ahead appears when that time comes, which no write
// announces: cached lists are refreshed at least this often.
const AT_MOST_SECONDS = 300;
const CACHED_PAGES = 20;

export function listPublishedArticlesForTagCached(tagId: string, language: string, page: number) {
  if (page > CACHED_PAGES) return listPublishedArticlesForTag(tagId, language, page);
  return unstable_cache(
    () => listPublishedArticlesForTag(tagId, language, page),
    ["public", "tag-articles", tagId, language, String(page)],
    {
      tags: [cacheTags.tag(tagId), cacheTags.listing(language), cacheTags.all],
      revalidate: AT_MOST_SECONDS,
    },
  )();
}
