// GET /api/v1/ninjs/{id}: one published story in one language as an IPTC ninjs 2.2 document, from
// the same cached read as /api/v1/articles/{id} (so the same ETag rules and purge on publish).
import { getApiArticleCached } from "@/lib/api/cached";
import { apiHandler, notFound, parseInput, queryOf } from "@/lib/api/http";
import { toNinjs } from "@/lib/api/ninjs";
import { articleIdParams, articleQuery } from "@/lib/api/schemas";
import { cacheTags } from "@/lib/cache/tags";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(articleIdParams, params);
  const { lang } = parseInput(articleQuery, queryOf(request));
  const article = (await getApiArticleCached(id, lang)) ?? notFound("This article");
  return { body: toNinjs(article), surrogateKeys: [cacheTags.article(id)] };
});
