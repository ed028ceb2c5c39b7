// Scheduled publication against the real database, with injected times: nothing before the time,
// exactly once after it (even with two promotions racing), never once cancelled.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishDueVersions } from "@/lib/scheduled-publishing/publish-due";
import { cancelSchedule, scheduleVersion } from "@/lib/workflow/service";
import { makeArticle, makeUser } from "@/test/fixtures/workflow";

// Other test files schedule versions in the future and expect them to stay unpublished: promoting
// "everything due" at a time in the past (1990s, where only this file schedules) leaves them alone.
const base = Date.parse("1990-01-01T00:00:00Z") + Math.floor(Math.random() * 1e8) * 1000;
const at = (seconds: number) => new Date(base + seconds * 1000);

async function scheduledStory(seconds: number) {
  const editor = await makeUser("EDITOR");
  const story = await makeArticle([{ language: "fr", status: "APPROVED" }]);
  const target = story.version("fr");
  const { version } = await scheduleVersion(editor, { versionId: target.id, version: target.version, scheduledAt: at(seconds) }, at(0));
  return { editor, story, id: target.id, version };
}

const row = (id: string) =>
  db.articleVersion.findUniqueOrThrow({
    where: { id },
    select: { status: true, publishedAt: true, firstPublishedAt: true, scheduledAt: true, version: true },
  });

describe("publishDueVersions", () => {
  it("leaves a version alone before its time and publishes it at its time", async () => {
    const { id, version, story } = await scheduledStory(60);
    const early = await publishDueVersions(at(59));
    expect(early.promoted.map((p) => p.id)).not.toContain(id);
    expect(await row(id)).toMatchObject({ status: "APPROVED", version });

    const due = await publishDueVersions(at(61));
    expect(due.promoted).toContainEqual({ id, articleId: story.articleId, language: "fr" });
    expect(due.publicChange?.articleIds).toContain(story.articleId);
    expect(await row(id)).toEqual({
      status: "PUBLISHED",
      publishedAt: at(60),
      firstPublishedAt: at(60),
      scheduledAt: null,
      version: version + 1,
    });
    const audit = await db.auditLog.findMany({ where: { entityId: id, action: "workflow.scheduledPublish" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, entityType: "articleVersion" });
  });

  it("publishes exactly once when two servers promote at the same moment", async () => {
    const { id } = await scheduledStory(120);
    const results = await Promise.all([publishDueVersions(at(121)), publishDueVersions(at(121)), publishDueVersions(at(122))]);
    expect(results.flatMap((result) => result.promoted).filter((p) => p.id === id)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: id, action: "workflow.scheduledPublish" } })).toBe(1);
    expect((await row(id)).status).toBe("PUBLISHED");
  });

  it("never publishes a cancelled schedule", async () => {
    const { id, version, editor } = await scheduledStory(180);
    await cancelSchedule(editor, { versionId: id, version });
    const later = await publishDueVersions(at(10_000));
    expect(later.promoted.map((p) => p.id)).not.toContain(id);
    expect(await row(id)).toMatchObject({ status: "APPROVED", scheduledAt: null });
  });

  it("does not publish a version sent back to draft after it was scheduled", async () => {
    const { id, version, editor } = await scheduledStory(240);
    const { transitionVersion } = await import("@/lib/workflow/service");
    await transitionVersion(editor, { versionId: id, version, transition: "returnToDraft", note: "Hold it" });
    await publishDueVersions(at(10_000));
    expect(await row(id)).toMatchObject({ status: "DRAFT", scheduledAt: null });
  });
});
