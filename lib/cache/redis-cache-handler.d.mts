// Types of redis-cache-handler.mjs for the TypeScript side (the scheduler job and the tests).
import type { createClient } from "redis";

export type Redis = ReturnType<typeof createClient>;
export function keyPrefix(): string;
export function redisConnection(url?: string): Promise<Redis>;
export function closeRedisConnections(): Promise<void>;
export function invalidateTags(redis: Redis, tags: string[], now?: number): Promise<void>;

export type CachedValue = { lastModified: number; value: unknown; cacheControl?: unknown };
export default class RedisCacheHandler {
  constructor(context?: unknown);
  get(key: string, context?: { tags?: string[]; softTags?: string[]; kind?: string }): Promise<CachedValue | null>;
  set(key: string, data: unknown, context?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
