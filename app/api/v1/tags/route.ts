// GET /api/v1/tags: the tags of one language that lead to at least one published story.
import { listApiTagsCached } from "@/lib/api/cached";
import { apiHandler, parseInput, queryOf } from "@/lib/api/http";
import { tagsQuery } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async (request) => {
  const { lang } = parseInput(tagsQuery, queryOf(request));
  return { body: { data: await listApiTagsCached(lang) } };
});
