// Free slugs for imported drafts, found a window of candidates per query: asking `base`, `base-2`,
// `base-3`… one query each cost ~250 round trips per file once a title had been imported 250 times.
import { Prisma } from "@/lib/generated/prisma/client";

// As lib/articles/slug.ts: slugs are at most 80 characters, suffixes `-2`, `-3`… (a test compares).
const MAX_SLUG_LENGTH = 80;
const FIRST_WINDOW = 64;

/** The n-th candidate for `base` (1 = `base` itself), in firstFreeSlug's order. */
export function slugCandidate(base: string, n: number): string {
  return n === 1 ? base : `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
}

type Queryable = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };
export type SlugRequest = { language: string; base: string };
/**
 * Per language and base, the candidate number to start from: one import run hands out `base-700`,
 * `base-701`… without walking the 700 taken ones again for each chunk. The numbers below it were
 * taken or handed out; skipping one freed since only costs a higher number.
 */
export type SearchedSlugs = Map<string, number>;

function slugNumber(base: string, slug: string): number {
  return slug === base ? 1 : Number(slug.slice(slug.lastIndexOf("-") + 1));
}

/**
 * One free slug per request, in order; requests with the same language and base get distinct
 * slugs (`base`, `base-2`, … skipping taken ones). Call inside the transaction that inserts them.
 */
export async function allocateSlugs(client: Queryable, requests: readonly SlugRequest[], searched: SearchedSlugs = new Map()): Promise<string[]> {
  type Group = { language: string; base: string; wanted: number; next: number; window: number; found: string[] };
  const groups = new Map<string, Group>();
  for (const { language, base } of requests) {
    const key = `${language}\u0000${base}`;
    const group = groups.get(key) ?? { language, base, wanted: 0, next: searched.get(key) ?? 1, window: FIRST_WINDOW, found: [] };
    group.wanted++;
    groups.set(key, group);
  }
  let pending = [...groups.values()];
  while (pending.length > 0) {
    const languages: string[] = [];
    const slugs: string[] = [];
    const windows = pending.map((group) => {
      const candidates = Array.from({ length: Math.max(group.window, group.wanted * 2) }, (_, offset) => slugCandidate(group.base, group.next + offset));
      for (const slug of candidates) {
        languages.push(group.language);
        slugs.push(slug);
      }
      return candidates;
    });
    const taken = await client.$queryRaw<{ language: string; slug: string }[]>(Prisma.sql`
      SELECT v.language, v.slug FROM article_versions v
      JOIN unnest(${languages}::text[], ${slugs}::text[]) AS c(language, slug) ON v.language = c.language AND v.slug = c.slug`);
    const takenKeys = new Set(taken.map((row) => `${row.language}\u0000${row.slug}`));
    pending.forEach((group, index) => {
      const candidates = windows[index] ?? [];
      for (const slug of candidates) {
        if (group.found.length === group.wanted) break;
        if (!takenKeys.has(`${group.language}\u0000${slug}`)) group.found.push(slug);
      }
      group.next += candidates.length;
      // A title imported hundreds of times: look further ahead in fewer queries.
      group.window *= 2;
    });
    pending = pending.filter((group) => group.found.length < group.wanted);
  }
  for (const [key, group] of groups) searched.set(key, slugNumber(group.base, group.found.at(-1)!) + 1);
  const handedOut = new Map<string, number>();
  return requests.map(({ language, base }) => {
    const key = `${language}\u0000${base}`;
    const index = handedOut.get(key) ?? 0;
    handedOut.set(key, index + 1);
    return groups.get(key)!.found[index]!;
  });
}
