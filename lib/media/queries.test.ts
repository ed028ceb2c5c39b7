// Library list: accent- and case-insensitive search on captions and credit, the used/unused
// filter and SQL pagination; the lead image as public pages get it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLeadImageForArticle, getMediaAsset, listMediaAssets } from "./queries";
import { setLeadImage, updateMediaDetails, uploadMedia } from "./service";
import { createDiskStorage } from "./storage";
import { makeMediaUser, makePhoto, makeStory, unique } from "@/test/fixtures/media";

const root = mkdtempSync(path.join(tmpdir(), "media-queries-"));
const storage = createDiskStorage(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A word only this file's assets carry, so other test files' rows never match.
const marker = unique("zq");
let used = "";
let unused = "";
let articleId = "";

beforeAll(async () => {
  const user = await makeMediaUser();
  for (const [index, caption] of [`Hà Nội ${marker} : le ministre reçoit`, `Đà Nẵng ${marker} port`, `${marker} Huế citadelle`].entries()) {
    const { assetId } = await uploadMedia(await makePhoto(420 + index, 300), { id: user.id }, storage);
    const { updatedAt } = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId }, select: { updatedAt: true } });
    await updateMediaDetails(
      {
        assetId,
        updatedAt,
        credit: index === 2 ? `Trần Văn Élodie / VNA ${marker}` : "VNA",
        source: null,
        takenAt: null,
        texts: { fr: { alt: `Photo ${index}`, caption } },
      },
      { id: user.id },
    );
    if (index === 0) used = assetId;
    if (index === 1) unused = assetId;
  }
  const story = await makeStory([{ language: "fr", status: "PUBLISHED" }, { language: "en" }]);
  articleId = story.id;
  await setLeadImage({ articleId, assetId: used }, { id: user.id });
});

describe("listMediaAssets", () => {
  it("finds captions and credits whatever the case and accents", async () => {
    expect((await listMediaAssets({ query: `HA NOI ${marker}` })).items.map((item) => item.id)).toEqual([used]);
    expect((await listMediaAssets({ query: `da nang ${marker}` })).items.map((item) => item.id)).toEqual([unused]);
    const byCredit = await listMediaAssets({ query: `tran van elodie / vna ${marker}` });
    expect(byCredit.total).toBe(1);
    expect((await listMediaAssets({ query: `${marker}%` })).total).toBe(0); // % is literal
  });

  it("filters by use and pages in SQL", async () => {
    const usedOnes = await listMediaAssets({ query: marker, use: "used" });
    expect(usedOnes.items.map((item) => item.id)).toEqual([used]);
    expect(usedOnes.items[0]?.used).toBe(true);
    const unusedOnes = await listMediaAssets({ query: marker, use: "unused" });
    expect(unusedOnes.items.map((item) => item.id)).not.toContain(used);
    expect(unusedOnes.total).toBe(2);

    const first = await listMediaAssets({ query: marker, page: 1, pageSize: 2 });
    const second = await listMediaAssets({ query: marker, page: 2, pageSize: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(3);
    expect(first.items[0]?.thumbnail?.url).toMatch(/^\/media\/m[0-9a-f]+\/w\d+-[0-9a-f]{16}\.webp$/);
  });
});

describe("getMediaAsset and getLeadImageForArticle", () => {
  it("lists where an asset is used, with title, status and language", async () => {
    const asset = await getMediaAsset(used);
    expect(asset?.usages.map((usage) => [usage.role, usage.language, usage.status])).toEqual(
      expect.arrayContaining([
        ["LEAD", "fr", "PUBLISHED"],
        ["LEAD", "en", "DRAFT"],
      ]),
    );
    expect(asset?.usages).toHaveLength(2);
  });

  it("gives the lead image with the language's own alt text and every size", async () => {
    const image = await getLeadImageForArticle(articleId, "fr");
    expect(image).toMatchObject({ assetId: used, alt: "Photo 0", width: 420, height: 300 });
    expect(image?.sources.avif.map((source) => source.width)).toEqual([400, 420]);
    expect(image?.sources.webp.map((source) => source.width)).toEqual([400, 420]);
    expect((await getLeadImageForArticle(articleId, "en"))?.alt).toBe("");
    expect(await getLeadImageForArticle(unique("none"), "fr")).toBeNull();
  });
});
