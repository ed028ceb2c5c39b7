// The admin article list's filters, read from and written to the URL query string (a GET form, so
// the list works without JavaScript and a filtered view can be bookmarked). Pure: no database.
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import { nextSort, parseListSort, sortQueryEntries, type SortColumns, type SortDir } from "@/lib/list-sort";
import { pageNumber } from "@/lib/pagination";
import { VERSION_STATUSES } from "@/lib/workflow/transitions";

/** The sortable columns and the direction each opens in; the SQL has an index for each, both ways. */
export const LIST_SORT_COLUMNS = { updated: "desc", published: "desc", title: "asc" } as const satisfies SortColumns<string>;
const DEFAULT_SORT = "updated";
export const DATE_FIELDS = ["updated", "published"] as const;
export type ListSort = keyof typeof LIST_SORT_COLUMNS;

export type ArticleListFilters = {
  q: string | null;
  status: VersionStatus | null;
  language: string | null;
  tagId: string | null;
  authorId: string | null;
  /** Inclusive calendar days (UTC), applied to `dateField`. */
  from: string | null;
  to: string | null;
  dateField: (typeof DATE_FIELDS)[number];
  /** Only French or English versions whose story has no version in the other of the two. */
  missingTranslation: boolean;
  sort: ListSort;
  dir: SortDir;
  page: number;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || null;
const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | null =>
  raw && (values as readonly string[]).includes(raw) ? (raw as T) : null;
const isDay = (raw: string | null) =>
  raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : null;
const isId = (raw: string | null) => (raw && /^[\w-]{1,64}$/.test(raw) ? raw : null);

export function parseArticleListFilters(params: SearchParams): ArticleListFilters {
  const language = first(params.language);
  const { sort, dir } = parseListSort<ListSort>(params, LIST_SORT_COLUMNS, DEFAULT_SORT);
  return {
    q: first(params.q)?.slice(0, 200) ?? null,
    status: oneOf(VERSION_STATUSES, first(params.status)),
    language: language && /^[a-z]{2}$/.test(language) ? language : null,
    tagId: isId(first(params.tag)),
    authorId: isId(first(params.author)),
    from: isDay(first(params.from)),
    to: isDay(first(params.to)),
    dateField: oneOf(DATE_FIELDS, first(params.dateField)) ?? "updated",
    missingTranslation: first(params.missing) === "1",
    sort,
    dir,
    page: pageNumber(first(params.page) ?? undefined),
  };
}

/** The sort a header sets (a column this list does not sort by leaves the sort as it is). */
export function nextArticleSort(filters: ArticleListFilters, column: string): Pick<ArticleListFilters, "sort" | "dir"> {
  if (!(column in LIST_SORT_COLUMNS)) return { sort: filters.sort, dir: filters.dir };
  return nextSort<ListSort>(filters, column as ListSort, LIST_SORT_COLUMNS);
}

/** The sort's query entries, for the filter form's hidden fields (filtering keeps the sort). */
export function articleSortEntries(filters: ArticleListFilters): [string, string][] {
  return sortQueryEntries<ListSort>(filters, LIST_SORT_COLUMNS, DEFAULT_SORT);
}

/** Whether any filter narrows the list (the empty state then says so, rather than "no articles yet"). */
export function hasActiveFilters(filters: ArticleListFilters): boolean {
  return Boolean(
    filters.q ||
    filters.status ||
    filters.language ||
    filters.tagId ||
    filters.authorId ||
    filters.from ||
    filters.to ||
    filters.missingTranslation,
  );
}

/** The query string of these filters (defaults left out), for pagination and sort links. */
export function articleListQuery(filters: ArticleListFilters, changes: Partial<ArticleListFilters> = {}): string {
  const next = { ...filters, ...changes };
  const entries: [string, string | null][] = [
    ["q", next.q],
    ["status", next.status],
    ["language", next.language],
    ["tag", next.tagId],
    ["author", next.authorId],
    ["from", next.from],
    ["to", next.to],
    ["dateField", next.dateField === "updated" ? null : next.dateField],
    ["missing", next.missingTranslation ? "1" : null],
    ...sortQueryEntries<ListSort>({ sort: next.sort, dir: next.dir }, LIST_SORT_COLUMNS, DEFAULT_SORT),
    ["page", next.page > 1 ? String(next.page) : null],
  ];
  const query = new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== null));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The start of `from` and the end of `to` (exclusive), as instants. */
export function dayBounds(filters: Pick<ArticleListFilters, "from" | "to">): { start: Date | null; endExclusive: Date | null } {
  const start = filters.from ? new Date(`${filters.from}T00:00:00Z`) : null;
  const endExclusive = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) : null;
  return { start, endExclusive };
}
