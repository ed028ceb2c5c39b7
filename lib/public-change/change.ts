// What readers can see changing, the one input of lib/public-change: the stories, languages, tags and
// media a write touched, and the cache tags that follow from it. Pure (no database, no Next), so the
// consumer, the signed revalidation route and the follower all read the same rule.
import { cacheTags } from "@/lib/cache/tags";

export type PublicChange = { articleIds: string[]; languages: string[]; tagIds: string[]; mediaIds: string[] };

/** What a write says it touched; missing lists are empty. */
export type PublicChangeInput = Partial<PublicChange>;

const unique = (values: readonly string[] | undefined) => [...new Set(values ?? [])];

export function normalizePublicChange(input: PublicChangeInput): PublicChange {
  return {
    articleIds: unique(input.articleIds),
    languages: unique(input.languages),
    tagIds: unique(input.tagIds),
    mediaIds: unique(input.mediaIds),
  };
}

export function isEmptyPublicChange(change: PublicChangeInput): boolean {
  return !change.articleIds?.length && !change.languages?.length && !change.tagIds?.length && !change.mediaIds?.length;
}

export function mergePublicChanges(changes: readonly PublicChangeInput[]): PublicChange {
  return normalizePublicChange({
    articleIds: changes.flatMap((change) => change.articleIds ?? []),
    languages: changes.flatMap((change) => change.languages ?? []),
    tagIds: changes.flatMap((change) => change.tagIds ?? []),
    mediaIds: changes.flatMap((change) => change.mediaIds ?? []),
  });
}

/** The cache tags a change touches (also the surrogate keys a CDN would purge). Media show through their stories. */
export function publicChangeTags(change: PublicChangeInput): string[] {
  const tags = [
    cacheTags.all,
    ...(change.languages ?? []).map(cacheTags.listing),
    ...(change.articleIds ?? []).map(cacheTags.article),
    ...(change.tagIds ?? []).map(cacheTags.tag),
  ];
  return [...new Set(tags)];
}
