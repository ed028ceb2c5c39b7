// Any version of a story (a draft included) in the article page's data shape, read uncached and
// rendered by the same renderer as the published page; a preview lists no related stories and
// links no other language.
import "server-only";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { addFigureImages, figureAssetIdsInHtml } from "@/lib/media/figure-html";
import { getImagesForFigures, getLeadImageForArticle } from "@/lib/media/queries";
import type { ArticlePageData } from "@/lib/public/article-page";
import { ARTICLE_PAGE_VERSION_FIELDS, listTagLabels } from "@/lib/public/queries";
import { renderDocumentHtml } from "@/lib/rich-text/render";

export async function loadPreviewData(versionId: string): Promise<{ locale: Locale; data: ArticlePageData } | null> {
  const version = await db.articleVersion.findUnique({
    where: { id: versionId },
    select: {
      ...ARTICLE_PAGE_VERSION_FIELDS,
      article: { select: { sourceLanguage: true, tags: { select: { tagId: true }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!version || !isLocale(version.language)) return null;
  const locale = version.language;
  const { article, corrections, bodyJson, publishedAt, firstPublishedAt, updatedAt, ...fields } = version;
  const tagIds = article.tags.map((tag) => tag.tagId);
  // A draft has no publication time yet: the page dates it by its last edit.
  const shownAt = (publishedAt ?? updatedAt).toISOString();
  const renderedHtml = renderDocumentHtml(bodyJson);
  const [tags, leadImage, figures] = await Promise.all([
    listTagLabels(locale, tagIds),
    getLeadImageForArticle(version.articleId, locale),
    getImagesForFigures(figureAssetIdsInHtml(renderedHtml), locale),
  ]);
  return {
    locale,
    data: {
      article: {
        ...fields,
        sourceLanguage: article.sourceLanguage,
        bodyHtml: addFigureImages(renderedHtml, figures),
        publishedAt: shownAt,
        firstPublishedAt: (firstPublishedAt ?? publishedAt ?? updatedAt).toISOString(),
        updatedAt: shownAt,
        corrections: corrections.map((note) => ({ ...note, correctedAt: note.correctedAt.toISOString() })),
        tagIds,
        translations: [],
      },
      tags,
      related: [],
      leadImage,
    },
  };
}
