// The media service against the real database and a real disk folder: uploads store files and row
// together or nothing, deletion is refused while used, lead images keep usages in step, and
// publishing is blocked by missing alt text.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/refusal";
import {
  applyCaptionToAsset,
  assertImagesHaveAlt,
  deleteMedia,
  setLeadImage,
  syncInlineUsages,
  updateMediaDetails,
  uploadMedia,
  type MissingAlt,
} from "./service";
import { createDiskStorage, type MediaStorage } from "./storage";
import { makeMediaUser, makePhoto, makeStory, unique } from "@/test/fixtures/media";
import { parseVariants } from "./variants";

const roots: string[] = [];
function diskStorage() {
  const root = mkdtempSync(path.join(tmpdir(), "media-service-"));
  roots.push(root);
  return { root, storage: createDiskStorage(root) };
}
const filesUnder = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
    : [];

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("uploadMedia", () => {
  it("stores the original, six variants and the row in one go", async () => {
    const user = await makeMediaUser();
    const { root, storage } = diskStorage();
    const outcome = await uploadMedia(await makePhoto(1800, 1200), { id: user.id }, storage);
    expect(outcome).toMatchObject({ duplicate: false, width: 1800, height: 1200 });
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: outcome.assetId } });
    const variants = parseVariants(asset.variants);
    expect(variants.map((variant) => `${variant.format}${variant.width}`).sort()).toEqual([
      "avif1600",
      "avif400",
      "avif800",
      "webp1600",
      "webp400",
      "webp800",
    ]);
    for (const key of [asset.storageKey, ...variants.map((variant) => variant.key)]) expect(await storage.get(key), key).not.toBeNull();
    expect(filesUnder(root)).toHaveLength(7);
    expect(asset.mimeType).toBe("image/jpeg");
    expect(await db.auditLog.count({ where: { action: "media.upload", entityId: asset.id } })).toBe(1);
  });

  it("gives the existing asset back for the same bytes, writing nothing", async () => {
    const user = await makeMediaUser();
    const { root, storage } = diskStorage();
    const photo = await makePhoto(500, 400);
    const first = await uploadMedia(photo, { id: user.id }, storage);
    const before = filesUnder(root).length;
    const second = await uploadMedia(photo, { id: user.id }, storage);
    expect(second).toMatchObject({ assetId: first.assetId, duplicate: true });
    expect(filesUnder(root)).toHaveLength(before);
  });

  it("leaves no file and no row when storage fails midway", async () => {
    const user = await makeMediaUser();
    const { root, storage } = diskStorage();
    let puts = 0;
    const failing: MediaStorage = {
      ...storage,
      async put(key, bytes, type) {
        if (++puts === 4) throw new Error("disk full");
        await storage.put(key, bytes, type);
      },
    };
    const photo = await makePhoto(1700, 900);
    await expect(uploadMedia(photo, { id: user.id }, failing)).rejects.toThrow("disk full");
    expect(puts).toBe(4);
    expect(filesUnder(root)).toEqual([]);
    expect(await db.mediaAsset.count({ where: { uploadedById: user.id } })).toBe(0);
  });

  it("leaves no file when the row cannot be written", async () => {
    const { root, storage } = diskStorage();
    // An uploader id that does not exist breaks the insert after every file was written.
    await expect(uploadMedia(await makePhoto(600, 400), { id: unique("ghost") }, storage)).rejects.toThrow();
    expect(filesUnder(root)).toEqual([]);
  });

  it("refuses bad files with nothing stored", async () => {
    const user = await makeMediaUser();
    const { root, storage } = diskStorage();
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const photo = await makePhoto(600, 400);
    expect(await refusal(uploadMedia(elf, { id: user.id }, storage))).toBe("media.errors.executable");
    expect(await refusal(uploadMedia(photo.subarray(0, photo.length >> 1), { id: user.id }, storage))).toBe("media.errors.corrupt");
    expect(await refusal(uploadMedia(new TextEncoder().encode("<svg><script>alert(1)</script></svg>"), { id: user.id }, storage))).toBe(
      "media.errors.svg",
    );
    expect(filesUnder(root)).toEqual([]);
    expect(await db.mediaAsset.count({ where: { uploadedById: user.id } })).toBe(0);
  });
});

