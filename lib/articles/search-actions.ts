"use server";
// The command palette's article search: a server action so the permission check and the row limit
// stay on the server (lib/articles/title-search.ts).
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { searchVersionTitles, type TitleSearchHit } from "@/lib/articles/title-search";

const titleSearchSchema = z.object({ q: z.string().trim().max(200) });

export const searchArticleTitles = defineAction<typeof titleSearchSchema, TitleSearchHit[]>({
  permission: "article.list",
  schema: titleSearchSchema,
  async run({ q }) {
    return { data: await searchVersionTitles(q) };
  },
});
