// @ts-check
// Next.js data-cache handler on Redis (next.config.ts `cacheHandler`, only when REDIS_URL is set): every
// app server reads and writes the same entries, and a tag revalidated on one server is gone on all.
// Plain JavaScript on purpose: Next imports this file at run time, outside its bundler.
import { createClient } from "redis";

/** Entries older than this are dropped by Redis itself; Next refreshes them long before. */
const ENTRY_TTL_SECONDS = 24 * 60 * 60;
const TAGS_HEADER = "x-next-cache-tags";

/** @typedef {ReturnType<typeof createClient>} Redis */
/** @typedef {{ lastModified: number; value: unknown; tags: string[]; cacheControl?: unknown }} StoredEntry */

export function keyPrefix() {
  return process.env.REDIS_KEY_PREFIX ?? "desk-cms:";
}

const keys = {
  entry: (/** @type {string} */ key) => `${keyPrefix()}entry:${key}`,
  /** The entries that carry a tag, so revalidating it deletes exactly them. */
  tagMembers: (/** @type {string} */ tag) => `${keyPrefix()}tag:${tag}`,
  /** When a tag was last revalidated: also covers Next's implicit path tags, which have no member set. */
  tagRevalidatedAt: (/** @type {string} */ tag) => `${keyPrefix()}revalidated:${tag}`,
};

/** @type {Map<string, Promise<Redis>>} one connection per URL and process (a connection, not state) */
const connections = new Map();

/**
 * The shared connection. Commands fail at once while Redis is unreachable (no offline queue), so a
 * dead Redis turns into cache misses, never into hanging reader requests.
 * @param {string} [url]
 * @returns {Promise<Redis>}
 */
export function redisConnection(url = process.env.REDIS_URL ?? "") {
  let connection = connections.get(url);
  if (!connection) {
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 200, 5000) },
    });
    client.on("error", (error) => console.error("redis cache:", error instanceof Error ? error.message : error));
    connection = client.connect().then(() => client);
    connection.catch(() => connections.delete(url));
    connections.set(url, connection);
  }
  return connection;
}

/** Closes this process's connections (scripts and tests; a server keeps its own until it exits). */
export async function closeRedisConnections() {
  const open = [...connections.values()];
  connections.clear();
  await Promise.all(open.map((connection) => connection.then((client) => client.close()).catch(() => {})));
}

/** JSON that keeps Buffers and Maps (page entries hold both; data-cache entries are plain JSON). */
function encode(/** @type {unknown} */ value) {
  return JSON.stringify(value, function (key, item) {
    const original = this[key];
    if (Buffer.isBuffer(original)) return { $buffer: original.toString("base64") };
    if (original instanceof Map) return { $map: [...original.entries()] };
    return item;
  });
}

/** @returns {StoredEntry} */
function decode(/** @type {string} */ text) {
  return JSON.parse(text, (_key, item) => {
    if (item && typeof item === "object" && typeof item.$buffer === "string") return Buffer.from(item.$buffer, "base64");
    if (item && typeof item === "object" && Array.isArray(item.$map)) return new Map(item.$map);
    return item;
  });
}

/** The tags an entry answers to: those given to unstable_cache/fetch, or a page's tags header. */
function tagsOf(/** @type {any} */ value, /** @type {any} */ context) {
  const tags = new Set([...(context?.tags ?? []), ...(value?.tags ?? [])]);
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  return [...tags];
}

/**
 * Revalidates tags for every server at once: deletes the entries that carry them and records the time,
 * so an entry written before it (by a render that began earlier, or under an implicit tag) is refused.
 * @param {Redis} redis
 * @param {string[]} tags
 * @param {number} [now]
 */
export async function invalidateTags(redis, tags, now = Date.now()) {
  if (tags.length === 0) return;
  const members = await Promise.all(tags.map((tag) => redis.sMembers(keys.tagMembers(tag))));
  const transaction = redis.multi();
  for (const tag of tags) transaction.set(keys.tagRevalidatedAt(tag), String(now), { EX: ENTRY_TTL_SECONDS });
  const entries = [...new Set(members.flat())];
  if (entries.length) transaction.del(entries);
  transaction.del(tags.map(keys.tagMembers));
  await transaction.exec();
}

export default class RedisCacheHandler {
  // Next passes a handler context, unused: everything lives in Redis.
  constructor() {
    if (!process.env.REDIS_URL) throw new Error("RedisCacheHandler needs REDIS_URL");
  }

  /** @param {string} key @param {any} [context] */
  async get(key, context) {
    try {
      const redis = await redisConnection();
      const text = await redis.get(keys.entry(key));
      if (!text) return null;
      const entry = decode(text);
      const tags = [...new Set([...entry.tags, ...(context?.tags ?? []), ...(context?.softTags ?? [])])];
      if (tags.length) {
        const times = await redis.mGet(tags.map(keys.tagRevalidatedAt));
        if (times.some((time) => time !== null && Number(time) >= entry.lastModified)) return null;
      }
      return { lastModified: entry.lastModified, value: entry.value, ...(entry.cacheControl ? { cacheControl: entry.cacheControl } : {}) };
    } catch (error) {
      console.error("redis cache: get failed, treated as a miss", error instanceof Error ? error.message : error);
      return null;
    }
  }

  /** @param {string} key @param {any} data @param {any} [context] */
  async set(key, data, context) {
    try {
      const redis = await redisConnection();
      if (data === null) {
        await redis.del(keys.entry(key));
        return;
      }
      const tags = tagsOf(data, context);
      /** @type {StoredEntry} */
      const entry = {
        lastModified: Date.now(),
        value: data,
        tags,
        ...(context?.cacheControl ? { cacheControl: context.cacheControl } : {}),
      };
      const transaction = redis.multi().set(keys.entry(key), encode(entry), { EX: ENTRY_TTL_SECONDS });
      for (const tag of tags) transaction.sAdd(keys.tagMembers(tag), keys.entry(key)).expire(keys.tagMembers(tag), ENTRY_TTL_SECONDS);
      await transaction.exec();
    } catch (error) {
      console.error("redis cache: set failed", error instanceof Error ? error.message : error);
    }
  }

  /** @param {string | string[]} tags (Next's durations are ignored: always immediate, readers must not see an unpublished story again) */
  async revalidateTag(tags) {
    try {
      await invalidateTags(await redisConnection(), typeof tags === "string" ? [tags] : tags);
    } catch (error) {
      // Pages still refresh within their revalidate time (lib/public/cached.ts); nothing else to do here.
      console.error("redis cache: revalidateTag failed", error instanceof Error ? error.message : error);
    }
  }

  resetRequestCache() {}
}
