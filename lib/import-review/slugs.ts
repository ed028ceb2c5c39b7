// Free slugs for imported drafts, found by PostgreSQL walking the candidates `base`, `base-2`… in
// one statement for a whole chunk: asking one query per candidate cost ~250 round trips per file
// once a title had been imported 250 times (and failed after 999).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// As lib/articles/slug.ts: slugs are at most 80 characters, suffixes `-2`, `-3`… (tests compare).
const MAX_SLUG_LENGTH = 80;
// Candidates one statement looks through per base (PostgreSQL builds the whole series first), then
// sixteen times more from where it stopped: a new title needs one look, one imported 3,000 times three.
const FIRST_SPAN = 64;
const SPAN_GROWTH = 16;

/** The n-th candidate for `base` (1 = `base` itself), in firstFreeSlug's order. */
export function slugCandidate(base: string, n: number): string {
  return n === 1 ? base : `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
}

// Key space of the slug locks (two-int advisory locks never meet the one-bigint text-hash locks).
const SLUG_LOCK_SPACE = 7;

type Queryable = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };
export type SlugRequest = { language: string; base: string };
/**
 * Per language and base, the candidate number to start from: one import run hands out `base-700`,
 * `base-701`… without walking the 700 taken ones again for each chunk. The numbers below it were
 * taken or handed out; skipping one freed since only costs a higher number.
 */
export type SearchedSlugs = Map<string, number>;

/**
 * One free slug per request, in order; requests with the same language and base get distinct
 * slugs (`base`, `base-2`, … skipping taken ones). Call inside the transaction that inserts them.
 */
export async function allocateSlugs(
  client: Queryable,
  requests: readonly SlugRequest[],
  searched: SearchedSlugs = new Map(),
): Promise<string[]> {
  await lockSlugBases(client, requests);
  type Group = { key: string; language: string; base: string; wanted: number; next: number; span: number; found: string[] };
  const groups = new Map<string, Group>();
  for (const { language, base } of requests) {
    const key = `${language}\u0000${base}`;
    const group = groups.get(key) ?? { key, language, base, wanted: 0, next: searched.get(key) ?? 1, span: FIRST_SPAN, found: [] };
    group.wanted++;
    groups.set(key, group);
  }
  let pending = [...groups.values()];
  while (pending.length > 0) {
    const limit = Math.max(...pending.map((group) => group.wanted - group.found.length));
    // The candidate expression is slugCandidate's (slugs are ASCII, so left() cuts as slice() does).
    const rows = await client.$queryRaw<{ position: bigint; n: number; slug: string }[]>(Prisma.sql`
      SELECT g.position, free.n, free.slug
      FROM unnest(${pending.map((group) => group.language)}::text[], ${pending.map((group) => group.base)}::text[], ${pending.map((group) => group.next)}::int[], ${pending.map((group) => Math.max(group.span, 2 * group.wanted))}::int[])
        WITH ORDINALITY AS g(language, base, start, span, position)
      CROSS JOIN LATERAL (
        SELECT n, c.slug
        FROM generate_series(g.start, g.start + g.span - 1) AS n
        CROSS JOIN LATERAL (SELECT CASE WHEN n = 1 THEN g.base ELSE left(g.base, ${MAX_SLUG_LENGTH} - length(n::text) - 1) || '-' || n END AS slug) AS c
        WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.language = g.language AND v.slug = c.slug)
        LIMIT ${limit}
      ) AS free`);
    rows.sort((a, b) => a.n - b.n);
    for (const [index, group] of pending.entries()) {
      const searchedTo = group.next + Math.max(group.span, 2 * group.wanted);
      let next = searchedTo;
      for (const row of rows) {
        if (Number(row.position) !== index + 1 || group.found.length === group.wanted) continue;
        group.found.push(row.slug);
        next = row.n + 1;
      }
      group.next = group.found.length === group.wanted ? next : searchedTo;
      group.span *= SPAN_GROWTH;
      if (group.found.length === group.wanted) searched.set(group.key, group.next);
    }
    pending = pending.filter((group) => group.found.length < group.wanted);
  }
  const handedOut = new Map<string, number>();
  return requests.map(({ language, base }) => {
    const key = `${language}\u0000${base}`;
    const index = handedOut.get(key) ?? 0;
    handedOut.set(key, index + 1);
    return groups.get(key)!.found[index]!;
  });
}

/**
 * Two transactions writing the same title (two accepts, an accept and a CLI run) take turns from
 * here to their commit, so the second sees the first's slug instead of hitting the unique index.
 * Sorted, and always taken after the text-hash locks: no deadlock.
 */
async function lockSlugBases(client: Queryable, requests: readonly SlugRequest[]): Promise<void> {
  const keys = [...new Set(requests.map(({ language, base }) => `${language}:${base}`))].sort();
  if (keys.length === 0) return;
  await client.$queryRaw(
    Prisma.sql`SELECT count(pg_advisory_xact_lock(${SLUG_LOCK_SPACE}::int, hashtext(key))) FROM unnest(${keys}::text[]) AS key`,
  );
}
