// Embargoes against the real database: an embargoed story, published, is absent from every public
// surface (each probed before and after the lift, so each probe can fail), fires no webhook until the
// lift, which announces "published" once; two lifts racing lift once and record one public change;
// the desk's set/clear refuses a past time, a story already out and a role that may not publish.
// Embargo times lie in the 1980s, where no other test file lifts: lifting "everything due" then
// touches only this file's rows, and the real clock's job never reaches them.
import { createServer } from "node:http";
import type PgBoss from "pg-boss";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toNinjs } from "@/lib/api/ninjs";
import { findApiArticleId, getApiArticle, listApiArticles, listApiTags } from "@/lib/api/queries";
import {
  findPublishedArticleId,
  getPublishedArticle,
  listFeedItems,
  listLatestArticles,
  listRecentlyPublished,
  listRelatedArticles,
  listSitemapArticles,
  listSitemapTags,
  tagHasPublishedArticle,
} from "@/lib/public/queries";
import { searchArticles } from "@/lib/public/search";
import { listPublishedArticlesForTag } from "@/lib/tags/public-queries";
import { createEndpoint } from "@/lib/webhooks/endpoints";
import { queueWebhookDeliveries } from "@/lib/webhooks/events";
import { transitionVersion } from "@/lib/workflow/service";
import { createStory, createTag, uniqueWord } from "@/test/fixtures/public";
import { makeArticle, makeUser } from "@/test/fixtures/workflow";
import { createJobQueue } from "@/lib/jobs/queue";
import { EMBARGO_QUEUE, startEmbargoJobs } from "./jobs";
import { liftDueEmbargoes } from "./lift";
import { setEmbargo } from "./service";

// In the past (readers' queries use the real clock) but after test/scale/jobs.test.ts's clock (1960s),
// whose job queue shares this database: its lifts never find these embargoes due.
const base = Date.parse("1985-01-01T00:00:00Z") + Math.floor(Math.random() * 1e8) * 1000;
const at = (seconds: number) => new Date(base + seconds * 1000);
const word = uniqueWord();

/** A visible story whose English translation is embargoed, and a story embargoed in both languages. */
const ids = { visible: "", embargoed: "", embargoedFrSlug: "", visibleEnSlug: "", tag: "", enOnlyTag: "" };

beforeAll(async () => {
  const tag = await createTag({ fr: "Sommet", en: "Summit" });
  const enOnlyTag = await createTag({ en: "Embargo" });
  ids.tag = tag.id;
  ids.enOnlyTag = enOnlyTag.id;
  const visible = await createStory(
    [
      { language: "fr", title: `Visible ${word}`, publishedAt: new Date(Date.now() - 2 * 3600_000) },
      { language: "en", title: `Visible ${word}`, publishedAt: new Date(Date.now() - 2 * 3600_000) },
    ],
    { tagIds: [tag.id] },
  );
  const embargoed = await createStory(
    [
      { language: "fr", title: `Sous embargo ${word}`, paragraphs: [`Texte ${word}.`], publishedAt: new Date(Date.now() - 1800_000) },
      { language: "en", title: `Embargoed ${word}`, publishedAt: new Date(Date.now() - 1800_000) },
    ],
    { tagIds: [tag.id, enOnlyTag.id] },
  );
  ids.visible = visible.articleId;
  ids.embargoed = embargoed.articleId;
  ids.embargoedFrSlug = embargoed.versions[0]!.slug;
  ids.visibleEnSlug = visible.versions[1]!.slug;
  await db.articleVersion.updateMany({
    where: { OR: [{ articleId: embargoed.articleId }, { id: visible.versions[1]!.id }] },
    data: { embargoedUntil: at(60) },
  });
});

type Probe = (ids: {
  visible: string;
  embargoed: string;
  embargoedFrSlug: string;
  visibleEnSlug: string;
  tag: string;
  enOnlyTag: string;
}) => Promise<boolean>;

