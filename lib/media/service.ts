// Media library writes, without Next's request context (actions wrap them; tests call them
// directly): upload (files and row together or not at all), metadata, caption matching, delete
// while unused, lead images and inline-figure usages, and the alt-text check before publishing.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkUpload, processImage } from "./derivatives";
import { figureAssetIds } from "./figures";
import { listVersionIdsShowingInline } from "./queries";
import { Refusal } from "@/lib/refusal";
import type { PublicChange } from "@/lib/public-change/change";
import { recordPublicChange } from "@/lib/public-change/record";
import { getMediaStorage, type MediaStorage } from "./storage";
import { assetKeys, type StoredVariant } from "./variants";

export type MediaActor = { id: string; ip?: string | null };
export type UploadOutcome = { assetId: string; duplicate: boolean; width: number; height: number };
type Client = Prisma.TransactionClient | typeof db;

const shortHash = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";
const isForeignKeyViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2003";

/**
 * Checks and processes the photo, stores the cleaned original and its variants, then creates the
 * row. Any failure removes the files already written, so a refusal or a crash leaves nothing.
 * The same bytes uploaded again give the existing asset back.
 */
export async function uploadMedia(bytes: Uint8Array, actor: MediaActor, storage: MediaStorage = getMediaStorage()): Promise<UploadOutcome> {
  // The cheap checks first (size, type, header dimensions); a known photo is not decoded again.
  checkUpload(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await db.mediaAsset.findUnique({ where: { sha256 }, select: { id: true, width: true, height: true } });
  if (existing) return { assetId: existing.id, duplicate: true, width: existing.width, height: existing.height };
  const processed = await processImage(bytes);

  // Lower-case hex, so keys match the storage's key pattern; names carry a hash of their bytes.
  const assetId = `m${randomBytes(12).toString("hex")}`;
  const storageKey = `${assetId}/original-${shortHash(processed.original.bytes)}.${processed.extension}`;
  const variants: StoredVariant[] = processed.variants.map((variant) => ({
    width: variant.width,
    height: variant.height,
    format: variant.format,
    key: `${assetId}/w${variant.width}-${shortHash(variant.bytes)}.${variant.format}`,
    bytes: variant.bytes.length,
  }));

  const written: string[] = [];
  try {
    await storage.put(storageKey, processed.original.bytes, processed.type);
    written.push(storageKey);
    for (const [index, variant] of variants.entries()) {
      await storage.put(variant.key, processed.variants[index]!.bytes, `image/${variant.format}`);
      written.push(variant.key);
    }
    await db.$transaction(async (tx) => {
      await tx.mediaAsset.create({
        data: {
          id: assetId,
          storageKey,
          mimeType: processed.type,
          byteSize: processed.original.bytes.length,
          width: processed.original.width,
          height: processed.original.height,
          sha256,
          credit: processed.rights.credit,
          copyright: processed.rights.copyright,
          takenAt: processed.rights.takenAt,
          variants,
          uploadedById: actor.id,
        },
      });
      await writeAudit(
        {
          actorId: actor.id,
          action: "media.upload",
          entityType: "mediaAsset",
          entityId: assetId,
          details: { bytes: bytes.length, mimeType: processed.type, width: processed.original.width, height: processed.original.height },
          ip: actor.ip,
        },
        tx,
      );
    });
    return { assetId, duplicate: false, width: processed.original.width, height: processed.original.height };
  } catch (error) {
    await removeQuietly(storage, written);
    if (isUniqueViolation(error)) {
      // The same photo uploaded twice at the same moment: the other upload won.
      const winner = await db.mediaAsset.findUnique({ where: { sha256 }, select: { id: true, width: true, height: true } });
      if (winner) return { assetId: winner.id, duplicate: true, width: winner.width, height: winner.height };
    }
    throw error;
  }
}

async function removeQuietly(storage: MediaStorage, keys: string[]) {
  for (const key of keys) {
    try {
      await storage.delete(key);
    } catch (cleanupError) {
      console.error("media: could not remove a stored file after a failed upload", key, cleanupError);
    }
  }
}

export type MediaTextInput = { alt: string; caption: string };
export type MediaDetailsInput = {
  assetId: string;
  /** The asset's updatedAt as the form saw it: a stale save is refused instead of overwriting. */
  updatedAt: Date;
  credit: string | null;
  source: string | null;
  takenAt: Date | null;
  texts: Record<string, MediaTextInput>;
};

/** Saves credit, source, date and the per-language alt text and caption; the stories showing it change for readers. */
export async function updateMediaDetails(input: MediaDetailsInput, actor: MediaActor): Promise<MediaChangeOutcome> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.mediaAsset.updateMany({
      where: { id: input.assetId, updatedAt: input.updatedAt },
      data: { credit: input.credit, source: input.source, takenAt: input.takenAt },
    });
    if (count === 0) {
      const exists = await tx.mediaAsset.count({ where: { id: input.assetId } });
      throw new Refusal(exists ? "media.errors.stale" : "media.errors.notFound");
    }
    for (const [language, text] of Object.entries(input.texts)) {
      await tx.mediaText.upsert({
        where: { assetId_language: { assetId: input.assetId, language } },
        create: { assetId: input.assetId, language, alt: text.alt, caption: text.caption },
        update: { alt: text.alt, caption: text.caption },
      });
    }
    await writeAudit(
      {
        actorId: actor.id,
        action: "media.update",
        entityType: "mediaAsset",
        entityId: input.assetId,
        details: { credit: input.credit, source: input.source, languages: Object.keys(input.texts) },
        ip: actor.ip,
      },
      tx,
    );
    return recordAssetChange(input.assetId, tx);
  });
}

