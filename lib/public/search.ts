// Reader search: PostgreSQL full-text search over published versions of one language, ranked with
// ts_rank_cd, with highlighted snippets, filters by tag and year, paginated in SQL. It matches and
// ranks on article_versions.search_vector, stored by PostgreSQL in the version's own language, with
// the literal language the partial GIN indexes (article_versions_search_vector_fr/en_idx) name.
import "server-only";
import { db, replicaDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { headlineOptions, HIGHLIGHT_START, HIGHLIGHT_STOP, parseHighlight, type HighlightSegment } from "./highlight";
import { publishedSql, type ArticleTeaser, type TagLink } from "./queries";

export const SEARCH_PAGE_SIZE = 10;
/**
 * Ranking reads every matching document; a common word can match most of 100,000 articles and
 * took over a minute under load in the benchmark. Only the newest matches are ranked, and the
 * total shown is capped there ("1,000 results" means "at least").
 */
export const SEARCH_CANDIDATE_LIMIT = 1000;
export const MAX_QUERY_LENGTH = 200;
/** Snippets come from the standfirst and the body's beginning: ts_headline parses all it is given. */
export const SNIPPET_SOURCE_LENGTH = 3000;
/** Publication years are counted in the desk's time zone. */
export const SITE_TIME_ZONE = "Asia/Ho_Chi_Minh";

// Literals, never parameters: a partial index on `language = 'fr'` is only used when the planner
// sees this very constant, and the configuration must be the one search_vector was built with.
const SEARCH_SQL: Record<Locale, { config: Prisma.Sql; language: Prisma.Sql }> = {
  fr: { config: Prisma.raw("'french_unaccent'"), language: Prisma.raw("'fr'") },
  en: { config: Prisma.raw("'english_unaccent'"), language: Prisma.raw("'en'") },
};

/** What a reader typed, made safe to hand to websearch_to_tsquery: one string, no control or
 * marker characters, whitespace collapsed, at most MAX_QUERY_LENGTH characters; null when empty. */
export function normalizeSearchQuery(raw: string | string[] | undefined): string | null {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== "string") return null;
  const cleaned = first
    .slice(0, MAX_QUERY_LENGTH * 4)
    .toWellFormed()
    .replace(/[\p{Cc}\p{Cf}\p{Co}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const capped = [...cleaned].slice(0, MAX_QUERY_LENGTH).join("").trim();
  return capped === "" ? null : capped;
}

/** A year filter from the query string, or null when absent or absurd. */
export function parseYear(raw: string | string[] | undefined): number | null {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1900 && value <= 2200 ? value : null;
}

export type SearchHit = ArticleTeaser & { titleHighlight: HighlightSegment[]; snippet: HighlightSegment[] | null };
export type SearchResult = { hits: SearchHit[]; total: number; pageCount: number };
export type SearchInput = { query: string | null; tagId?: string | null; year?: number | null; page?: number };

type HitRow = {
  id: string;
  article_id: string;
  slug: string;
  title: string;
  standfirst: string | null;
  dateline_place: string | null;
  published_at: Date;
  title_headline: string | null;
  snippet: string | null;
  total: number;
};

export async function searchArticles(language: Locale, input: SearchInput): Promise<SearchResult> {
  const page = Math.max(1, input.page ?? 1);
  if (!input.query && !input.tagId && !input.year) return { hits: [], total: 0, pageCount: 1 };
  // Uncached and the heaviest public read: a read replica takes it when one is configured.
  const rows = await replicaDb.$queryRaw<HitRow[]>(searchSql(language, input, page));
  const total = rows[0]?.total ?? (page > 1 ? await countHits(language, input) : 0);
  return {
    hits: rows.map((row) => ({
      id: row.id,
      articleId: row.article_id,
      slug: row.slug,
      title: row.title,
      standfirst: row.standfirst,
      datelinePlace: row.dateline_place,
      publishedAt: row.published_at.toISOString(),
      titleHighlight: row.title_headline ? parseHighlight(row.title_headline) : [{ text: row.title, match: false }],
      snippet: row.snippet ? parseHighlight(row.snippet) : null,
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
  };
}

/** The one statement behind a search page (exported so a test can EXPLAIN it). */
export function searchSql(language: Locale, input: SearchInput, page: number): Prisma.Sql {
  const { query, tagId, year } = input;
  const { config, language: lang } = SEARCH_SQL[language];
  const tsQuery = Prisma.sql`websearch_to_tsquery(${config}, ${query ?? ""})`;
  const conditions = [Prisma.sql`v.language = ${lang}`, publishedSql()];
  if (query) conditions.push(Prisma.sql`v.search_vector @@ ${tsQuery}`);
  if (tagId)
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = v.article_id AND at.tag_id = ${tagId})`);
  if (year) {
    // published_at holds UTC wall time: the year's bounds in the desk's zone, converted to UTC.
    const bound = (y: number) => Prisma.sql`((make_timestamp(${y}::int, 1, 1, 0, 0, 0) AT TIME ZONE ${SITE_TIME_ZONE}) AT TIME ZONE 'UTC')`;
    conditions.push(Prisma.sql`v.published_at >= ${bound(year)} AND v.published_at < ${bound(year + 1)}`);
  }
  // Ranked in a step of its own, after the candidates are chosen: in the candidates' SELECT list
  // PostgreSQL would rank every match before the sort keeps the newest 1,000. The candidates carry
  // the vector (a TOAST pointer until ranking reads it), so ranking needs no second lookup.
  const rank = query ? Prisma.sql`ts_rank_cd(c.search_vector, ${tsQuery})` : Prisma.sql`0`;
  // Marker characters in the text itself are removed so every marker in the output is ts_headline's.
  const clean = (column: Prisma.Sql) => Prisma.sql`translate(${column}, ${HIGHLIGHT_START + HIGHLIGHT_STOP}, '')`;
  const headlines = query
    ? Prisma.sql`ts_headline(${config}, ${clean(Prisma.sql`v.title`)}, ${tsQuery}, ${headlineOptions("HighlightAll=true")}) AS title_headline,
                 ts_headline(${config}, ${clean(Prisma.sql`left(coalesce(v.standfirst || E'\n', '') || v.body_text, ${SNIPPET_SOURCE_LENGTH}::int)`)}, ${tsQuery},
                             ${headlineOptions('MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "')}) AS snippet`
    : Prisma.sql`NULL::text AS title_headline, NULL::text AS snippet`;

  // The candidates are the newest matches, and how PostgreSQL finds them depends on the words: for
  // a common one it walks the (language, status, published_at) index newest first and checks each
  // row's stored vector until it has enough; for a rare one it reads the GIN index. Both are chosen
  // from the statistics of search_vector, which the expression indexes never gave the planner.
  return Prisma.sql`
    WITH candidates AS MATERIALIZED (
      SELECT v.id, v.published_at, v.search_vector FROM article_versions v
       WHERE ${Prisma.join(conditions, " AND ")}
       ORDER BY v.published_at DESC
       LIMIT ${SEARCH_CANDIDATE_LIMIT}
    ), page AS (
      SELECT c.id, c.published_at, ${rank} AS rank FROM candidates c
       ORDER BY rank DESC, c.published_at DESC, c.id
       LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT v.id, v.article_id, v.slug, v.title, v.standfirst, v.dateline_place, v.published_at, ${headlines},
           (SELECT count(*) FROM candidates)::int AS total
      FROM page p JOIN article_versions v ON v.id = p.id
     ORDER BY p.rank DESC, p.published_at DESC, p.id`;
}

/** A page past the end returns no rows, hence no count: ask for page 1's. */
async function countHits(language: Locale, input: SearchInput): Promise<number> {
  return (await searchArticles(language, { ...input, page: 1 })).total;
}

export type SearchFacets = { tags: (TagLink & { count: number })[]; years: { year: number; count: number }[] };

/** The tags and years a reader can narrow a search to: only those with published stories. */
export async function listSearchFacets(language: Locale, tagLimit = 40): Promise<SearchFacets> {
  const [tags, years] = await Promise.all([
    db.$queryRaw<{ tag_id: string; label: string; slug: string; count: number }[]>`
      SELECT l.tag_id, l.label, l.slug, count(DISTINCT v.id)::int AS count
        FROM article_versions v
        JOIN article_tags at ON at.article_id = v.article_id
        JOIN tag_labels l ON l.tag_id = at.tag_id AND l.language = v.language
       WHERE v.language = ${language} AND ${publishedSql()}
       GROUP BY l.tag_id, l.label, l.slug
       ORDER BY count DESC, l.label
       LIMIT ${tagLimit}`,
    db.$queryRaw<{ year: number; count: number }[]>`
      SELECT extract(year FROM (v.published_at AT TIME ZONE 'UTC') AT TIME ZONE ${SITE_TIME_ZONE})::int AS year, count(*)::int AS count
        FROM article_versions v
       WHERE v.language = ${language} AND ${publishedSql()}
       GROUP BY 1
       ORDER BY 1 DESC`,
  ]);
  return {
    tags: tags
      .map((row) => ({ id: row.tag_id, label: row.label, slug: row.slug, count: row.count }))
      .sort((a, b) => a.label.localeCompare(b.label, language)),
    years,
  };
}

/** The newest published versions matching a query (at most SEARCH_CANDIDATE_LIMIT), for the content API's `q`. */
export async function newestMatchingVersionIds(language: Locale, query: string): Promise<string[]> {
  const { config, language: lang } = SEARCH_SQL[language];
  const rows = await replicaDb.$queryRaw<{ id: string }[]>`
    SELECT v.id FROM article_versions v
     WHERE v.language = ${lang} AND ${publishedSql()} AND v.search_vector @@ websearch_to_tsquery(${config}, ${query})
     ORDER BY v.published_at DESC
     LIMIT ${SEARCH_CANDIDATE_LIMIT}`;
  return rows.map((row) => row.id);
}
