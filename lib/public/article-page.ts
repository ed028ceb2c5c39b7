// Everything an article page shows: the slug is resolved uncached (any URL may be typed), the
// story's content comes from the data cache. lib/preview fills the same shape for any version.
import type { Locale } from "@/lib/i18n/routing";
import { getLeadImageForArticleCached, withFigureImages } from "@/lib/media/cached";
import type { ResponsiveImageData } from "@/lib/media/queries";
import { getPublishedArticleCached, listRelatedArticlesCached, listTagLabelsCached } from "./cached";
import { findPublishedArticleId, type ArticleTeaser, type PublishedArticle, type TagLink } from "./queries";
import { MAX_SLUG_LENGTH } from "./site";

/** What the article page renders; `article.bodyHtml` already carries its figures' images. */
export type ArticlePageData = {
  article: PublishedArticle;
  tags: TagLink[];
  related: ArticleTeaser[];
  leadImage: ResponsiveImageData | null;
};

export async function loadArticlePage(locale: Locale, slug: string): Promise<ArticlePageData | null> {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return null;
  const articleId = await findPublishedArticleId(locale, slug);
  if (!articleId) return null;
  const article = await getPublishedArticleCached(locale, articleId);
  if (!article) return null;
  const [tags, related, leadImage, bodyHtml] = await Promise.all([
    listTagLabelsCached(locale, articleId, article.tagIds),
    listRelatedArticlesCached(locale, articleId, article.tagIds),
    getLeadImageForArticleCached(articleId, locale),
    withFigureImages(article.bodyHtml, articleId, locale),
  ]);
  return { article: { ...article, bodyHtml }, tags, related, leadImage };
}
