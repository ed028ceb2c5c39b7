// The seed loads the demo users and the sample articles once, and the demo's story on them once;
// running either again changes nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listTranslationQueue } from "@/lib/translations/queue";
import { DEMO_USERS } from "@/seed/demo-users";
import { DEMO_SAMPLES, laterToday } from "@/seed/demo-story";
import { seedDatabase, seedDemo } from "@/seed/seed";

// The demo's photos go to a folder of this test's own, never the demo's .data/media.
const mediaDir = mkdtempSync(path.join(tmpdir(), "seed-media-"));
beforeAll(() => {
  process.env.MEDIA_DIR = mediaDir;
});
afterAll(() => rmSync(mediaDir, { recursive: true, force: true }));

async function sampleArticleIds(): Promise<Record<keyof typeof DEMO_SAMPLES, string>> {
  const entries = await Promise.all(
    Object.entries(DEMO_SAMPLES).map(async ([part, fileName]) => {
      const record = await db.importRecord.findFirstOrThrow({
        where: { fileName, articleId: { not: null } },
        orderBy: { createdAt: "asc" },
        select: { articleId: true },
      });
      return [part, record.articleId!] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof DEMO_SAMPLES, string>;
}

describe("seed", () => {
  it("is idempotent", async () => {
    await seedDatabase();
    // What the seed owns, not whole tables: other test files write beside it at the same time.
    const counts = async () => {
      const samples = await db.importRecord.findMany({ where: { fileName: { startsWith: "00" } }, select: { articleId: true } });
      const articleIds = [...new Set(samples.flatMap((record) => (record.articleId ? [record.articleId] : [])))];
      return {
        users: await db.user.count({ where: { email: { in: DEMO_USERS.map((user) => user.email) } } }),
        imports: samples.length,
        articles: articleIds.length,
        audit: await db.auditLog.count({
          where: { OR: [{ entityId: { in: articleIds } }, { actor: { email: { in: DEMO_USERS.map((user) => user.email) } } }] },
        }),
      };
    };
    const first = await counts();
    expect(first.users).toBe(3);
    expect(first.imports).toBe(5);
    expect(first.articles).toBe(5);
    expect(await seedDatabase()).toEqual({ usersCreated: 0, articlesCreated: 0 });
    expect(await counts()).toEqual(first);
  });

  it("leaves the demo's desk in motion, built once", async () => {
    const before = new Date();
    await seedDemo();
    const ids = await sampleArticleIds();
    const articleIds = Object.values(ids);
    const versions = await db.articleVersion.findMany({
      where: { articleId: { in: articleIds } },
      select: {
        id: true,
        articleId: true,
        language: true,
        status: true,
        version: true,
        scheduledAt: true,
        updatedAt: true,
        article: { select: { sourceLanguage: true } },
      },
      orderBy: { id: "asc" },
    });
    const of = (part: keyof typeof DEMO_SAMPLES, language: string) =>
      versions.find((version) => version.articleId === ids[part] && version.language === language);

    // Published: three originals, two of them with their translation.
    expect(
      versions.filter((version) => version.status === "PUBLISHED" && version.language === version.article.sourceLanguage),
    ).toHaveLength(3);
    expect(of("conference", "en")?.status).toBe("PUBLISHED");
    expect(of("koreaTalks", "en")?.status).toBe("PUBLISHED");
    expect(
      await db.articleVersion.findUniqueOrThrow({ where: { id: of("conference", "en")!.id }, select: { datelinePlace: true } }),
    ).toEqual({ datelinePlace: "Hanoi" });
    // Scheduled later today, in review with the reviewer's comment, and a draft.
    expect(of("outlook2024", "fr")).toMatchObject({ status: "APPROVED", scheduledAt: laterToday(before) });
    expect(of("outlook2024", "fr")!.scheduledAt!.getTime()).toBeGreaterThan(Date.now());
    expect(of("focuses2023", "en")?.status).toBe("IN_REVIEW");
    expect(
      await db.comment.count({ where: { versionId: of("focuses2023", "en")!.id, resolvedAt: null, author: { role: "EDITOR" } } }),
    ).toBe(1);
    expect(of("tasks2024", "fr")?.status).toBe("DRAFT");

    // The translation queue tells them apart: outdated (source corrected after translation), in progress, missing.
    const stateOf = async (part: keyof typeof DEMO_SAMPLES, language: string) =>
      (await listTranslationQueue({ articleId: ids[part], language })).rows[0]?.state;
    expect(await stateOf("koreaTalks", "en")).toBe("outdated");
    expect(await stateOf("conference", "en")).toBe("published");
    expect(await stateOf("tasks2024", "fr")).toBe("in_progress");
    expect(await stateOf("focuses2023", "fr")).toBe("missing");

    // Every published story has tags and a lead photo with alt text in both languages.
    for (const part of ["conference", "koreaTalks", "tasks2024"] as const) {
      const article = await db.article.findUniqueOrThrow({
        where: { id: ids[part] },
        select: {
          _count: { select: { tags: true } },
          leadImage: { select: { credit: true, texts: { select: { language: true, alt: true } } } },
        },
      });
      expect(article._count.tags, part).toBeGreaterThan(0);
      expect(article.leadImage?.credit, part).toBeTruthy();
      expect(
        article.leadImage?.texts
          .filter((text) => text.alt)
          .map((text) => text.language)
          .sort(),
        part,
      ).toEqual(["en", "fr"]);
    }

    const state = async () => ({
      versions: await db.articleVersion.findMany({
        where: { articleId: { in: articleIds } },
        select: { id: true, status: true, version: true, updatedAt: true, scheduledAt: true },
        orderBy: { id: "asc" },
      }),
      revisions: await db.revision.count({ where: { articleVersion: { articleId: { in: articleIds } } } }),
      comments: await db.comment.count({ where: { articleVersion: { articleId: { in: articleIds } } } }),
      tags: await db.articleTag.count({ where: { articleId: { in: articleIds } } }),
      photos: await db.mediaAsset.count({ where: { leadOf: { some: { id: { in: articleIds } } } } }),
      audit: await db.auditLog.count({ where: { actor: { email: { in: DEMO_USERS.map((user) => user.email) } } } }),
    });
    const told = await state();
    expect(await seedDemo()).toMatchObject({ usersCreated: 0, articlesCreated: 0, storyTold: false });
    expect(await state()).toEqual(told);
  });
});
