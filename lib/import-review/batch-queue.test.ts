// A batch of uploads against the real database: each review knows its place ("2 of 3") and the
// next file still waiting, whatever order the files are decided in.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getBatchPlace } from "@/lib/import-review/batch-queue";
import { batchUploadKey, newUploadBatch } from "@/lib/import-review/review-batch";
import { acceptImport, rejectImport, stageImport } from "@/lib/import-review/service";
import { createUser } from "@/lib/users/service";
import { wireStory } from "@/test/fixtures/import-review";

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `batcher-${randomUUID()}@desk.test`, name: "batcher", role: "EDITOR", password: "batcher-password" },
    null,
  ));
});

describe("a batch of uploads reviewed one after another", () => {
  it("gives each file its place and the next file waiting, after it first and then before it", async () => {
    const batch = newUploadBatch();
    // Staged out of order, as two parallel uploads can arrive.
    const third = await stageImport(wireStory(), editorId, batchUploadKey(batch, 3));
    const first = await stageImport(wireStory(), editorId, batchUploadKey(batch, 1));
    const second = await stageImport(wireStory(), editorId, batchUploadKey(batch, 2));

    expect(await getBatchPlace(first.recordId)).toEqual({ position: 1, total: 3, nextPendingId: second.recordId });
    expect(await getBatchPlace(second.recordId)).toEqual({ position: 2, total: 3, nextPendingId: third.recordId });

    await acceptImport(second.recordId, editorId);
    await rejectImport(third.recordId, editorId);
    // From the last file, the one still waiting is the first.
    expect(await getBatchPlace(third.recordId)).toMatchObject({ position: 3, nextPendingId: first.recordId });
    await acceptImport(first.recordId, editorId);
    expect(await getBatchPlace(first.recordId)).toMatchObject({ nextPendingId: null });
  });

  it("has no place for a file uploaded alone", async () => {
    const alone = await stageImport(wireStory(), editorId, randomUUID());
    expect(await getBatchPlace(alone.recordId)).toBeNull();
    const single = await stageImport(wireStory(), editorId, batchUploadKey(newUploadBatch(), 1));
    expect(await getBatchPlace(single.recordId)).toBeNull();
  });
});
