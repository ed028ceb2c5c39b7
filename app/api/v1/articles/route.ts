// GET /api/v1/articles: published articles of one language, newest first, by cursor.
import { listApiArticlesCached } from "@/lib/api/cached";
import { ApiError, apiHandler, parseInput, queryOf } from "@/lib/api/http";
import { InvalidCursor } from "@/lib/api/queries";
import { listArticlesQuery } from "@/lib/api/schemas";
import { cacheTags } from "@/lib/cache/tags";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async (request) => {
  const query = parseInput(listArticlesQuery, queryOf(request));
  try {
    return { body: await listApiArticlesCached(query), surrogateKeys: [cacheTags.listing(query.lang)] };
  } catch (error) {
    if (error instanceof InvalidCursor) throw new ApiError(400, "invalid_request", `cursor: ${error.message}`);
    throw error;
  }
});
