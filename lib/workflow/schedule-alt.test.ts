// Scheduling applies the same publish checks as publishing now: a version whose lead image has no
// alt text in its language is refused (nothing changes), and accepted once the image is described.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setLeadImage, uploadMedia } from "@/lib/media/service";
import { createDiskStorage } from "@/lib/media/storage";
import { makePhoto } from "@/test/fixtures/media";
import { scheduleVersion } from "@/lib/workflow/service";
import { makeArticle, makeUser } from "@/test/fixtures/workflow";

const root = mkdtempSync(path.join(tmpdir(), "schedule-alt-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("refuses to schedule a version whose images lack alt text", async () => {
  const editor = await makeUser("EDITOR");
  const { assetId } = await uploadMedia(await makePhoto(), { id: editor.id }, createDiskStorage(root));
  const story = await makeArticle([{ language: "fr", status: "APPROVED" }]);
  const target = story.version("fr");
  await setLeadImage({ articleId: story.articleId, assetId }, { id: editor.id });
  const now = new Date("2300-01-01T00:00:00Z");
  const input = { versionId: target.id, version: target.version, scheduledAt: new Date("2300-01-02T00:00:00Z") };

  await expect(scheduleVersion(editor, input, now)).rejects.toMatchObject({ code: "media.errors.altMissing" });
  expect(await db.articleVersion.findUniqueOrThrow({ where: { id: target.id }, select: { scheduledAt: true, version: true } })).toEqual({
    scheduledAt: null,
    version: target.version,
  });

  await db.mediaText.create({ data: { assetId, language: "fr", alt: "Le ministre accueille son homologue" } });
  await expect(scheduleVersion(editor, input, now)).resolves.toEqual({ version: target.version + 1 });
});
