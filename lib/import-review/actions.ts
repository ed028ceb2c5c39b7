"use server";
// The import workflow's server actions: upload one file for review (again, safely, with its upload
// key), read back what became of uploads, save the editor's undos and corrections, accept into a
// draft, reject. Each goes through the permission wrapper.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { db } from "@/lib/db";
import { MAX_FILE_BYTES } from "@/lib/import/decode";
import { addAgencyFromReview } from "@/lib/import-review/agencies";
import { proposedChanges } from "@/lib/import-review/queries";
import { getBatchPlace } from "@/lib/import-review/batch-queue";
import { importOverridesSchema } from "@/lib/import-review/schema";
import { settleTagScan } from "@/lib/jobs/tag-scans";
import { Refusal, type RefusalReason } from "@/lib/refusal";
import {
  acceptImport,
  findStagedUpload,
  rejectImport,
  rereadImport,
  reviseImport,
  type AcceptRefusal,
  type DuplicateMatch,
  type StagedRecord,
} from "@/lib/import-review/service";
import { stageUpload, type StagedItem } from "@/lib/import-review/upload";

const recordId = z.string().min(1).max(64);
/** Made by the uploading page per file (a UUID): a retry of the same upload finds its record. */
const uploadKey = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const idList = z
  .union([
    z.array(z.string().max(200)),
    z
      .string()
      .max(200)
      .transform((id) => [id]),
  ])
  .default([]);

export type StagedImport = {
  recordId: string;
  title: string;
  language: string;
  warnings: number;
  duplicates: DuplicateMatch[];
  alreadyStored: boolean;
  /** An e-mail's other items (its body or attachments), each staged or refused on its own. */
  others?: ({ name: string } & ({ staged: StagedImport } | { refusal: RefusalReason }))[];
};

function stagedImport(staged: StagedRecord, others: StagedItem[] = []): StagedImport {
  const { recordId, article, duplicates, alreadyStored } = staged;
  return {
    recordId,
    title: article.title,
    language: article.language,
    warnings: article.warnings.length,
    duplicates,
    alreadyStored,
    ...(others.length > 0
      ? { others: others.map((item) => ("staged" in item ? { name: item.name, staged: stagedImport(item.staged) } : item)) }
      : {}),
  };
}

export const uploadImportFile = defineAction({
  permission: "article.import",
  schema: z.object({ file: z.instanceof(File, { message: "import.fileMissing" }), uploadKey: uploadKey.optional() }),
  async run({ file, uploadKey }, { user }) {
    // Checked before reading, so a huge upload is not held in memory.
    if (file.size > MAX_FILE_BYTES)
      throw new Refusal("import.refused.tooLarge", { field: "file", params: { limit: MAX_FILE_BYTES / 1024 / 1024 } });
    const name = file.name.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 200) || "upload.txt";
    try {
      const { staged, others } = await stageUpload({ name, bytes: new Uint8Array(await file.arrayBuffer()) }, user.id, uploadKey);
      revalidatePath("/admin/import");
      return { data: stagedImport(staged, others) };
    } catch (error) {
      // What the pipeline refuses is about the file: shown on that file's row.
      if (error instanceof Refusal && !error.field) throw Refusal.from(error.reason, { field: "file" });
      throw error;
    }
  },
});

/**
 * What the server holds for uploads whose answer the page never got (a lost connection): the
 * server's record is the truth. Keys without a record are left out; only the person's own uploads.
 */
export const readUploadStates = defineAction({
  permission: "article.import",
  schema: z.object({ uploadKey: z.union([z.array(uploadKey).max(500), uploadKey.transform((key) => [key])]) }),
  async run({ uploadKey: keys }, { user }) {
    const found: Record<string, StagedImport> = {};
    for (const key of keys) {
      const staged = await findStagedUpload(key, user.id);
      if (staged) found[key] = stagedImport(staged);
    }
    return { data: found };
  },
});

const reviewSchema = importOverridesSchema.extend({ recordId, apply: idList });

