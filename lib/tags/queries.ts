// Server-only reads of the taxonomy: the admin list with its counts, one tag for editing, the tag
// picker, an article's tags and pending suggestions, and the filter list of the article list.
// Reader-facing reads live in public-queries.ts.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TagType } from "@/lib/generated/prisma/enums";
import type { ListSort, SortColumns } from "@/lib/list-sort";
import { COUNTRY_BY_KEY } from "./countries";
import { countOccurrences } from "./occurrences";
import { normalizeForMatch } from "./normalize";

export const TAGS_PAGE_SIZE = 50;

/** The tag list's sortable columns (the label is the one in the reader's language) and their first direction. */
export const TAG_SORT_COLUMNS = { label: "asc", type: "asc", articles: "desc" } as const satisfies SortColumns<string>;
export type TagSort = keyof typeof TAG_SORT_COLUMNS;
export const DEFAULT_TAG_SORT: TagSort = "label";

/** The ORDER BY of each sort; the direction is one of two fixed words, never text from the URL. */
function tagOrder({ sort, dir }: ListSort<TagSort>): Prisma.Sql {
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  if (sort === "type") return Prisma.sql`t.type::text ${direction}, own.normalized NULLS LAST, t.id`;
  if (sort === "articles")
    return Prisma.sql`(SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id) ${direction}, own.normalized NULLS LAST, t.id`;
  return Prisma.sql`own.normalized ${direction} NULLS LAST, t.id`;
}

export type TagLabels = { fr: string; en: string };

function labelsOf(rows: { language: string; label: string }[]): TagLabels {
  const fr = rows.find((row) => row.language === "fr")?.label ?? "";
  const en = rows.find((row) => row.language === "en")?.label ?? "";
  return { fr: fr || en, en: en || fr };
}

/** Every live tag, for the article list's tag filter and bulk tagging (id, type, both labels), by French label. */
export async function listTagsForFilter(): Promise<{ id: string; type: TagType; labels: TagLabels }[]> {
  const tags = await db.tag.findMany({
    where: { mergedIntoId: null },
    select: { id: true, type: true, labels: { select: { language: true, label: true } } },
  });
  return tags
    .map((tag) => ({ id: tag.id, type: tag.type, labels: labelsOf(tag.labels) }))
    .sort((a, b) => a.labels.fr.localeCompare(b.labels.fr, "fr", { sensitivity: "base" }));
}

export async function countTagsByType(): Promise<Partial<Record<TagType, number>>> {
  const rows = await db.tag.groupBy({ by: ["type"], where: { mergedIntoId: null }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.type, row._count._all]));
}

export type ArticleCounts = { total: number; byLanguage: Record<string, { any: number; published: number }> };

/** Articles per tag and, per language, how many have a version in it and how many a published one. */
async function articleCounts(tagIds: string[]): Promise<Map<string, ArticleCounts>> {
  const counts = new Map<string, ArticleCounts>(tagIds.map((id) => [id, { total: 0, byLanguage: {} }]));
  if (tagIds.length === 0) return counts;
  const [totals, perLanguage] = await Promise.all([
    db.articleTag.groupBy({ by: ["tagId"], where: { tagId: { in: tagIds } }, _count: { _all: true } }),
    db.$queryRaw<{ tagId: string; language: string; any: number; published: number }[]>`
      SELECT at.tag_id AS "tagId", v.language,
             count(DISTINCT v.article_id)::int AS any,
             count(DISTINCT v.article_id) FILTER (WHERE v.status = 'PUBLISHED' AND v.published_at <= now())::int AS published
      FROM article_tags at JOIN article_versions v ON v.article_id = at.article_id
      WHERE at.tag_id = ANY(${tagIds}::text[])
      GROUP BY at.tag_id, v.language`,
  ]);
  for (const row of totals) counts.get(row.tagId)!.total = row._count._all;
  for (const row of perLanguage) counts.get(row.tagId)!.byLanguage[row.language] = { any: row.any, published: row.published };
  return counts;
}

/** The admin list: live tags matching a search (labels and aliases, accents and case ignored), by label in `locale`. */
export async function listTags(options: { q?: string; type?: TagType | null; page?: number; locale: string; sort?: ListSort<TagSort> }) {
  const q = normalizeForMatch(options.q ?? "");
  const pattern = `%${q}%`;
  const type = options.type ?? null;
  const page = Math.max(1, options.page ?? 1);
  const filtered = db.$queryRaw<{ id: string; total: number }[]>`
    SELECT t.id, count(*) OVER ()::int AS total
    FROM tags t
    LEFT JOIN tag_labels own ON own.tag_id = t.id AND own.language = ${options.locale}
    WHERE t.merged_into_id IS NULL
      AND (${type}::text IS NULL OR t.type::text = ${type}::text)
      AND (${q} = '' OR EXISTS (SELECT 1 FROM tag_labels l WHERE l.tag_id = t.id AND l.normalized LIKE ${pattern})
                     OR EXISTS (SELECT 1 FROM tag_aliases a WHERE a.tag_id = t.id AND a.normalized LIKE ${pattern}))
    ORDER BY ${tagOrder(options.sort ?? { sort: DEFAULT_TAG_SORT, dir: "asc" })}
    LIMIT ${TAGS_PAGE_SIZE} OFFSET ${(page - 1) * TAGS_PAGE_SIZE}`;
  const rows = await filtered;
  const ids = rows.map((row) => row.id);
  const [tags, counts] = await Promise.all([
    db.tag.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        type: true,
        labels: { select: { language: true, label: true, slug: true } },
        aliases: { select: { alias: true }, orderBy: { alias: "asc" }, take: 5 },
      },
    }),
    articleCounts(ids),
  ]);
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const total = rows[0]?.total ?? 0;
  return {
    tags: ids.flatMap((id) => {
      const tag = byId.get(id);
      return tag
        ? [{ id, type: tag.type, labels: labelsOf(tag.labels), aliases: tag.aliases.map((alias) => alias.alias), counts: counts.get(id)! }]
        : [];
    }),
    total,
    pageCount: Math.max(1, Math.ceil(total / TAGS_PAGE_SIZE)),
  };
}

