// Publishing through the workflow is refused while the lead image has no alt text in the
// version's language, and nothing changes; once described, the same publish goes through.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { transitionVersion } from "@/lib/workflow/service";
import { Refusal } from "@/lib/refusal";
import { setLeadImage, uploadMedia } from "./service";
import { createDiskStorage } from "./storage";
import { makeMediaUser, makePhoto, makeStory } from "@/test/fixtures/media";

const root = mkdtempSync(path.join(tmpdir(), "media-publish-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("missing alt text blocks publishing with a clear message", async () => {
  const editor = await makeMediaUser("EDITOR");
  const { assetId } = await uploadMedia(await makePhoto(), { id: editor.id }, createDiskStorage(root));
  const story = await makeStory([{ language: "fr", status: "APPROVED" }]);
  const versionId = story.versions[0]!.id;
  await setLeadImage({ articleId: story.id, assetId }, { id: editor.id });
  const actor = { id: editor.id, role: editor.role };

  const refused = await transitionVersion(actor, { versionId, version: 1, transition: "publish" }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(Refusal);
  expect(refused).toMatchObject({ code: "media.errors.altMissing", data: { language: "fr", assetIds: [assetId] } });
  expect(
    await db.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true, version: true, publishedAt: true } }),
  ).toEqual({ status: "APPROVED", version: 1, publishedAt: null });

  await db.mediaText.create({ data: { assetId, language: "fr", alt: "Le ministre accueille son homologue" } });
  await expect(transitionVersion(actor, { versionId, version: 1, transition: "publish" })).resolves.toMatchObject({ status: "PUBLISHED" });
});
