// The content API's reads and keys against a real PostgreSQL: only published versions leave (one
// story per state), cursor pages cover the list exactly once, filters narrow it, translations are
// linked, a key is stored hashed and refused once revoked, and the rate limit counts per minute.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import { createStory, createTag, uniqueWord } from "@/test/fixtures/public";
import { makeUser } from "@/test/fixtures/workflow";
import { admitKeyRequest, createApiKey, hashApiKey, revokeApiKey } from "./keys";
import { decodeCursor, encodeCursor, findApiArticleId, getApiArticle, listApiArticles, listApiTags } from "./queries";
import { apiRateLimit, takeApiRequest } from "./rate-limit";

const HOUR = 60 * 60 * 1000;
const word = uniqueWord();
const STATES: { name: string; status: VersionStatus; publishedAt?: Date | null }[] = [
  { name: "draft", status: "DRAFT" },
  { name: "inReview", status: "IN_REVIEW" },
  { name: "scheduled", status: "APPROVED" },
  { name: "futurePublished", status: "PUBLISHED", publishedAt: new Date(Date.now() + 24 * HOUR) },
  { name: "unpublished", status: "UNPUBLISHED", publishedAt: new Date(Date.now() - 2 * HOUR) },
  { name: "archived", status: "ARCHIVED", publishedAt: new Date(Date.now() - 2 * HOUR) },
];
const hidden: string[] = [];
const published: string[] = [];
let tagSlug = "";
let tagId = "";
let bilingual = "";

beforeAll(async () => {
  const tag = await createTag({ fr: "Diplomatie", en: "Diplomacy" });
  tagId = tag.id;
  tagSlug = tag.labels.find((label) => label.language === "fr")!.slug;
  for (const state of STATES) {
    const story = await createStory(
      [{ language: "fr", status: state.status, publishedAt: state.publishedAt, title: `Caché ${state.name} ${word}` }],
      { tagIds: [tagId] },
    );
    hidden.push(story.articleId);
  }
  // Five published stories, an hour apart, the middle one bilingual; two of them tagged.
  for (let index = 0; index < 5; index++) {
    const versions = [
      {
        language: "fr" as const,
        title: `Publié ${index} ${word}`,
        publishedAt: new Date(Date.now() - (index + 1) * HOUR),
        paragraphs: [`Texte ${word} numéro ${index}.`],
      },
      ...(index === 2
        ? [{ language: "en" as const, title: `Published ${index} ${word}`, publishedAt: new Date(Date.now() - (index + 1) * HOUR) }]
        : []),
    ];
    const story = await createStory(versions, { tagIds: index < 2 ? [tagId] : [] });
    published.push(story.articleId);
    if (index === 2) bilingual = story.articleId;
  }
});

const ours = (id: string) => published.includes(id) || hidden.includes(id);

