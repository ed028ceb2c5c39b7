// Bulk operations against the real database: what succeeds, what is refused and why, in one summary.
import { describe, expect, it } from "vitest";
import { applyBulkOperation } from "@/lib/articles/bulk";
import { db } from "@/lib/db";
import { makeArticle, makeUser, uniqueWord } from "@/test/fixtures/workflow";

const item = (version: { id: string; version: number }) => ({ versionId: version.id, version: version.version });

async function makeTag() {
  const word = uniqueWord("tag");
  return db.tag.create({
    data: { type: "TOPIC", labels: { create: [{ language: "fr", label: word, normalized: word, slug: word }] } },
    select: { id: true },
  });
}

describe("applyBulkOperation", () => {
  it("publishes the approved ones and reports the others as refused, by reason", async () => {
    const editor = await makeUser("EDITOR");
    const approved = await Promise.all([1, 2, 3].map(() => makeArticle([{ language: "fr", status: "APPROVED" }])));
    const drafts = await Promise.all([1, 2].map(() => makeArticle([{ language: "fr" }])));
    const stale = await makeArticle([{ language: "en", status: "APPROVED" }]);
    const summary = await applyBulkOperation(editor, {
      operation: "publish",
      items: [...approved, ...drafts].map((story) => item(story.versions[0]!)).concat({ versionId: stale.versions[0]!.id, version: 99 }),
    });
    expect(summary.done).toBe(3);
    expect(summary.refused).toEqual([
      { reason: "wrongState", count: 2 },
      { reason: "staleVersion", count: 1 },
    ]);
    expect(summary.publicChange?.articleIds.sort()).toEqual(approved.map((story) => story.articleId).sort());
    expect(summary.publicChange?.languages).toEqual(["fr"]);
    for (const story of approved)
      expect((await db.articleVersion.findUniqueOrThrow({ where: { id: story.versions[0]!.id } })).status).toBe("PUBLISHED");
    for (const story of drafts)
      expect((await db.articleVersion.findUniqueOrThrow({ where: { id: story.versions[0]!.id } })).status).toBe("DRAFT");
  });

  it("refuses everything a translator asks to archive", async () => {
    const translator = await makeUser("TRANSLATOR");
    const story = await makeArticle([{ language: "fr" }]);
    const summary = await applyBulkOperation(translator, { operation: "archive", items: [item(story.versions[0]!)] });
    expect(summary).toMatchObject({ done: 0, refused: [{ reason: "forbidden", count: 1 }] });
  });

  it("tags stories once, says which already had the tag, and refuses an unknown tag", async () => {
    const editor = await makeUser("EDITOR");
    const tag = await makeTag();
    const fresh = await makeArticle([{ language: "fr", status: "PUBLISHED" }, { language: "en" }]);
    const already = await makeArticle([{ language: "fr" }]);
    await db.articleTag.create({ data: { articleId: already.articleId, tagId: tag.id } });
    const summary = await applyBulkOperation(editor, {
      operation: "tag",
      tagId: tag.id,
      items: [...fresh.versions, ...already.versions].map(item),
    });
    expect(summary).toMatchObject({ done: 2, refused: [{ reason: "alreadyTagged", count: 1 }] });
    expect(summary.publicChange).toMatchObject({ articleIds: [fresh.articleId], languages: ["fr"] });
    expect(summary.publicChange?.tagIds).toContain(tag.id);
    expect(await db.articleTag.count({ where: { tagId: tag.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityId: fresh.articleId, action: "article.tag" } })).toBe(1);

    const unknown = await applyBulkOperation(editor, { operation: "tag", tagId: "no-such-tag", items: fresh.versions.map(item) });
    expect(unknown).toMatchObject({ done: 0, refused: [{ reason: "tagNotFound", count: 2 }] });
  });
});
