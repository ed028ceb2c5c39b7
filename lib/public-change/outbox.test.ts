// The public-change outbox against the real database and real receivers: a change is recorded in the
// write's own transaction (a rolled-back write leaves no row, a committed one always has its row, even
// when its process dies right after the commit), and the one consumer delivers it to this server's
// signed revalidation route (a stand-in HTTP server that verifies like the real one), to the shared
// Redis cache and to a caching proxy, marking rows done only once delivery succeeded.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startLocalRedis, type LocalRedis } from "@/scripts/lib/local-redis";
import RedisCacheHandler, { closeRedisConnections } from "@/lib/cache/redis-cache-handler.mjs";
import { processPublicChanges, pruneDeliveredChanges } from "@/lib/public-change/consumer";
import { recordPublicChange } from "@/lib/public-change/record";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyRevalidation } from "@/lib/public-change/revalidate-signature";
import { transitionVersion } from "@/lib/workflow/service";
import { makeArticle, makeUser, uniqueWord } from "@/test/fixtures/workflow";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

async function makeTag() {
  const word = uniqueWord("tag");
  return db.tag.create({
    data: { type: "TOPIC", labels: { create: [{ language: "fr", label: word, normalized: word, slug: word }] } },
    select: { id: true },
  });
}

/** An approved French story with a tag, ready to publish. */
async function approvedStory() {
  const story = await makeArticle([{ language: "fr", status: "APPROVED" }]);
  const tag = await makeTag();
  await db.articleTag.create({ data: { articleId: story.articleId, tagId: tag.id } });
  return { ...story, tagId: tag.id };
}

const rowsFor = (articleId: string) => db.publicChangeOutbox.findMany({ where: { articleIds: { has: articleId } } });

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => resolve(body));
  });

