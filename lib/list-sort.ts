// A desk list's sort in the URL (?sort=title&dir=asc): validated against the columns the page
// allows, each with its natural direction, and the links a sortable header points to. Pure.
import { z } from "zod";

export const SORT_DIRS = ["asc", "desc"] as const;
export type SortDir = (typeof SORT_DIRS)[number];
export type ListSort<K extends string> = { sort: K; dir: SortDir };
/** The sortable columns of one list and the direction each opens in (dates newest first, names A→Z). */
export type SortColumns<K extends string> = Record<K, SortDir>;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The sort the URL asks for, or the list's default when it names a column this page does not offer. */
export function parseListSort<K extends string>(params: SearchParams, columns: SortColumns<K>, fallback: K): ListSort<K> {
  const keys = Object.keys(columns) as [K, ...K[]];
  const schema = z.object({
    sort: z.enum(keys).catch(fallback),
    dir: z.enum(SORT_DIRS).optional().catch(undefined),
  });
  const { sort, dir } = schema.parse({ sort: first(params.sort), dir: first(params.dir) });
  return { sort, dir: dir ?? columns[sort] };
}

/** The sort a header's link sets: the same column flips its direction, another opens in its natural one. */
export function nextSort<K extends string>(current: ListSort<K>, column: K, columns: SortColumns<K>): ListSort<K> {
  if (current.sort === column) return { sort: column, dir: current.dir === "asc" ? "desc" : "asc" };
  return { sort: column, dir: columns[column] };
}

/** The query entries of a sort, leaving out what is the default (so plain URLs stay plain). */
export function sortQueryEntries<K extends string>(current: ListSort<K>, columns: SortColumns<K>, fallback: K): [string, string][] {
  const entries: [string, string][] = [];
  if (current.sort !== fallback || current.dir !== columns[fallback]) entries.push(["sort", current.sort]);
  if (current.dir !== columns[current.sort]) entries.push(["dir", current.dir]);
  return entries;
}

/**
 * A list page's URL with `change` applied to its query: the sort given as a whole (defaults left
 * out), the other entries kept or dropped (null). Any change of sort or filter starts again at page 1.
 */
export function listHref<K extends string>(
  path: string,
  params: Record<string, string | null | undefined>,
  sort: { current: ListSort<K>; columns: SortColumns<K>; fallback: K },
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && key !== "sort" && key !== "dir" && key !== "page") query.set(key, value);
  for (const [key, value] of sortQueryEntries(sort.current, sort.columns, sort.fallback)) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The href a sortable header links to: the same filters, this column's next sort, page 1. */
export function sortHref<K extends string>(
  path: string,
  params: Record<string, string | null | undefined>,
  current: ListSort<K>,
  column: string,
  columns: SortColumns<K>,
  fallback: K,
): string {
  const next = column in columns ? nextSort(current, column as K, columns) : current;
  return listHref(path, params, { current: next, columns, fallback });
}