/** Each public surface, asked whether it shows the embargoed story (or the embargoed translation). */
const surfaces: [string, Probe][] = [
  ["the home list", async (s) => (await listLatestArticles("fr", 1, 500)).some((a) => a.articleId === s.embargoed)],
  ["the article URL", async (s) => (await findPublishedArticleId("fr", s.embargoedFrSlug)) !== null],
  ["the article page", async (s) => (await getPublishedArticle("fr", s.embargoed)) !== null],
  [
    "another page's translation link",
    async (s) => (await getPublishedArticle("fr", s.visible))!.translations.some((t) => t.language === "en"),
  ],
  [
    "another page's related teasers",
    async (s) => (await listRelatedArticles("fr", s.visible, 50)).some((a) => a.articleId === s.embargoed),
  ],
  ["search", async (s) => (await searchArticles("fr", { query: word })).hits.some((hit) => hit.articleId === s.embargoed)],
  ["the tag page", async (s) => (await listPublishedArticlesForTag(s.tag, "fr")).articles.some((a) => a.articleId === s.embargoed)],
  ["a tag page only the story leads to", (s) => tagHasPublishedArticle("en", s.enOnlyTag)],
  ["the feed", async (s) => (await listFeedItems("fr", s.tag)).some((item) => item.articleId === s.embargoed)],
  ["the sitemap", async (s) => (await listSitemapArticles()).some((entry) => entry.articleId === s.embargoed)],
  ["the sitemap's tags", async (s) => (await listSitemapTags()).some((entry) => entry.tagId === s.enOnlyTag)],
  ["the news sitemap", async (s) => (await listRecentlyPublished()).some((item) => item.slug === s.embargoedFrSlug)],
  ["the API list", async (s) => (await listApiArticles({ lang: "fr", limit: 50, q: word })).data.some((a) => a.id === s.embargoed)],
  ["the API article", async (s) => (await getApiArticle(s.embargoed, "en")) !== null],
  ["the API by slug", async (s) => (await findApiArticleId("fr", s.embargoedFrSlug)) !== null],
  ["the API tags", async (s) => (await listApiTags("en")).some((tag) => tag.id === s.enOnlyTag)],
  [
    "another story's ninjs translation",
    async (s) => JSON.stringify(toNinjs((await getApiArticle(s.visible, "fr"))!)).includes(s.visibleEnSlug),
  ],
];

describe("an embargoed, published story", () => {
  it.each(surfaces)("is absent from %s", async (_name, probe) => {
    expect(await probe(ids)).toBe(false);
  });
});

describe("once its embargo is lifted", () => {
  beforeAll(async () => {
    expect((await liftDueEmbargoes(at(59))).lifted.map((v) => v.id)).toEqual([]);
    const { lifted, publicChange } = await liftDueEmbargoes(at(61));
    expect(lifted.filter((v) => v.published)).toHaveLength(3);
    expect(publicChange?.articleIds.sort()).toEqual([ids.visible, ids.embargoed].sort());
  });

  it.each(surfaces)("is on %s", async (_name, probe) => {
    expect(await probe(ids)).toBe(true);
  });
});

