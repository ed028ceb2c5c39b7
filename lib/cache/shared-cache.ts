// The shared page cache seen from outside a request: whether one is configured (REDIS_URL), and
// dropping public pages from it directly, as the scheduled-publishing job does (Next's revalidateTag
// only works inside a request, but the entries live in Redis, where any process can delete them).
import { publicContentTags, type PublicContentChange } from "@/lib/cache/tags";
import { invalidateTags, redisConnection } from "@/lib/cache/redis-cache-handler.mjs";

export function sharedCacheConfigured(): boolean {
  return Boolean(process.env.REDIS_URL);
}

/** Drops the change's pages for every app server; throws when Redis does not answer. */
export async function revalidateSharedCache(change: PublicContentChange): Promise<void> {
  await invalidateTags(await redisConnection(), publicContentTags(change));
}