/** Runs the consumer until `done` holds: another test file's consumer may hold the rows for a while. */
async function drainUntil(done: () => Promise<boolean>, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("the outbox was not drained in time");
    await processPublicChanges();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** This app server's signed revalidation route, as a stand-in that verifies like the real one. */
const received: { verified: boolean; change: { articleIds: string[]; languages: string[]; tagIds: string[] } }[] = [];
let failNext = 0;
const thisServer = createServer((request, response) => {
  void readBody(request).then((body) => {
    if (failNext > 0) {
      failNext--;
      return response.writeHead(503).end();
    }
    const verified = verifyRevalidation(body, request.headers[TIMESTAMP_HEADER] as string, request.headers[SIGNATURE_HEADER] as string);
    received.push({ verified, change: JSON.parse(body) });
    response.writeHead(verified ? 200 : 403).end("{}");
  });
});
const deliveredTo = (articleId: string) => received.filter((call) => call.verified && call.change.articleIds.includes(articleId));

beforeAll(async () => {
  process.env.INTERNAL_APP_ORIGIN = await listen(thisServer);
});

afterAll(() => {
  delete process.env.INTERNAL_APP_ORIGIN;
  thisServer.closeAllConnections();
  thisServer.close();
});

beforeEach(() => {
  failNext = 0;
});

describe("recording a public change", () => {
  it("writes the row in the same transaction as a publish, with the story's language and tags", async () => {
    const editor = await makeUser("EDITOR");
    const story = await approvedStory();
    const target = story.version("fr");
    const outcome = await transitionVersion(editor, { versionId: target.id, version: target.version, transition: "publish" });
    const rows = await rowsFor(story.articleId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ articleIds: [story.articleId], languages: ["fr"], tagIds: [story.tagId] });
    expect(outcome.publicChange).toMatchObject({ articleIds: [story.articleId], languages: ["fr"], tagIds: [story.tagId] });
  });

  it("leaves no row when the write's transaction fails after recording it, nor when the write is refused", async () => {
    const story = await approvedStory();
    const target = story.version("fr");
    await expect(
      db.$transaction(async (tx) => {
        await tx.articleVersion.update({ where: { id: target.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
        await recordPublicChange(tx, { articleIds: [story.articleId], languages: ["fr"] });
        throw new Error("the write fails after its change was recorded");
      }),
    ).rejects.toThrow(/fails after/);
    expect(await rowsFor(story.articleId)).toEqual([]);
    expect((await db.articleVersion.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("APPROVED");

    const editor = await makeUser("EDITOR");
    await expect(transitionVersion(editor, { versionId: target.id, version: target.version + 7, transition: "publish" })).rejects.toThrow();
    expect(await rowsFor(story.articleId)).toEqual([]);
  });

  it("records nothing for a transition readers do not see", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr", status: "DRAFT" }]);
    const target = story.version("fr");
    const outcome = await transitionVersion(editor, { versionId: target.id, version: target.version, transition: "submit" });
    expect(outcome.publicChange).toBeNull();
    expect(await rowsFor(story.articleId)).toEqual([]);
  });
});

describe("the consumer", () => {
  it("refreshes a change whose process died right after the commit, once the sweep runs", async () => {
    const editor = await makeUser("EDITOR");
    const story = await approvedStory();
    const target = story.version("fr");
    // Node itself with tsx as a loader, not the tsx command: that one runs the script in a child of
    // its own, which a SIGKILL of the wrapper would leave running.
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=react-server",
        "test/fixtures/public-change-crash-writer.ts",
        target.id,
        String(target.version),
        editor.id,
      ],
      { cwd: repoRoot, env: process.env, stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        if (out.includes("committed")) {
          child.kill("SIGKILL"); // dies between the commit and any refresh
          resolve();
        }
      });
      child.once("exit", () => reject(new Error(`the writer exited before committing: ${out}`)));
    });
    expect(await exited).toBe("SIGKILL");

    // Committed, recorded, not delivered: nobody has told this server yet.
    expect((await db.articleVersion.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("PUBLISHED");
    const [row] = await rowsFor(story.articleId);
    expect(row).toMatchObject({ doneAt: null, articleIds: [story.articleId] });
    expect(deliveredTo(story.articleId)).toEqual([]);

    // What the public-changes job (and each server's start) runs.
    await drainUntil(async () => (await db.publicChangeOutbox.findUniqueOrThrow({ where: { id: row!.id } })).doneAt !== null);
    const [delivery] = deliveredTo(story.articleId);
    expect(delivery?.change).toMatchObject({ languages: expect.arrayContaining(["fr"]), tagIds: expect.arrayContaining([story.tagId]) });
  });

  it("keeps a change whose delivery failed, and delivers it on a later run", async () => {
    const story = await approvedStory();
    await db.$transaction((tx) => recordPublicChange(tx, { articleIds: [story.articleId], languages: ["fr"] }));
    const [row] = await rowsFor(story.articleId);
    failNext = 1000;
    await processPublicChanges();
    const failed = await db.publicChangeOutbox.findUniqueOrThrow({ where: { id: row!.id } });
    expect(failed.doneAt).toBeNull();
    expect(failed.lastError).toMatch(/503/);
    expect(failed.attempts).toBeGreaterThanOrEqual(1);

    failNext = 0;
    // The retry pause, passed.
    await db.publicChangeOutbox.update({ where: { id: row!.id }, data: { claimedUntil: null } });
    await drainUntil(async () => (await db.publicChangeOutbox.findUniqueOrThrow({ where: { id: row!.id } })).doneAt !== null);
    expect(deliveredTo(story.articleId).length).toBeGreaterThanOrEqual(1);
  });

  it("takes over rows a dead consumer held once their lease ran out", async () => {
    const story = await approvedStory();
    await db.$transaction((tx) => recordPublicChange(tx, { articleIds: [story.articleId] }));
    const [row] = await rowsFor(story.articleId);
    // Claimed by a consumer that died: held for a minute, then anyone's.
    await db.publicChangeOutbox.update({ where: { id: row!.id }, data: { claimedUntil: new Date(Date.now() + 60_000), attempts: 1 } });
    await processPublicChanges();
    expect((await db.publicChangeOutbox.findUniqueOrThrow({ where: { id: row!.id } })).doneAt).toBeNull();
    await db.publicChangeOutbox.update({ where: { id: row!.id }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    await drainUntil(async () => (await db.publicChangeOutbox.findUniqueOrThrow({ where: { id: row!.id } })).doneAt !== null);
    expect(deliveredTo(story.articleId).length).toBeGreaterThanOrEqual(1);
  });

  it("lets two servers drain at once without losing a change", async () => {
    const stories = await Promise.all(Array.from({ length: 12 }, () => makeArticle([{ language: "en", status: "PUBLISHED" }])));
    for (const story of stories)
      await db.$transaction((tx) => recordPublicChange(tx, { articleIds: [story.articleId], languages: ["en"] }));
    await Promise.all([processPublicChanges(), processPublicChanges(), processPublicChanges()]);
    const ids = stories.map((story) => story.articleId);
    await drainUntil(async () => (await db.publicChangeOutbox.count({ where: { articleIds: { hasSome: ids }, doneAt: null } })) === 0);
    for (const id of ids) expect(deliveredTo(id).length, id).toBeGreaterThanOrEqual(1);
  });

  it("drops delivered rows after a day and never a pending one", async () => {
    const story = await approvedStory();
    const longAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const base = { articleIds: [story.articleId], languages: [], tagIds: [], mediaIds: [], createdAt: longAgo };
    const delivered = await db.publicChangeOutbox.create({ data: { ...base, doneAt: longAgo } });
    const recent = await db.publicChangeOutbox.create({ data: { ...base, doneAt: new Date() } });
    const pending = await db.publicChangeOutbox.create({ data: { ...base, claimedUntil: new Date(Date.now() + 60_000) } });
    await pruneDeliveredChanges();
    const left = (await rowsFor(story.articleId)).map((row) => row.id);
    expect(left).not.toContain(delivered.id);
    expect(left).toEqual(expect.arrayContaining([recent.id, pending.id]));
    await db.publicChangeOutbox.update({ where: { id: pending.id }, data: { doneAt: new Date() } });
  });

  describe("with the shared cache and a caching proxy", () => {
    let redis: LocalRedis;
    const proxyHits: { path: string; token: string | undefined }[] = [];
    const proxy = createServer((request, response) => {
      proxyHits.push({ path: request.url ?? "", token: request.headers["x-cache-refresh"] as string | undefined });
      response.writeHead(200).end("fresh");
    });

    beforeAll(async () => {
      redis = await startLocalRedis();
      process.env.REDIS_URL = redis.url;
      process.env.REDIS_KEY_PREFIX = `test-${randomUUID()}:`;
      process.env.CACHE_PROXY_URLS = await listen(proxy);
      process.env.CACHE_REFRESH_TOKEN = "refresh-token-for-the-test";
    });

    afterAll(async () => {
      for (const name of ["REDIS_URL", "REDIS_KEY_PREFIX", "CACHE_PROXY_URLS", "CACHE_REFRESH_TOKEN"]) delete process.env[name];
      proxy.closeAllConnections();
      proxy.close();
      await closeRedisConnections();
      await redis?.stop();
    });

    it("drops the story's cached pages for every server and has the proxy fetch its pages afresh", async () => {
      const editor = await makeUser("EDITOR");
      const story = await approvedStory();
      const target = story.version("fr");
      const cache = new RedisCacheHandler();
      const key = `page-${randomUUID()}`;
      await cache.set(
        key,
        { kind: "FETCH", data: { body: "before the publish" }, revalidate: 300 },
        { tags: [`article:${story.articleId}`] },
      );
      expect(await cache.get(key, { tags: [] })).not.toBeNull();

      await transitionVersion(editor, { versionId: target.id, version: target.version, transition: "publish" });
      const [row] = await rowsFor(story.articleId);
      await drainUntil(async () => (await db.publicChangeOutbox.findUniqueOrThrow({ where: { id: row!.id } })).doneAt !== null);

      expect(await cache.get(key, { tags: [] })).toBeNull();
      const slug = (await db.articleVersion.findUniqueOrThrow({ where: { id: target.id }, select: { slug: true } })).slug;
      expect(proxyHits).toContainEqual({ path: `/fr/article/${encodeURIComponent(slug)}`, token: "refresh-token-for-the-test" });
      expect(proxyHits).toContainEqual({ path: "/fr", token: "refresh-token-for-the-test" });
    });
  });
});