/** Stores the review as the screen sends it: the changes left ticked and the corrected fields. */
async function storeReview({ recordId, apply, ...overrides }: z.infer<typeof reviewSchema>) {
  const record = await db.importRecord.findUnique({
    where: { id: recordId },
    select: { rawBytes: true, fileName: true, result: true, proposedChanges: true, revertedChanges: true },
  });
  if (!record) throw new Refusal("errors.import.notFound");
  // Undo = every change the untouched pipeline run proposes (stored at upload) that the editor left unticked.
  const proposed = await proposedChanges(record);
  if (!proposed) throw new Refusal("errors.import.notFound");
  const reverted = proposed.map((change) => change.id).filter((id) => !apply.includes(id));
  await reviseImport(recordId, reverted, overrides);
  revalidatePath(`/admin/import/${recordId}`);
}

export type { AcceptRefusal };
const reviewDecisionSchema = reviewSchema.extend({
  // A change's own Undo/Redo button sends `toggle` (its id) instead of an intent: it saves.
  intent: z.enum(["save", "accept"]).default("save"),
  toggle: z.string().max(200).optional(),
  allowDuplicate: z.literal("on").optional(),
  /** Flagged removals the editor ticked as checked (lib/import/losses.ts). */
  confirmLoss: idList,
});

/**
 * The review screen's one form: its corrections are always stored first, then "accept" creates the
 * draft from them, so nothing typed on the screen is lost by accepting without saving.
 */
export const submitImportReview = defineAction<typeof reviewDecisionSchema, AcceptRefusal>({
  permission: "article.import",
  schema: reviewDecisionSchema,
  async run({ intent, toggle, allowDuplicate, confirmLoss, ...review }, { user, ip }) {
    const apply = toggle
      ? review.apply.includes(toggle)
        ? review.apply.filter((id) => id !== toggle)
        : [...review.apply, toggle]
      : review.apply;
    await storeReview({ ...review, apply });
    if (intent === "save") return "importReviewSaved";
    const { recordId } = review;
    // A duplicate found meanwhile is refused with that article as data (AcceptRefusal), to link to.
    const { articleId } = await acceptImport(recordId, user.id, {
      allowDuplicate: allowDuplicate === "on",
      ip,
      confirmedLosses: confirmLoss,
    });
    // Tag suggestions wait for the editor on the new draft (proposals only: nothing is tagged). The
    // accept recorded that it owes them: a scan cut short here is done by the job queue (lib/jobs).
    await settleTagScan(articleId).catch((error: unknown) => console.error("tag suggestions failed, left to the job queue", error));
    revalidatePath("/admin/articles");
    redirect(await afterDecision(recordId, "accepted"));
  },
});

// An agency as the copy writes it: a capital first, then letters, digits, ".", "&", "'", a space or a hyphen.
const agencyForm = z
  .string()
  .trim()
  .regex(/^\p{Lu}[\p{L}\p{M}\p{N}.&'’ -]{0,39}$/u, "import.agencyFormInvalid");

/**
 * Adds an agency's written form to the registry from the review screen (one row of
 * import_agency_forms), then reads this file again with it: its dateline or sign-off is read now.
 */
export const addImportAgency = defineAction({
  permission: "article.import",
  schema: z.object({ recordId, form: agencyForm, agency: z.union([agencyForm, z.literal("")]).default("") }),
  async run({ recordId, form, agency }, { user, ip }) {
    await addAgencyFromReview(recordId, { form, agency: agency || form }, user.id, ip);
    await rereadImport(recordId);
    revalidatePath(`/admin/import/${recordId}`);
    return "agencyAdded";
  },
});

export const rejectImportReview = defineAction({
  permission: "article.import",
  schema: z.object({ recordId }),
  async run({ recordId }, { user, ip }) {
    await rejectImport(recordId, user.id, ip);
    redirect(await afterDecision(recordId, "rejected"));
  },
});

/** A file of a batch goes on to the next one of its upload still waiting; the last one to the list. */
async function afterDecision(recordId: string, decision: "accepted" | "rejected"): Promise<string> {
  revalidatePath("/admin/import");
  const next = (await getBatchPlace(recordId))?.nextPendingId;
  return next ? `/admin/import/${next}?${decision}=1` : `/admin/import?${decision}=1`;
}
