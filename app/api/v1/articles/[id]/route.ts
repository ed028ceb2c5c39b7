// GET /api/v1/articles/{id}: one published story in one language, with its other languages linked.
import { getApiArticleCached } from "@/lib/api/cached";
import { apiHandler, notFound, parseInput, queryOf } from "@/lib/api/http";
import { articleIdParams, articleQuery } from "@/lib/api/schemas";
import { cacheTags } from "@/lib/cache/tags";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(articleIdParams, params);
  const { lang } = parseInput(articleQuery, queryOf(request));
  const article = (await getApiArticleCached(id, lang)) ?? notFound("This article");
  return { body: article, surrogateKeys: [cacheTags.article(id)] };
});
