"use server";
// The media library's server actions: upload one photo, save its details, delete it while unused,
// set an article's lead image, find photos for a figure in the editor, and store an import's
// caption on a photo. All through the wrapper.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import { MAX_UPLOAD_BYTES } from "./limits";
import { Refusal } from "@/lib/refusal";
import { listMediaChoices, type MediaChoice } from "./queries";
import { captionMatchSchema, leadImageSchema, mediaDeleteSchema, mediaDetailsSchema, mediaUploadSchema, photoSearchSchema } from "./schema";
import * as media from "./service";

export type UploadedMedia = { assetId: string; duplicate: boolean; width: number; height: number };

/** The service's refusals about what this form sent are shown next to that field. */
async function onField<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal && !error.field) throw Refusal.from(error.reason, { field, data: error.data });
    throw error;
  }
}

export const uploadMediaFile = defineAction({
  permission: "article.edit",
  schema: mediaUploadSchema,
  async run({ file }, { user, ip }) {
    // Checked before reading, so a huge upload is not held in memory twice.
    if (file.size > MAX_UPLOAD_BYTES) throw new Refusal("media.errors.tooLarge", { field: "file" });
    const outcome = await onField("file", async () => media.uploadMedia(new Uint8Array(await file.arrayBuffer()), { id: user.id, ip }));
    revalidatePath("/admin/media");
    return { data: outcome satisfies UploadedMedia };
  },
});

export const saveMediaDetails = defineAction({
  permission: "article.edit",
  schema: mediaDetailsSchema,
  async run(input, { user, ip }) {
    const { publicChange } = await media.updateMediaDetails(
      {
        assetId: input.assetId,
        updatedAt: input.updatedAt,
        credit: input.credit,
        source: input.source,
        takenAt: input.takenAt,
        texts: { fr: { alt: input.altFr, caption: input.captionFr }, en: { alt: input.altEn, caption: input.captionEn } },
      },
      { id: user.id, ip },
    );
    afterPublicChange(publicChange);
    revalidatePath(`/admin/media/${input.assetId}`);
    revalidatePath("/admin/media");
    return "media.done.saved";
  },
});

export const deleteMediaAsset = defineAction({
  permission: "article.edit",
  schema: mediaDeleteSchema,
  async run({ assetId }, { user, ip }) {
    await media.deleteMedia(assetId, { id: user.id, ip });
    revalidatePath("/admin/media");
    redirect("/admin/media?deleted=1");
  },
});

/** Photos the editor can put in a figure (the figure stores the id; saving records the usage). */
export const findFigurePhotos = defineAction({
  permission: "article.edit",
  schema: photoSearchSchema,
  async run({ query, language }) {
    return { data: (await listMediaChoices({ query, language, take: 12 })) satisfies MediaChoice[] };
  },
});

export const setLeadImage = defineAction({
  permission: "article.edit",
  schema: leadImageSchema,
  async run({ articleId, assetId }, { user, ip }) {
    const { publicChange } = await media.setLeadImage({ articleId, assetId }, { id: user.id, ip });
    afterPublicChange(publicChange);
    revalidatePath(`/admin/media/article/${articleId}`);
    return assetId ? "media.done.leadSet" : "media.done.leadCleared";
  },
});

export const matchCaptionToAsset = defineAction({
  permission: "article.edit",
  schema: captionMatchSchema,
  async run(input, { user, ip }) {
    const { publicChange } = await onField("assetId", () => media.applyCaptionToAsset(input, { id: user.id, ip }));
    afterPublicChange(publicChange);
    revalidatePath(`/admin/media/${input.assetId}`);
    return "media.done.captionMatched";
  },
});
