// Everything an article page shows: the slug is resolved uncached (any URL may be typed), the
// story's content comes from the data cache.
import type { Locale } from "@/lib/i18n/routing";
import { getPublishedArticleCached, listRelatedArticlesCached, listTagLabelsCached } from "./cached";
import { findPublishedArticleId } from "./queries";
import { MAX_SLUG_LENGTH } from "./site";

export async function loadArticlePage(locale: Locale, slug: string) {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return null;
  const articleId = await findPublishedArticleId(locale, slug);
  if (!articleId) return null;
  const article = await getPublishedArticleCached(locale, articleId);
  if (!article) return null;
  const [tags, related] = await Promise.all([
    listTagLabelsCached(locale, articleId, article.tagIds),
    listRelatedArticlesCached(locale, articleId, article.tagIds),
  ]);
  return { article, tags, related };
}
