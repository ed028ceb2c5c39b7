// Uploads for review against the real database: a text already waiting for review is flagged (also
// two copies sent at once), and the same upload sent again after a lost answer is not stored twice.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptImport, findStagedUpload, stageImport } from "@/lib/import-review/service";
import { createUser } from "@/lib/users/service";
import { wireStory } from "@/test/fixtures/import-review";

let editorId: string;
let otherEditorId: string;
beforeAll(async () => {
  const make = (name: string) =>
    createUser({ email: `${name}-${randomUUID()}@desk.test`, name, role: "EDITOR", password: "stager-password" }, null);
  [{ id: editorId }, { id: otherEditorId }] = await Promise.all([make("stager"), make("other-stager")]);
});

describe("duplicates among the uploads waiting for review", () => {
  it("flags a text already waiting, with the waiting record to link to", async () => {
    const story = wireStory();
    const first = await stageImport(story, editorId);
    const second = await stageImport({ ...story, name: `again-${story.name}` }, otherEditorId);
    expect(second.duplicates).toEqual([
      expect.objectContaining({ waiting: true, recordId: first.recordId, fileName: story.name, title: first.article.title, exact: true }),
    ]);

    // Once the first is accepted the second is a duplicate of its article, listed before waiting ones.
    const third = await stageImport({ ...story, name: `third-${story.name}` }, editorId);
    const { articleId } = await acceptImport(first.recordId, editorId);
    const again = await stageImport({ ...story, name: `fourth-${story.name}` }, editorId);
    expect(again.duplicates[0]).toMatchObject({ articleId, exact: true });
    expect(
      again.duplicates
        .filter((duplicate) => duplicate.waiting)
        .map((duplicate) => duplicate.waiting && duplicate.recordId)
        .sort(),
    ).toEqual([second.recordId, third.recordId].sort());
  });

  it("flags the second of two copies uploaded at the same moment (one batch)", async () => {
    const story = wireStory();
    const [a, b] = await Promise.all([
      stageImport({ ...story, name: `a-${story.name}` }, editorId),
      stageImport({ ...story, name: `b-${story.name}` }, editorId),
    ]);
    const flagged = [a, b].filter((staged) => staged.duplicates.length > 0);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.duplicates[0]).toMatchObject({ waiting: true, recordId: (flagged[0] === a ? b : a).recordId });
  });
});

describe("an upload sent again with its key", () => {
  it("gets the stored record back instead of a second one", async () => {
    const story = wireStory();
    const uploadKey = randomUUID();
    const first = await stageImport(story, editorId, uploadKey);
    const retried = await stageImport(story, editorId, uploadKey);
    expect(first.alreadyStored).toBe(false);
    expect(retried).toMatchObject({ recordId: first.recordId, alreadyStored: true, duplicates: [] });
    expect(retried.article.title).toBe(first.article.title);
    expect(await db.importRecord.count({ where: { fileName: story.name } })).toBe(1);
  });

  it("sent twice at once still stores one record", async () => {
    const story = wireStory();
    const uploadKey = randomUUID();
    const both = await Promise.all([stageImport(story, editorId, uploadKey), stageImport(story, editorId, uploadKey)]);
    expect(both[0].recordId).toBe(both[1].recordId);
    expect(await db.importRecord.count({ where: { fileName: story.name } })).toBe(1);
  });

  it("is read back by its key, for the person who sent it only", async () => {
    const story = wireStory();
    const uploadKey = randomUUID();
    const staged = await stageImport(story, editorId, uploadKey);
    expect(await findStagedUpload(uploadKey, editorId)).toMatchObject({ recordId: staged.recordId, alreadyStored: true });
    expect(await findStagedUpload(uploadKey, otherEditorId)).toBeNull();
  });
});