/** From the import review: an extracted caption (and its credit) becomes the asset's caption in that language. */
export async function applyCaptionToAsset(
  input: { assetId: string; language: string; caption: string; credit: string | null },
  actor: MediaActor,
): Promise<MediaChangeOutcome> {
  return db.$transaction(async (tx) => {
    const asset = await tx.mediaAsset.findUnique({ where: { id: input.assetId }, select: { id: true } });
    if (!asset) throw new Refusal("media.errors.notFound");
    if (input.credit) await tx.mediaAsset.update({ where: { id: input.assetId }, data: { credit: input.credit } });
    else await tx.mediaAsset.update({ where: { id: input.assetId }, data: { updatedAt: new Date() } });
    await tx.mediaText.upsert({
      where: { assetId_language: { assetId: input.assetId, language: input.language } },
      create: { assetId: input.assetId, language: input.language, caption: input.caption },
      update: { caption: input.caption },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "media.matchCaption",
        entityType: "mediaAsset",
        entityId: input.assetId,
        details: { language: input.language, caption: input.caption, credit: input.credit },
        ip: actor.ip,
      },
      tx,
    );
    return recordAssetChange(input.assetId, tx);
  });
}

export type MediaChangeOutcome = { articleIds: string[]; publicChange: PublicChange | null };

/** Records, in the write's transaction, that the stories showing the asset change for readers. */
async function recordAssetChange(assetId: string, tx: Prisma.TransactionClient): Promise<MediaChangeOutcome> {
  const articleIds = await articlesShowing(assetId, tx);
  return { articleIds, publicChange: articleIds.length ? await recordPublicChange(tx, { articleIds, mediaIds: [assetId] }) : null };
}

/** Articles whose pages show the asset (lead image or inline figure of any version). */
async function articlesShowing(assetId: string, client: Client): Promise<string[]> {
  const [leads, usages] = await Promise.all([
    client.article.findMany({ where: { leadImageId: assetId }, select: { id: true } }),
    client.mediaUsage.findMany({ where: { assetId }, select: { articleVersion: { select: { articleId: true } } } }),
  ]);
  return [...new Set([...leads.map((article) => article.id), ...usages.map((usage) => usage.articleVersion.articleId)])];
}

/** Deletes an unused asset and its files; refused while any article uses it. */
export async function deleteMedia(assetId: string, actor: MediaActor, storage: MediaStorage = getMediaStorage()): Promise<void> {
  let keys: string[] = [];
  try {
    await db.$transaction(async (tx) => {
      // Lock the row so a lead image cannot be set between the check and the delete.
      await tx.$queryRaw`SELECT id FROM media_assets WHERE id = ${assetId} FOR UPDATE`;
      const asset = await tx.mediaAsset.findUnique({
        where: { id: assetId },
        select: { storageKey: true, variants: true, sha256: true, _count: { select: { usages: true, leadOf: true } } },
      });
      if (!asset) throw new Refusal("media.errors.notFound");
      if (asset._count.usages > 0 || asset._count.leadOf > 0 || (await listVersionIdsShowingInline(assetId, tx)).length > 0)
        throw new Refusal("media.errors.inUse");
      keys = assetKeys(asset);
      await tx.mediaAsset.delete({ where: { id: assetId } });
      await writeAudit(
        {
          actorId: actor.id,
          action: "media.delete",
          entityType: "mediaAsset",
          entityId: assetId,
          details: { sha256: asset.sha256 },
          ip: actor.ip,
        },
        tx,
      );
    });
  } catch (error) {
    // The foreign keys restrict too: a usage added concurrently still refuses the delete.
    if (isForeignKeyViolation(error)) throw new Refusal("media.errors.inUse");
    throw error;
  }
  // After the commit: a file left behind by a crash here is harmless, a row without files is not.
  await removeQuietly(storage, keys);
}

