// Feed polls against a real HTTP server on loopback and the real database: new items land in the
// review queue with their provenance, a 304 costs nothing, an item is never taken twice, bad feeds
// and bad pages fail with a clear error while the source goes on, five failures pause a source, and
// a trusted source's clean items become drafts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pollSource } from "@/lib/ingest/poll";
import { createSource } from "@/lib/ingest/service";
import { sourceCreateSchema } from "@/lib/ingest/schema";
import { createUser } from "@/lib/users/service";
import { makeStory, startFeedServer, type FeedServer } from "@/test/fixtures/ingest-server";

let server: FeedServer;
let admin: { id: string; role: "ADMIN" };

beforeAll(async () => {
  server = await startFeedServer();
  const user = await createUser(
    { email: `ingest-${randomUUID()}@desk.test`, name: "Ingest admin", role: "ADMIN", password: "ingest-password" },
    null,
  );
  admin = { id: user.id, role: "ADMIN" };
});
afterAll(() => server.close());

async function feedSource(url: string, options: { internal?: boolean; trusted?: boolean; name?: string } = {}) {
  const input = sourceCreateSchema.parse({
    kind: "FEED",
    name: options.name ?? `Wire ${randomUUID().slice(0, 6)}`,
    url,
    pollIntervalMinutes: "10",
    internal: options.internal === false ? "" : "on",
    trusted: options.trusted ? "on" : "",
  });
  const source = await createSource(input, admin);
  // Polled by the tests only: never due for a job queue another test file may be running.
  await db.ingestSource.update({ where: { id: source.id }, data: { nextPollAt: new Date("2999-01-01") } });
  return source;
}

const itemsOf = (sourceId: string) =>
  db.ingestItem.findMany({
    where: { sourceId },
    include: { importRecord: { select: { status: true, fileName: true } } },
    orderBy: { fetchedAt: "asc" },
  });
const sourceOf = (id: string) => db.ingestSource.findUniqueOrThrow({ where: { id } });

describe("a feed's new items", () => {
  it("land in the review queue with their source, URL and time, and a second poll answered 304 adds nothing", async () => {
    const stories = [makeStory(), makeStory(), makeStory()];
    const url = server.feed(`rss-${stories[0]!.id}`, "rss", stories);
    const { id } = await feedSource(url);
    const before = new Date();

    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 3, failed: 0, seen: 3 });
    const items = await itemsOf(id);
    expect(items).toHaveLength(3);
    for (const [index, item] of items.entries()) {
      expect(item).toMatchObject({
        status: "IN_REVIEW",
        url: `${server.base}/articles/${stories[index]!.id}`,
        externalKey: `story-${stories[index]!.id}`,
      });
      expect(item.importRecord?.status).toBe("PENDING_REVIEW");
      expect(item.fetchedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }
    const record = await db.importRecord.findUniqueOrThrow({ where: { id: items[0]!.importRecordId! } });
    expect((record.result as { title: string }).title).toBe(stories[0]!.title);
    const source = await sourceOf(id);
    expect(source.etag).toMatch(/^"/);
    expect(source.lastSuccessAt).not.toBeNull();

    expect(await pollSource(id)).toEqual({ status: "notModified" });
    expect(await itemsOf(id)).toHaveLength(3);
    expect(server.hits(`/articles/${stories[0]!.id}`)).toBe(1);
  });

  it("uses the content an Atom feed carries instead of fetching the page", async () => {
    const stories = [makeStory(), makeStory()];
    const url = server.feed(`atom-${stories[0]!.id}`, "atom", stories, { fullContent: true });
    const { id } = await feedSource(url);
    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 2 });
    expect(server.hits(`/articles/${stories[0]!.id}`)).toBe(0);
    expect((await itemsOf(id)).map((item) => item.externalKey)).toEqual(stories.map((story) => `urn:story:${story.id}`));
  });

  it("takes an item once: listed twice in one feed, or again in another source (linked, not imported twice)", async () => {
    const story = makeStory();
    const first = await feedSource(server.feed(`twice-${story.id}`, "rss", [story, story]));
    expect(await pollSource(first.id)).toMatchObject({ status: "polled", inReview: 1, seen: 2 });
    expect(await itemsOf(first.id)).toHaveLength(1);

    const second = await feedSource(server.feed(`again-${story.id}`, "atom", [story], { fullContent: true }));
    expect(await pollSource(second.id)).toMatchObject({ status: "polled", inReview: 0, duplicates: 1 });
    const [firstItem] = await itemsOf(first.id);
    const [secondItem] = await itemsOf(second.id);
    expect(secondItem).toMatchObject({ status: "DUPLICATE", importRecordId: firstItem!.importRecordId });
    expect(
      await db.importRecord.count({
        where: {
          status: "PENDING_REVIEW",
          contentHash: (await db.importRecord.findUniqueOrThrow({ where: { id: firstItem!.importRecordId! } })).contentHash,
        },
      }),
    ).toBe(1);
  });

  it("takes each item once when two servers poll the same feed at once, and lists them in the feed's order", async () => {
    const stories = Array.from({ length: 12 }, () => makeStory());
    const { id } = await feedSource(server.feed(`both-${stories[0]!.id}`, "rss", stories));
    const outcomes = await Promise.all([pollSource(id), pollSource(id)]);
    const taken = outcomes.map((outcome) => (outcome.status === "polled" ? outcome.inReview + outcome.duplicates : -1));
    expect(taken[0]! + taken[1]!).toBe(stories.length);
    const items = await itemsOf(id);
    expect(items.map((item) => item.externalKey)).toEqual(stories.map((story) => `story-${story.id}`));
    expect(items.every((item) => item.status === "IN_REVIEW")).toBe(true);
    for (const story of stories) expect(server.hits(`/articles/${story.id}`)).toBe(1);
  });

  it("fails one item whose page is missing, with the reason, and the others go on", async () => {
    const [good, missing] = [makeStory(), makeStory()];
    const { id } = await feedSource(server.feed(`partial-${good.id}`, "rss", [missing, good]));
    server.forget(missing.id);
    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 1, failed: 1 });
    const [failed, landed] = await itemsOf(id);
    expect(failed).toMatchObject({
      status: "FAILED",
      importRecordId: null,
      error: { code: "ingest.errors.httpStatus", params: { status: 404 } },
    });
    expect(landed).toMatchObject({ status: "IN_REVIEW" });
    expect(await sourceOf(id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });
});