async function everyPage(input: Parameters<typeof listApiArticles>[0]) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listApiArticles({ ...input, cursor });
    seen.push(...page.data.map((item) => item.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("no last page");
}

describe("content API reads", () => {
  it("pages by cursor through published stories only, newest first, each once", async () => {
    const ids = (await everyPage({ lang: "fr", limit: 2, q: word })).filter(ours);
    expect(ids).toEqual(published);
  });

  it("filters by tag (slug or id), since, updatedSince and search", async () => {
    expect((await everyPage({ lang: "fr", limit: 50, tag: tagSlug })).filter(ours)).toEqual(published.slice(0, 2));
    expect((await everyPage({ lang: "fr", limit: 50, tag: tagId })).filter(ours)).toEqual(published.slice(0, 2));
    expect(await listApiArticles({ lang: "fr", limit: 5, tag: "no-such-tag" })).toEqual({ data: [], nextCursor: null });
    const since = new Date(Date.now() - 2.5 * HOUR).toISOString();
    expect((await everyPage({ lang: "fr", limit: 50, since, q: word })).filter(ours)).toEqual(published.slice(0, 2));
    const future = new Date(Date.now() + HOUR).toISOString();
    expect((await listApiArticles({ lang: "fr", limit: 50, updatedSince: future })).data.filter((item) => ours(item.id))).toEqual([]);
    expect((await everyPage({ lang: "en", limit: 50, q: word })).filter(ours)).toEqual([bilingual]);
  });

  it("one story links its other published languages; unpublished ones answer null", async () => {
    const article = await getApiArticle(bilingual, "fr");
    expect(article).toMatchObject({ id: bilingual, language: "fr", title: `Publié 2 ${word}` });
    expect(article!.bodyHtml).toContain(`Texte ${word} numéro 2.`);
    expect(article!.translations).toEqual([expect.objectContaining({ language: "en", title: `Published 2 ${word}` })]);
    expect(article!.translations[0]!.links.api).toContain(`/api/v1/articles/${bilingual}?lang=en`);
    expect((await getApiArticle(bilingual))?.language).toBe("fr");
    for (const id of hidden) {
      expect(await getApiArticle(id, "fr")).toBeNull();
      expect(await getApiArticle(id)).toBeNull();
    }
    expect(await findApiArticleId("fr", article!.slug)).toBe(bilingual);
  });

  it("one story carries its corrections in order, its tags labelled in its language, and no draft translation", async () => {
    const frenchOnly = await createTag({ fr: "Mer" });
    const englishOnly = await createTag({ en: "Sea" });
    const both = await createTag({ fr: "Sommet", en: "Summit" });
    const story = await createStory(
      [
        { language: "fr", title: `Corrigé ${word}` },
        { language: "en", status: "DRAFT", title: `Draft ${word}` },
      ],
      { tagIds: [both.id, frenchOnly.id, englishOnly.id] },
    );
    const versionId = story.versions.find((version) => version.language === "fr")!.id;
    const later = new Date("2026-03-02T10:15:30.123Z");
    const earlier = new Date("2026-03-01T08:00:00.456Z");
    await db.correctionNote.createMany({
      data: [
        { versionId, body: "Second correction.", correctedAt: later },
        { versionId, body: "First correction.", correctedAt: earlier },
      ],
    });
    const article = (await getApiArticle(story.articleId, "fr"))!;
    expect(article.corrections).toEqual([
      { body: "First correction.", correctedAt: earlier.toISOString() },
      { body: "Second correction.", correctedAt: later.toISOString() },
    ]);
    expect(article.tags.map((tag) => tag.id).sort()).toEqual([both.id, frenchOnly.id].sort());
    expect(article.tags.find((tag) => tag.id === both.id)).toMatchObject({
      type: "TOPIC",
      label: both.labels.find((l) => l.language === "fr")!.label,
    });
    expect(article.translations).toEqual([]);
    expect(article.leadPhoto).toBeNull();
    expect(await getApiArticle(story.articleId, "en")).toBeNull();
  });

  it("lists a tag only where a published story carries it", async () => {
    const fr = await listApiTags("fr");
    expect(fr.map((tag) => tag.id)).toContain(tagId);
    expect((await listApiTags("en")).map((tag) => tag.id)).not.toContain(tagId);
  });

  it("refuses a cursor it did not give out", () => {
    expect(decodeCursor("not-a-cursor")).toBeNull();
    const at = new Date();
    expect(decodeCursor(encodeCursor(at, "abc"))).toEqual({ publishedAt: at, versionId: "abc" });
  });
});

describe("API keys", () => {
  it("stores only the hash, records use, and refuses a revoked key", async () => {
    const admin = await makeUser("ADMIN");
    const { id, key } = await createApiKey(`Partner ${word}`, admin.id, "127.0.0.1");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const at = new Date("2026-01-01T10:00:30Z");
    expect(await admitKeyRequest(key, at)).toMatchObject({
      status: "valid",
      keyId: id,
      rate: { allowed: true, remaining: apiRateLimit() - 1 },
    });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(at);
    // Use is recorded at most once a minute; every request is counted in the key's window.
    const second = await admitKeyRequest(key, new Date(at.getTime() + 10_000));
    expect(second).toMatchObject({ status: "valid", rate: { remaining: apiRateLimit() - 2 } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(at);
    const later = new Date(at.getTime() + 60_000);
    await admitKeyRequest(key, later);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
    expect(await admitKeyRequest(`${key}x`)).toEqual({ status: "unknown" });
    expect(await revokeApiKey(id, admin.id, null)).toBe(true);
    expect(await revokeApiKey(id, admin.id, null)).toBe(false);
    const windows = await db.apiRateWindow.count({ where: { subject: `key:${id}` } });
    expect(await admitKeyRequest(key)).toEqual({ status: "revoked" });
    expect(await db.apiRateWindow.count({ where: { subject: `key:${id}` } })).toBe(windows);
    expect(await db.auditLog.count({ where: { entityType: "apiKey", entityId: id } })).toBe(2);
  });

  it("counts requests per subject per minute, shared through the database", async () => {
    const subject = `key:${word}`;
    const at = new Date("2026-01-01T10:00:30Z");
    const limit = apiRateLimit();
    const decisions = await Promise.all(Array.from({ length: limit + 2 }, () => takeApiRequest(subject, at)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(limit);
    expect(decisions.filter((decision) => !decision.allowed)).toHaveLength(2);
    expect((await takeApiRequest(subject, new Date("2026-01-01T10:01:00Z"))).allowed).toBe(true);
  });
});