describe("metadata, usages and deletion", () => {
  it("saves texts per language and refuses a stale save", async () => {
    const user = await makeMediaUser();
    const { storage } = diskStorage();
    const { assetId } = await uploadMedia(await makePhoto(), { id: user.id }, storage);
    const { updatedAt } = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId }, select: { updatedAt: true } });
    const texts = {
      fr: { alt: "Deux ministres se serrent la main", caption: "Rencontre à Hanoï" },
      en: { alt: "Two ministers shake hands", caption: "Meeting in Hanoi" },
    };
    await updateMediaDetails(
      { assetId, updatedAt, credit: "VNA", source: "Vietnam News Agency", takenAt: new Date("2026-11-20"), texts },
      { id: user.id },
    );
    const saved = await db.mediaAsset.findUniqueOrThrow({
      where: { id: assetId },
      select: { credit: true, texts: { orderBy: { language: "asc" } } },
    });
    expect(saved.credit).toBe("VNA");
    expect(saved.texts.map((text) => [text.language, text.alt])).toEqual([
      ["en", texts.en.alt],
      ["fr", texts.fr.alt],
    ]);
    expect(
      await refusal(updateMediaDetails({ assetId, updatedAt, credit: "Other", source: null, takenAt: null, texts }, { id: user.id })),
    ).toBe("media.errors.stale");
  });

  it("matches an import caption to an asset in the import's language", async () => {
    const user = await makeMediaUser();
    const { storage } = diskStorage();
    const { assetId } = await uploadMedia(await makePhoto(), { id: user.id }, storage);
    await applyCaptionToAsset(
      { assetId, language: "fr", caption: "Le ministre Bui Thanh Son reçoit l’ambassadeur.", credit: "Photo : VNA" },
      { id: user.id },
    );
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId }, select: { credit: true, texts: true } });
    expect(asset.credit).toBe("Photo : VNA");
    expect(asset.texts).toEqual([
      expect.objectContaining({ language: "fr", caption: "Le ministre Bui Thanh Son reçoit l’ambassadeur.", alt: "" }),
    ]);
  });

  it("lead image: usages follow, deletion refused while used, allowed once unused", async () => {
    const user = await makeMediaUser();
    const { root, storage } = diskStorage();
    const { assetId } = await uploadMedia(await makePhoto(), { id: user.id }, storage);
    const story = await makeStory([{ language: "fr", status: "PUBLISHED" }, { language: "en" }]);
    await setLeadImage({ articleId: story.id, assetId }, { id: user.id });
    expect(await db.mediaUsage.count({ where: { assetId, role: "LEAD" } })).toBe(2);
    expect(await refusal(deleteMedia(assetId, { id: user.id }, storage))).toBe("media.errors.inUse");
    expect(filesUnder(root)).toHaveLength(7);

    await setLeadImage({ articleId: story.id, assetId: null }, { id: user.id });
    expect(await db.mediaUsage.count({ where: { assetId } })).toBe(0);
    await deleteMedia(assetId, { id: user.id }, storage);
    expect(await db.mediaAsset.count({ where: { id: assetId } })).toBe(0);
    expect(filesUnder(root)).toEqual([]);
  });

  it("inline figures are recorded as usages and block deletion", async () => {
    const user = await makeMediaUser();
    const { storage } = diskStorage();
    const { assetId } = await uploadMedia(await makePhoto(), { id: user.id }, storage);
    const body = {
      type: "doc",
      content: [
        { type: "figure", attrs: { caption: "Légende", credit: null, assetId, blockId: "b1" } },
        { type: "figure", attrs: { caption: "x", assetId: "missing-asset" } },
      ],
    };
    const story = await makeStory([{ language: "fr", body }]);
    const versionId = story.versions[0]!.id;
    await syncInlineUsages(versionId, body);
    expect(await db.mediaUsage.findMany({ where: { versionId }, select: { assetId: true, role: true } })).toEqual([
      { assetId, role: "INLINE" },
    ]);
    expect(await refusal(deleteMedia(assetId, { id: user.id }, storage))).toBe("media.errors.inUse");
    await syncInlineUsages(versionId, { type: "doc", content: [] });
    expect(await db.mediaUsage.count({ where: { versionId } })).toBe(0);
    // No usage row any more, but the body still shows it: still refused.
    expect(await refusal(deleteMedia(assetId, { id: user.id }, storage))).toBe("media.errors.inUse");
    await db.articleVersion.update({ where: { id: versionId }, data: { bodyJson: { type: "doc", content: [] } } });
    await deleteMedia(assetId, { id: user.id }, storage);
  });
});

describe("assertImagesHaveAlt", () => {
  it("blocks a version whose lead image or figure lacks alt text in its language", async () => {
    const user = await makeMediaUser();
    const { storage } = diskStorage();
    const lead = await uploadMedia(await makePhoto(), { id: user.id }, storage);
    const inline = await uploadMedia(await makePhoto(), { id: user.id }, storage);
    const body = { type: "doc", content: [{ type: "figure", attrs: { caption: "", assetId: inline.assetId } }] };
    const story = await makeStory([{ language: "fr", body }, { language: "en" }]);
    const fr = story.versions.find((version) => version.language === "fr")!.id;
    const en = story.versions.find((version) => version.language === "en")!.id;

    await expect(assertImagesHaveAlt(en)).resolves.toBeUndefined(); // no image at all
    expect(((await assertImagesHaveAlt(fr).catch((caught: Refusal) => caught))?.data as MissingAlt | undefined)?.assetIds).toEqual([
      inline.assetId,
    ]);
    await setLeadImage({ articleId: story.id, assetId: lead.assetId }, { id: user.id });

    const error = await assertImagesHaveAlt(fr).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Refusal);
    expect(error).toMatchObject({
      code: "media.errors.altMissing",
      data: { language: "fr", assetIds: [lead.assetId, inline.assetId].sort() },
    });

    await db.mediaText.createMany({
      data: [
        { assetId: lead.assetId, language: "fr", alt: "Le ministre" },
        { assetId: inline.assetId, language: "fr", alt: "   " },
        { assetId: lead.assetId, language: "en", alt: "The minister" },
      ],
    });
    expect(((await assertImagesHaveAlt(fr).catch((caught: Refusal) => caught))?.data as MissingAlt | undefined)?.assetIds).toEqual([
      inline.assetId,
    ]);
    await db.mediaText.update({
      where: { assetId_language: { assetId: inline.assetId, language: "fr" } },
      data: { alt: "Une délégation" },
    });
    await expect(assertImagesHaveAlt(fr)).resolves.toBeUndefined();
    // The English version has only the lead image, described in English.
    await expect(assertImagesHaveAlt(en)).resolves.toBeUndefined();
    await db.mediaText.update({ where: { assetId_language: { assetId: lead.assetId, language: "en" } }, data: { alt: "" } });
    await expect(assertImagesHaveAlt(en, db)).rejects.toMatchObject({ code: "media.errors.altMissing" });
  });
});