/** One tag with everything its edit page shows. */
export async function getTagForEdit(tagId: string) {
  const tag = await db.tag.findUnique({
    where: { id: tagId },
    select: {
      id: true,
      type: true,
      mergedIntoId: true,
      labels: { select: { language: true, label: true, slug: true, description: true } },
      aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
      mergedFrom: { select: { id: true, labels: { select: { language: true, label: true } } } },
      articles: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: {
          article: { select: { id: true, sourceLanguage: true, versions: { select: { language: true, title: true, status: true } } } },
        },
      },
    },
  });
  if (!tag) return null;
  const counts = (await articleCounts([tag.id])).get(tag.id)!;
  const label = (language: string) => tag.labels.find((row) => row.language === language);
  return {
    id: tag.id,
    type: tag.type,
    mergedIntoId: tag.mergedIntoId,
    fr: label("fr") ?? null,
    en: label("en") ?? null,
    aliases: tag.aliases.map((alias) => alias.alias),
    mergedFrom: tag.mergedFrom.map((merged) => ({ id: merged.id, labels: labelsOf(merged.labels) })),
    counts,
    articles: tag.articles.map(({ article }) => {
      const version = article.versions.find((row) => row.language === article.sourceLanguage) ?? article.versions[0];
      return { id: article.id, title: version?.title ?? "", language: version?.language ?? article.sourceLanguage };
    }),
  };
}

/** The tag picker: live tags whose label or alias contains the words typed. */
export async function searchTags(query: string, limit = 10): Promise<{ id: string; type: TagType; labels: TagLabels }[]> {
  const q = normalizeForMatch(query);
  if (!q) return [];
  const tags = await db.tag.findMany({
    where: {
      mergedIntoId: null,
      OR: [{ labels: { some: { normalized: { contains: q } } } }, { aliases: { some: { normalized: { contains: q } } } }],
    },
    select: { id: true, type: true, labels: { select: { language: true, label: true, normalized: true } } },
    take: 50,
  });
  // Names that start with what was typed come first, then the shorter ones.
  const rank = (tag: (typeof tags)[number]) => (tag.labels.some((label) => label.normalized.startsWith(q)) ? 0 : 1);
  return tags
    .sort((a, b) => rank(a) - rank(b) || labelsOf(a.labels).fr.length - labelsOf(b.labels).fr.length)
    .slice(0, limit)
    .map((tag) => ({ id: tag.id, type: tag.type, labels: labelsOf(tag.labels) }));
}

/** What the tagging panel of an article shows: its tags and the suggestions waiting for a decision. */
export async function getArticleTagPanel(articleId: string) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      sourceLanguage: true,
      versions: { select: { language: true, title: true, bodyText: true } },
      tags: {
        orderBy: { createdAt: "asc" },
        select: { tag: { select: { id: true, type: true, labels: { select: { language: true, label: true } } } } },
      },
      tagSuggestions: {
        where: { status: "PENDING" },
        orderBy: [{ tagId: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { label: "asc" }],
        select: {
          id: true,
          tagId: true,
          label: true,
          normalized: true,
          type: true,
          sentence: true,
          tag: { select: { type: true, labels: { select: { language: true, label: true } } } },
        },
      },
    },
  });
  if (!article) return null;
  const version = article.versions.find((row) => row.language === article.sourceLanguage) ?? article.versions[0];
  return {
    id: article.id,
    language: article.sourceLanguage,
    title: version?.title ?? "",
    tags: article.tags.map(({ tag }) => ({ id: tag.id, type: tag.type, labels: labelsOf(tag.labels) })),
    suggestions: article.tagSuggestions.map((suggestion) => {
      const country = COUNTRY_BY_KEY.get(suggestion.normalized);
      return {
        id: suggestion.id,
        label: suggestion.label,
        sentence: suggestion.sentence,
        /** How often the name occurs in the title and text the suggestions were found in. */
        occurrences: countOccurrences(`${version?.title ?? ""}\n${version?.bodyText ?? ""}`, suggestion.label),
        type: suggestion.tag?.type ?? suggestion.type,
        existing: suggestion.tag ? labelsOf(suggestion.tag.labels) : null,
        /** Labels the new tag starts with: a country's own two names, else the name as found. */
        prefill: country ? { fr: country.fr, en: country.en } : { fr: suggestion.label, en: suggestion.label },
      };
    }),
  };
}
