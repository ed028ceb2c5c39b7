"use server";
// Server actions of the translation workflow, each behind the permission wrapper. Ownership
// (a translator's own tasks, never the source version) is checked again in the service's writes.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, type ActionContext } from "@/lib/action";
import { Refusal } from "@/lib/refusal";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import { createGlossaryTerm, deleteGlossaryTerm, updateGlossaryTerm } from "./glossary-service";
import { confirmPairing, rejectPairing, suggestPairings } from "./pairing-service";
import {
  glossaryTermSchema,
  glossaryTermUpdateSchema,
  idSchema,
  translationAssignSchema,
  translationSaveSchema,
  translationTaskSchema,
  translationVersionSchema,
  xliffImportSchema,
  editsFromForm,
} from "./schema";
import { assignTranslation, claimTranslation, importXliff, releaseTranslation, saveTranslation, submitTranslation } from "./service";
import { MAX_XLIFF_BYTES } from "./xliff";
import { z } from "zod";

const actor = ({ user }: ActionContext) => ({ id: user.id, role: user.role });

export const claimTranslationTask = defineAction({
  permission: "translation.claim",
  schema: translationTaskSchema,
  async run({ articleId, language }, context) {
    const versionId = await claimTranslation(articleId, language, actor(context), context.ip);
    revalidatePath("/admin/translations");
    return { message: "translations.done.claimed", data: { versionId } };
  },
});

export const assignTranslationTask = defineAction({
  permission: "translation.assign",
  schema: translationAssignSchema,
  async run(input, context) {
    await assignTranslation(input, actor(context), context.ip);
    revalidatePath("/admin/translations");
    return "translations.done.assigned";
  },
});

export const releaseTranslationTask = defineAction({
  permission: "translation.claim",
  schema: z.object({ versionId: z.string().min(1).max(64) }),
  async run({ versionId }, context) {
    await releaseTranslation(versionId, actor(context), context.ip);
    revalidatePath("/admin/translations");
    return "translations.done.released";
  },
});

export const saveTranslationVersion = defineAction({
  permission: "translation.edit",
  schema: translationSaveSchema,
  async run(input, context) {
    const saved = await saveTranslation(
      {
        versionId: input.versionId,
        version: input.version,
        title: input.title,
        standfirst: input.standfirst,
        seoDescription: input.seoDescription,
        edits: editsFromForm(input),
      },
      actor(context),
      context.ip,
    );
    afterPublicChange(saved.publicChange);
    revalidatePath(`/admin/translations/${saved.articleId}/${saved.language}`);
    return { message: "translations.done.saved", data: { version: saved.version } };
  },
});

export const submitTranslationVersion = defineAction({
  permission: "article.submit",
  schema: translationVersionSchema,
  async run({ versionId, version }, context) {
    await submitTranslation(versionId, version, actor(context), context.ip);
    revalidatePath("/admin/translations");
    // The translator can no longer edit it: back to the queue, which says it was sent.
    redirect("/admin/translations?submitted=1");
  },
});

export const importTranslationXliff = defineAction({
  permission: "translation.edit",
  schema: xliffImportSchema,
  async run({ versionId, version, file }, context) {
    if (file.size > MAX_XLIFF_BYTES) throw new Refusal("translations.errors.xliff.tooLarge", { field: "file" });
    const xml = await file.text();
    const saved = await importXliff(versionId, version, xml, actor(context), context.ip);
    afterPublicChange(saved.publicChange);
    revalidatePath(`/admin/translations/${saved.articleId}/${saved.language}`);
    return { message: "translations.done.imported", data: { version: saved.version } };
  },
});

export const createGlossaryEntry = defineAction({
  permission: "glossary.manage",
  schema: glossaryTermSchema,
  async run(input, context) {
    await createGlossaryTerm(input, actor(context), context.ip);
    revalidatePath("/admin/translations/glossary");
    return "translations.done.termCreated";
  },
});

export const updateGlossaryEntry = defineAction({
  permission: "glossary.manage",
  schema: glossaryTermUpdateSchema,
  async run({ id, ...input }, context) {
    await updateGlossaryTerm(id, input, actor(context), context.ip);
    revalidatePath("/admin/translations/glossary");
    return "translations.done.termUpdated";
  },
});

export const deleteGlossaryEntry = defineAction({
  permission: "glossary.manage",
  schema: idSchema,
  async run({ id }, context) {
    await deleteGlossaryTerm(id, actor(context), context.ip);
    revalidatePath("/admin/translations/glossary");
    return "translations.done.termDeleted";
  },
});

export const scanPairings = defineAction({
  permission: "article.edit",
  schema: z.object({}),
  async run() {
    const found = await suggestPairings();
    revalidatePath("/admin/translations/pairs");
    return { message: "translations.done.scanned", data: { found } };
  },
});

export const confirmPairingSuggestion = defineAction({
  permission: "article.edit",
  schema: idSchema,
  async run({ id }, context) {
    const { publicChange } = await confirmPairing(id, actor(context), context.ip);
    afterPublicChange(publicChange);
    revalidatePath("/admin/translations/pairs");
    return "translations.done.paired";
  },
});

export const rejectPairingSuggestion = defineAction({
  permission: "article.edit",
  schema: idSchema,
  async run({ id }, context) {
    await rejectPairing(id, actor(context), context.ip);
    revalidatePath("/admin/translations/pairs");
    return "translations.done.rejected";
  },
});