/** Sets (or clears) an article's lead image and keeps the LEAD usages of its versions in step. */
export async function setLeadImage(
  input: { articleId: string; assetId: string | null },
  actor: MediaActor,
): Promise<{ previous: string | null; languages: string[]; publicChange: PublicChange | null }> {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { leadImageId: true, versions: { select: { id: true, language: true } } },
    });
    if (!article) throw new Refusal("media.errors.articleNotFound");
    if (input.assetId) {
      // Locked so a concurrent delete of the asset waits for this transaction.
      const found = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM media_assets WHERE id = ${input.assetId} FOR SHARE`;
      if (found.length === 0) throw new Refusal("media.errors.notFound");
    }
    await tx.article.update({ where: { id: input.articleId }, data: { leadImageId: input.assetId } });
    const versionIds = article.versions.map((version) => version.id);
    await tx.mediaUsage.deleteMany({ where: { versionId: { in: versionIds }, role: "LEAD" } });
    if (input.assetId)
      await tx.mediaUsage.createMany({
        data: versionIds.map((versionId) => ({ assetId: input.assetId!, versionId, role: "LEAD" })),
        skipDuplicates: true,
      });
    await writeAudit(
      {
        actorId: actor.id,
        action: "media.setLeadImage",
        entityType: "article",
        entityId: input.articleId,
        details: { from: article.leadImageId, to: input.assetId },
        ip: actor.ip,
      },
      tx,
    );
    const languages = article.versions.map((version) => version.language);
    const mediaIds = [article.leadImageId, input.assetId].filter((id): id is string => id !== null);
    const publicChange = await recordPublicChange(tx, { articleIds: [input.articleId], languages, mediaIds });
    return { previous: article.leadImageId, languages, publicChange };
  });
}

/**
 * Records which assets a version's body shows as inline figures (MediaUsage role INLINE), so the
 * library can say where a photo is used and refuse to delete it. Call it where the body is saved,
 * in the same transaction. Unknown asset ids are ignored.
 */
export async function syncInlineUsages(versionId: string, bodyJson: unknown, tx: Client = db): Promise<void> {
  const wanted = figureAssetIds(bodyJson);
  const existing = wanted.length ? await tx.mediaAsset.findMany({ where: { id: { in: wanted } }, select: { id: true } }) : [];
  const ids = existing.map((asset) => asset.id);
  await tx.mediaUsage.deleteMany({ where: { versionId, role: "INLINE", assetId: { notIn: ids } } });
  if (ids.length)
    await tx.mediaUsage.createMany({ data: ids.map((assetId) => ({ assetId, versionId, role: "INLINE" })), skipDuplicates: true });
}

/** What a refused publish says about the images that lack alt text, for the caller to point at them. */
export type MissingAlt = { language: string; assetIds: string[] };

/**
 * Refuses (media.errors.altMissing, with MissingAlt as data) when the version's lead image or any inline figure has no alt text
 * in the version's language. Call it in the publish transaction (pass `tx`).
 */
export async function assertImagesHaveAlt(versionId: string, tx: Client = db): Promise<void> {
  const version = await tx.articleVersion.findUnique({
    where: { id: versionId },
    select: { language: true, bodyJson: true, article: { select: { leadImageId: true } }, mediaUsages: { select: { assetId: true } } },
  });
  if (!version) return;
  const assetIds = new Set([...figureAssetIds(version.bodyJson), ...version.mediaUsages.map((usage) => usage.assetId)]);
  if (version.article.leadImageId) assetIds.add(version.article.leadImageId);
  if (assetIds.size === 0) return;
  const described = await tx.mediaText.findMany({
    where: { assetId: { in: [...assetIds] }, language: version.language, NOT: { alt: "" } },
    select: { assetId: true, alt: true },
  });
  const ok = new Set(described.filter((text) => text.alt.trim() !== "").map((text) => text.assetId));
  // Only assets that still exist count (a figure pointing at nothing shows nothing).
  const existing = await tx.mediaAsset.findMany({ where: { id: { in: [...assetIds] } }, select: { id: true } });
  const missing = existing
    .map((asset) => asset.id)
    .filter((id) => !ok.has(id))
    .sort();
  if (missing.length > 0)
    throw new Refusal("media.errors.altMissing", { data: { language: version.language, assetIds: missing } satisfies MissingAlt });
}
