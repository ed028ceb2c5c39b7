// Finds article versions by words of their title, as one types (each word a prefix), for the
// command palette: the stored search vector's GIN index narrows, the title itself decides, at most
// `limit` rows in the order of the latest change. Everyone who may list articles sees every version.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";

export const TITLE_SEARCH_LIMIT = 10;
const MAX_WORDS = 8;

export type TitleSearchHit = { id: string; title: string; language: string; status: VersionStatus };

/** `Vietnam, Jap` → `vietnam:* & jap:*`: only letters and digits reach to_tsquery, so no syntax error. */
export function prefixQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_WORDS) ?? [];
  return words.length ? words.map((word) => `${word.toLowerCase()}:*`).join(" & ") : null;
}

export async function searchVersionTitles(text: string, limit = TITLE_SEARCH_LIMIT): Promise<TitleSearchHit[]> {
  const query = prefixQuery(text);
  if (!query) return [];
  const { sql } = Prisma;
  const inLanguage = (language: Language, config: string) =>
    sql`(v.language = ${language} AND v.search_vector @@ to_tsquery(${config}::regconfig, ${query})
         AND to_tsvector(${config}::regconfig, v.title) @@ to_tsquery(${config}::regconfig, ${query}))`;
  return db.$queryRaw<TitleSearchHit[]>(sql`
    SELECT v.id, v.title, v.language, v.status::text AS status
    FROM article_versions v
    WHERE ${inLanguage("fr", "french_unaccent")} OR ${inLanguage("en", "english_unaccent")}
    ORDER BY v.updated_at DESC, v.id ASC
    LIMIT ${Math.min(limit, TITLE_SEARCH_LIMIT)}`);
}
