// GET /api/v1/articles/by-slug/{lang}/{slug}: the story a reader URL names.
import { getApiArticleCached } from "@/lib/api/cached";
import { apiHandler, notFound, parseInput } from "@/lib/api/http";
import { findApiArticleId } from "@/lib/api/queries";
import { articleSlugParams } from "@/lib/api/schemas";
import { cacheTags } from "@/lib/cache/tags";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ lang: string; slug: string }>(async (_request, params) => {
  const { lang, slug } = parseInput(articleSlugParams, { lang: params.lang, slug: decodeURIComponent(params.slug) });
  const id = (await findApiArticleId(lang, slug)) ?? notFound("This article");
  const article = (await getApiArticleCached(id, lang)) ?? notFound("This article");
  return { body: article, surrogateKeys: [cacheTags.article(id)] };
});
