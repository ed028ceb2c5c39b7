"use server";
// The import workflow's server actions: upload one file for review, save the editor's undos and
// corrections, accept into a draft, reject. Each goes through the permission wrapper.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/action";
import { db } from "@/lib/db";
import { importWireText } from "@/lib/import";
import { MAX_FILE_BYTES } from "@/lib/import/decode";
import { importOverridesSchema } from "@/lib/imports/schema";
import { suggestTagsForArticle } from "@/lib/tags/suggest";
import { acceptImport, ImportRefusedError, rejectImport, reviseImport, stageImport, type DuplicateMatch } from "@/lib/imports/service";

const recordId = z.string().min(1).max(64);
const idList = z.union([z.array(z.string().max(200)), z.string().max(200).transform((id) => [id])]).default([]);

export type StagedImport = { recordId: string; title: string; language: string; warnings: number; duplicates: DuplicateMatch[] };

export const uploadImportFile = defineAction({
  permission: "article.import",
  schema: z.object({ file: z.instanceof(File, { message: "import.fileMissing" }) }),
  async run({ file }, { user }) {
    // Checked before reading, so a huge upload is not held in memory.
    if (file.size > MAX_FILE_BYTES) throw new ActionError("import.tooLarge", "file");
    const name = file.name.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 200) || "upload.txt";
    try {
      const staged = await stageImport({ name, bytes: new Uint8Array(await file.arrayBuffer()) }, user.id);
      revalidatePath("/admin/import");
      return {
        data: { recordId: staged.recordId, title: staged.article.title, language: staged.article.language, warnings: staged.article.warnings.length, duplicates: staged.duplicates } satisfies StagedImport,
      };
    } catch (error) {
      if (error instanceof ImportRefusedError) throw new ActionError(error.message, "file");
      throw error;
    }
  },
});

export const saveImportReview = defineAction({
  permission: "article.import",
  schema: importOverridesSchema.extend({ recordId, apply: idList }),
  async run({ recordId, apply, ...overrides }) {
    const record = await db.importRecord.findUnique({ where: { id: recordId }, select: { rawBytes: true, fileName: true } });
    if (!record) throw new ActionError("import.notFound");
    // Undo = every change of the untouched pipeline run that the editor left unticked.
    const full = importWireText(record.rawBytes, { fileName: record.fileName });
    if (!full.ok) throw new ActionError("import.notFound");
    const reverted = full.article.changes.map((change) => change.id).filter((id) => !apply.includes(id));
    try {
      await reviseImport(recordId, reverted, overrides);
    } catch (error) {
      if (error instanceof ImportRefusedError) throw new ActionError(error.message);
      throw error;
    }
    revalidatePath(`/admin/import/${recordId}`);
    return "importReviewSaved";
  },
});

export const acceptImportReview = defineAction({
  permission: "article.import",
  schema: z.object({ recordId, allowDuplicate: z.literal("on").optional() }),
  async run({ recordId, allowDuplicate }, { user, ip }) {
    let articleId: string;
    try {
      ({ articleId } = await acceptImport(recordId, user.id, { allowDuplicate: allowDuplicate === "on", ip }));
    } catch (error) {
      if (error instanceof ImportRefusedError) throw new ActionError(error.message);
      throw error;
    }
    // Tag suggestions wait for the editor on the new draft (proposals only: nothing is tagged).
    // The draft exists either way; a failed scan can be redone from the article's tag panel.
    await suggestTagsForArticle(articleId).catch((error: unknown) => console.error("tag suggestions failed", error));
    revalidatePath("/admin/articles");
    redirect("/admin/import?accepted=1");
  },
});

export const rejectImportReview = defineAction({
  permission: "article.import",
  schema: z.object({ recordId }),
  async run({ recordId }, { user, ip }) {
    try {
      await rejectImport(recordId, user.id, ip);
    } catch (error) {
      if (error instanceof ImportRefusedError) throw new ActionError(error.message);
      throw error;
    }
    redirect("/admin/import?rejected=1");
  },
});
