// The reader site's media reads through Next's data cache, under the article's cache tag: setting
// a lead image or editing a photo's texts revalidates exactly the articles that show it.
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import { addFigureImages, figureAssetIdsInHtml } from "./figure-html";
import { getImagesForFigures, getLeadImageForArticle, type ResponsiveImageData } from "./queries";

export function getLeadImageForArticleCached(articleId: string, language: string): Promise<ResponsiveImageData | null> {
  return unstable_cache(() => getLeadImageForArticle(articleId, language), ["public", "lead-image", articleId, language], {
    tags: [cacheTags.article(articleId)],
    revalidate: 300,
  })();
}

/** og:image / JSON-LD entry of a lead image; `absolute` turns a site path into a full URL. */
export function shareImageOf(image: ResponsiveImageData, absolute: (path: string) => string) {
  const url = /^https?:\/\//.test(image.shareImage.url) ? image.shareImage.url : absolute(image.shareImage.url);
  return { url, width: image.shareImage.width, height: image.shareImage.height, alt: image.alt };
}

/** A rendered body with the pictures of its figures, in the page's language (cached per article). */
export async function withFigureImages(bodyHtml: string, articleId: string, language: string): Promise<string> {
  const assetIds = figureAssetIdsInHtml(bodyHtml);
  if (assetIds.length === 0) return bodyHtml;
  const images = await unstable_cache(
    async () => [...(await getImagesForFigures(assetIds, language)).entries()],
    ["public", "figure-images", articleId, language, ...assetIds],
    {
      tags: [cacheTags.article(articleId)],
      revalidate: 300,
    },
  )();
  return addFigureImages(bodyHtml, new Map(images));
}