describe("webhooks and the lift", () => {
  const server = createServer((_request, response) => response.writeHead(200).end("{}"));
  let endpointId = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const admin = await makeUser("ADMIN");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    ({ id: endpointId } = await createEndpoint({ url, description: word, events: ["article.published"], internal: true }, admin.id, null));
  });
  afterAll(async () => {
    await db.webhookEndpoint.deleteMany({ where: { description: word } });
    server.close();
  });

  const published = (articleId: string) =>
    db.webhookDelivery.count({ where: { endpointId, event: "article.published", payload: { path: ["data", "id"], equals: articleId } } });

  it("an embargoed publish sends nothing; the lift sends one 'published'", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr", status: "APPROVED" }]);
    const target = story.version("fr");
    const embargoed = await setEmbargo(editor, { versionId: target.id, version: target.version, embargoedUntil: at(1000) }, at(0));
    const publish = await transitionVersion(editor, { versionId: target.id, version: embargoed.version, transition: "publish" });
    expect(publish.publicChange).not.toBeNull();
    await queueWebhookDeliveries(publish.publicChange!);
    expect(await published(story.articleId)).toBe(0);

    const lift = await liftDueEmbargoes(at(1001));
    expect(lift.lifted.map((v) => v.id)).toEqual([target.id]);
    await queueWebhookDeliveries(lift.publicChange!);
    await queueWebhookDeliveries(lift.publicChange!);
    expect(await published(story.articleId)).toBe(1);
    const audit = await db.auditLog.findMany({
      where: { entityId: target.id, action: { in: ["workflow.embargo", "workflow.embargoLifted"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([
      ["workflow.embargo", editor.id],
      ["workflow.embargoLifted", null],
    ]);
  });

  it("two lifts racing lift once and record one public change", async () => {
    const story = await makeArticle([{ language: "fr", status: "PUBLISHED", embargoedUntil: at(2000) }]);
    const id = story.version("fr").id;
    const changes = () => db.publicChangeOutbox.count({ where: { articleIds: { has: story.articleId } } });
    const before = await changes();
    const results = await Promise.all([liftDueEmbargoes(at(2001)), liftDueEmbargoes(at(2001)), liftDueEmbargoes(at(2002))]);
    expect(results.flatMap((result) => result.lifted).filter((v) => v.id === id)).toHaveLength(1);
    expect(results.filter((result) => result.publicChange?.articleIds.includes(story.articleId))).toHaveLength(1);
    expect(await changes()).toBe(before + 1);
    expect(await db.auditLog.count({ where: { entityId: id, action: "workflow.embargoLifted" } })).toBe(1);
    expect(await db.articleVersion.findUniqueOrThrow({ where: { id }, select: { embargoedUntil: true } })).toEqual({
      embargoedUntil: null,
    });
  });
});

describe("the job queue", () => {
  let boss: PgBoss | null = null;
  afterAll(async () => void (await boss?.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => {})));

  it("lifts a due embargo once a server works the queue", async () => {
    const story = await makeArticle([{ language: "fr", status: "PUBLISHED", embargoedUntil: at(3000) }]);
    const id = story.version("fr").id;
    boss = createJobQueue();
    boss.on("error", () => {});
    await boss.start();
    await startEmbargoJobs(boss, () => at(3001));
    const lifted = async () =>
      (await db.articleVersion.findUniqueOrThrow({ where: { id }, select: { embargoedUntil: true } })).embargoedUntil === null;
    // Another file's server may take a run (with the real clock, for which nothing here is due): ask again
    // each second until this server's run has lifted it.
    const deadline = Date.now() + 60_000;
    while (!(await lifted()) && Date.now() < deadline) {
      await boss.send(EMBARGO_QUEUE, {});
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(await lifted()).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: id, action: "workflow.embargoLifted", actorId: null } })).toBe(1);
  }, 90_000);
});

describe("setting an embargo", () => {
  it("refuses a time in the past, a story already out, and a role that may not publish", async () => {
    const editor = await makeUser("EDITOR");
    const translator = await makeUser("TRANSLATOR");
    const draft = (await makeArticle([{ language: "fr" }])).version("fr");
    const out = (await makeArticle([{ language: "fr", status: "PUBLISHED" }])).version("fr");
    const now = new Date();
    const ref = (v: { id: string; version: number }) => ({ versionId: v.id, version: v.version });
    await expect(setEmbargo(editor, { ...ref(draft), embargoedUntil: new Date(now.getTime() - 1000) }, now)).rejects.toMatchObject({
      code: "workflow.errors.embargoInPast",
      field: "embargoedUntil",
    });
    await expect(setEmbargo(editor, { ...ref(out), embargoedUntil: new Date(now.getTime() + 3600_000) }, now)).rejects.toMatchObject({
      code: "workflow.errors.embargoOnPublic",
    });
    await expect(setEmbargo(translator, { ...ref(draft), embargoedUntil: new Date(now.getTime() + 3600_000) }, now)).rejects.toMatchObject({
      code: "workflow.errors.forbidden",
    });
    const rows = await db.articleVersion.findMany({
      where: { id: { in: [draft.id, out.id] } },
      select: { embargoedUntil: true, version: true },
    });
    expect(rows).toEqual([
      { embargoedUntil: null, version: 1 },
      { embargoedUntil: null, version: 1 },
    ]);
  });

  it("cleared on a published version, lifts it at once and announces it", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr", status: "PUBLISHED", embargoedUntil: new Date(Date.now() + 3600_000) }]);
    const target = story.version("fr");
    expect(await findPublishedArticleId("fr", (await db.articleVersion.findUniqueOrThrow({ where: { id: target.id } })).slug)).toBeNull();
    const cleared = await setEmbargo(editor, { versionId: target.id, version: target.version, embargoedUntil: null });
    expect(cleared.publicChange?.articleIds).toEqual([story.articleId]);
    expect(await getPublishedArticle("fr", story.articleId)).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: target.id, action: "workflow.embargoLifted", actorId: editor.id } })).toBe(1);
  });
});
