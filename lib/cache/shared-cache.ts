// The shared page cache seen from outside a request: whether one is configured (REDIS_URL), and
// dropping tagged pages from it directly, as the public-change consumer does (Next's revalidateTag
// only works inside a request, but the entries live in Redis, where any process can delete them).
import { invalidateTags, redisConnection } from "@/lib/cache/redis-cache-handler.mjs";

export function sharedCacheConfigured(): boolean {
  return Boolean(process.env.REDIS_URL);
}

/** Drops the tagged pages for every app server; throws when Redis does not answer. */
export async function revalidateSharedCache(tags: string[]): Promise<void> {
  await invalidateTags(await redisConnection(), tags);
}