describe("bad feeds and bad addresses", () => {
  const cases: [string, () => string, { internal?: boolean }, string][] = [
    ["a page of HTML", () => `${server.base}/html`, {}, "ingest.errors.notAFeed"],
    ["broken XML", () => `${server.base}/broken.xml`, {}, "ingest.errors.invalidXml"],
    ["a 50 MB body", () => `${server.base}/huge`, {}, "ingest.errors.tooLarge"],
    ["a redirect loop", () => `${server.base}/loop`, {}, "ingest.errors.tooManyRedirects"],
    ["an unreachable host", () => "http://127.0.0.1:1/feed", {}, "ingest.errors.unreachable"],
    [
      "a loopback address on a source that is not internal",
      () => `${server.base}/feeds/none`,
      { internal: false },
      "ingest.errors.blockedAddress",
    ],
    [
      "a name resolving to loopback on a source that is not internal",
      () => `http://localhost:${new URL(server.base).port}/feeds/none`,
      { internal: false },
      "ingest.errors.blockedAddress",
    ],
  ];
  for (const [label, url, options, code] of cases) {
    it(`${label}: the source records ${code} and is polled again later`, async () => {
      const { id } = await feedSource(url(), options);
      const outcome = await pollSource(id);
      expect(outcome).toEqual({ status: "failed", code, paused: false });
      const source = await sourceOf(id);
      expect(source).toMatchObject({ enabled: true, consecutiveFailures: 1, lastError: expect.objectContaining({ code }) });
      expect(source.nextPollAt.getTime()).toBeGreaterThan(Date.now());
      expect(await itemsOf(id)).toHaveLength(0);
    });
  }

  it("pauses a source after five failed polls in a row, and says why", async () => {
    const { id } = await feedSource(`${server.base}/broken.xml`);
    for (let poll = 1; poll <= 4; poll++) expect(await pollSource(id)).toMatchObject({ status: "failed", paused: false });
    expect(await pollSource(id)).toMatchObject({ status: "failed", paused: true });
    expect(await sourceOf(id)).toMatchObject({ enabled: false, pausedReason: "failures", consecutiveFailures: 5 });
  });
});

describe("a trusted source", () => {
  it("makes a clean item a draft at once (first revision: Imported from <source>); one with a warning waits for review", async () => {
    const clean = makeStory();
    const flagged = makeStory(undefined, { withWarning: true });
    const name = `Trusted wire ${clean.id}`;
    const { id } = await feedSource(server.feed(`trusted-${clean.id}`, "rss", [clean, flagged]), { trusted: true, name });
    expect(await pollSource(id)).toMatchObject({ status: "polled", drafted: 1, inReview: 1 });
    const [drafted, waiting] = await itemsOf(id);
    expect(drafted).toMatchObject({ status: "DRAFTED", articleId: expect.any(String) });
    expect(waiting).toMatchObject({ status: "IN_REVIEW", articleId: null });
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: drafted!.articleId! }, include: { revisions: true } });
    expect(version).toMatchObject({ status: "DRAFT", title: clean.title });
    expect(version.revisions.map((revision) => revision.note)).toEqual([`Imported from ${name}`]);
  });
});
