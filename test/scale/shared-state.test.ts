// Two app servers must agree on everything that is truth: a sign-in lockout recorded through one is
// enforced by the other, an editor's presence heartbeat through one is seen by the other, and a cache
// invalidation through one (with Redis) is seen by the other. Each "server" is a separate module
// instance with its own database pool and Redis connection (./two-servers.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalRedis, type LocalRedis } from "@/scripts/lib/local-redis";
import { loadServer } from "./two-servers";

const server = () =>
  loadServer(async () => ({
    db: (await import("@/lib/db")).db,
    lockout: await import("@/lib/auth/lockout"),
    presence: {
      touch: (await import("@/lib/editing/service")).touchPresence,
      list: (await import("@/lib/editing/queries")).listOthersPresent,
    },
    fixtures: await import("@/test/fixtures/workflow"),
    cache: await import("@/lib/cache/redis-cache-handler.mjs"),
  }));

let a: Awaited<ReturnType<typeof server>>;
let b: Awaited<ReturnType<typeof server>>;
let redis: LocalRedis;

beforeAll(async () => {
  redis = await startLocalRedis();
  process.env.REDIS_URL = redis.url;
  process.env.REDIS_KEY_PREFIX = `test-${randomUUID()}:`;
  a = await server();
  b = await server();
});

afterAll(async () => {
  delete process.env.REDIS_URL;
  await Promise.all([a?.db.$disconnect(), b?.db.$disconnect(), a?.cache.closeRedisConnections(), b?.cache.closeRedisConnections()]);
  await redis?.stop();
});

describe("two app servers", () => {
  it("are really two: separate database clients", () => {
    expect(a.db).not.toBe(b.db);
  });

  it("share the sign-in lockout: failures counted by one lock the account on the other", async () => {
    const email = `lock-${randomUUID()}@desk.test`;
    const now = new Date();
    for (let attempt = 0; attempt < a.lockout.LOCKOUT_MAX_FAILURES; attempt++) {
      const { lockout } = await a.lockout.startSignInAttempt(email, `203.0.113.${attempt}`, new Date(now.getTime() + attempt));
      expect(lockout.locked).toBe(false);
    }
    const onOther = await b.lockout.startSignInAttempt(email, "198.51.100.7", new Date(now.getTime() + 10));
    expect(onOther.lockout.locked).toBe(true);
  });

  it("share presence: a heartbeat through one is listed by the other", async () => {
    const [writer, reader] = await Promise.all([a.fixtures.makeUser("EDITOR"), a.fixtures.makeUser("EDITOR")]);
    const story = await a.fixtures.makeArticle([{ language: "fr" }]);
    const versionId = story.version("fr").id;
    await a.presence.touch(versionId, writer.id);
    expect(await b.presence.list(versionId, reader.id)).toEqual([{ id: writer.id, name: writer.name }]);
  });

  it("share the page cache: an entry written by one is read by the other, and a revalidation by one drops it for both", async () => {
    const [cacheA, cacheB] = [new a.cache.default(), new b.cache.default()];
    const key = `page-${randomUUID()}`;
    const tag = `article:${randomUUID()}`;
    const value = { kind: "FETCH", data: { body: "story v1" }, revalidate: 300 };
    await cacheA.set(key, value, { tags: [tag, "listing:fr"] });
    expect((await cacheB.get(key, { tags: [tag] }))?.value).toEqual(value);

    await cacheB.revalidateTag([tag]);
    expect(await cacheA.get(key, { tags: [tag] })).toBeNull();
    expect(await cacheB.get(key, { tags: [tag] })).toBeNull();
  });

  it("refuse an entry written before a revalidation of one of its implicit tags", async () => {
    const [cacheA, cacheB] = [new a.cache.default(), new b.cache.default()];
    const key = `page-${randomUUID()}`;
    const softTag = `_N_T_/fr/article/${randomUUID()}`;
    await cacheA.set(key, { kind: "FETCH", data: {}, revalidate: 300 }, { tags: [] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cacheB.revalidateTag(softTag);
    expect(await cacheA.get(key, { softTags: [softTag] })).toBeNull();
    expect(await cacheA.get(key, { softTags: ["_N_T_/en"] })).not.toBeNull();
  });
});
