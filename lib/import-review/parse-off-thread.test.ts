// Uploads and reviews parse in the worker pool within a time budget, and the review screen shows
// what was stored instead of parsing on every view (issue 26). Against the real database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hostileFile } from "@/lib/import/hostile-shapes";
import { getImportForReview } from "@/lib/import-review/queries";
import { reviseImport, stageImport } from "@/lib/import-review/service";
import { Refusal } from "@/lib/refusal";
import { createUser } from "@/lib/users/service";
import { wireStory } from "@/test/fixtures/import-review";

// A budget the slowest hostile shape at 2 MB (~3.8 s of linear work on an idle 2-core machine) far
// exceeds, while a story takes milliseconds (the budget starts once a worker has its word lists).
vi.stubEnv("IMPORT_PARSE_BUDGET_MS", "500");

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `off-thread-${randomUUID()}@desk.test`, name: "Importer", role: "EDITOR", password: "importer-password" },
    null,
  ));
});
afterAll(async () => {
  const shared = globalThis as { importParsePool?: { close(): Promise<void> } };
  await shared.importParsePool?.close();
  delete shared.importParsePool;
  vi.unstubAllEnvs();
});

describe("uploads parse in the worker pool", () => {
  it("refuses a file over the time budget alone, writing nothing, while the others are staged", async () => {
    const slow = {
      name: `slow-${randomUUID()}.txt`,
      bytes: hostileFile("English text without spaces", 2_000_000),
    };
    const stories = [wireStory(), wireStory()];
    const [first, refused, second] = await Promise.allSettled([
      stageImport(stories[0]!, editorId),
      stageImport(slow, editorId),
      stageImport(stories[1]!, editorId),
    ]);
    expect(refused).toMatchObject({ status: "rejected", reason: expect.any(Refusal) });
    expect(refused.status === "rejected" && (refused.reason as Refusal).code).toBe("import.refused.tooSlow");
    expect(await db.importRecord.count({ where: { fileName: slow.name } })).toBe(0);
    expect(first.status === "rejected" ? String(first.reason) : first.status).toBe("fulfilled");
    expect(second.status === "rejected" ? String(second.reason) : second.status).toBe("fulfilled");
    // The pool goes on after the stopped worker.
    await expect(stageImport(wireStory(), editorId)).resolves.toMatchObject({ alreadyStored: false });
  }, 120_000);
});

describe("the review screen", () => {
  it("shows the stored result and proposed changes, not a new parse of the bytes", async () => {
    const staged = await stageImport(wireStory(), editorId);
    const stored = await db.importRecord.findUniqueOrThrow({
      where: { id: staged.recordId },
      select: { result: true, proposedChanges: true },
    });
    expect(stored.proposedChanges).toEqual(staged.article.changes);
    // Mark the stored result: a view that parsed the bytes again would show the pipeline's title.
    await db.importRecord.update({
      where: { id: staged.recordId },
      data: { result: { ...(stored.result as object), title: "Stored, not parsed again" } },
    });
    const review = await getImportForReview(staged.recordId);
    expect(review?.article.title).toBe("Stored, not parsed again");
    expect(review?.allChanges).toEqual(staged.article.changes);
  });

  it("keeps every proposed change listed after an undo, with the undone one unticked", async () => {
    const staged = await stageImport(wireStory(), editorId);
    const undone = staged.article.changes.find((change) => change.kind === "glued-word-split");
    expect(undone).toBeDefined();
    await reviseImport(staged.recordId, [undone!.id], {});
    const review = await getImportForReview(staged.recordId);
    expect(review?.allChanges).toEqual(staged.article.changes);
    expect(review?.reverted.has(undone!.id)).toBe(true);
    expect(review?.article.changes.map((change) => change.id)).not.toContain(undone!.id);
    expect(review?.article.paragraphs.join(" ")).toContain("leministre");
  });
});
