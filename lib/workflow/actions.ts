"use server";
// The workflow's server actions: transitions, scheduling, comments, correction notes and the
// article list's bulk operations. Thin wrappers: the rules and guarded writes live in
// lib/workflow/service.ts (and lib/articles/bulk.ts), whose refusals defineAction shows; here the
// reader site is refreshed when it changed (lib/public-change/after-commit.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/action";
import { Refusal } from "@/lib/refusal";
import { applyBulkOperation, BULK_OPERATIONS, MAX_BULK_ITEMS, type BulkSummary } from "@/lib/articles/bulk";
import type { PublicChange } from "@/lib/public-change/change";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import {
  commentSchema,
  correctionSchema,
  resolveCommentSchema,
  returnToDraftSchema,
  scheduleSchema,
  versionRefSchema,
} from "@/lib/workflow/schema";
import * as workflow from "@/lib/workflow/service";
import type { TransitionKind } from "@/lib/workflow/transitions";

function actorOf({ user, ip }: ActionContext): workflow.Actor {
  return { id: user.id, role: user.role, ip };
}

function afterWrite(publicChange: PublicChange | null = null) {
  afterPublicChange(publicChange);
  revalidatePath("/admin", "layout");
}

async function transition(kind: TransitionKind, input: { versionId: string; version: number; note?: string }, context: ActionContext) {
  const outcome = await workflow.transitionVersion(actorOf(context), { ...input, transition: kind });
  afterWrite(outcome.publicChange);
  return `workflow.done.${kind}`;
}

export const submitForReview = defineAction({
  permission: "article.submit",
  schema: versionRefSchema,
  run: (input, context) => transition("submit", input, context),
});

export const approveVersion = defineAction({
  permission: "article.approve",
  schema: versionRefSchema,
  run: (input, context) => transition("approve", input, context),
});

export const publishVersion = defineAction({
  permission: "article.publish",
  schema: versionRefSchema,
  run: (input, context) => transition("publish", input, context),
});

export const unpublishVersion = defineAction({
  permission: "article.unpublish",
  schema: versionRefSchema,
  run: (input, context) => transition("unpublish", input, context),
});

export const archiveVersion = defineAction({
  permission: "article.archive",
  schema: versionRefSchema,
  run: (input, context) => transition("archive", input, context),
});

export const returnToDraft = defineAction({
  permission: "article.returnToDraft",
  schema: returnToDraftSchema,
  run: (input, context) => transition("returnToDraft", input, context),
});

export const scheduleVersion = defineAction({
  permission: "article.schedule",
  schema: scheduleSchema,
  async run(input, context) {
    await workflow.scheduleVersion(actorOf(context), input);
    afterWrite();
    return "workflow.done.schedule";
  },
});

export const cancelSchedule = defineAction({
  permission: "article.schedule",
  schema: versionRefSchema,
  async run(input, context) {
    await workflow.cancelSchedule(actorOf(context), input);
    afterWrite();
    return "workflow.done.cancelSchedule";
  },
});

export const addComment = defineAction({
  permission: "article.comment",
  schema: commentSchema,
  async run(input, context) {
    await workflow.addComment(actorOf(context), input);
    afterWrite();
    return input.parentId ? "workflow.done.reply" : "workflow.done.comment";
  },
});

export const resolveComment = defineAction({
  permission: "article.comment",
  schema: resolveCommentSchema,
  async run(input, context) {
    await workflow.resolveComment(actorOf(context), input);
    afterWrite();
    return "workflow.done.resolve";
  },
});

export const reopenComment = defineAction({
  permission: "article.comment",
  schema: resolveCommentSchema,
  async run(input, context) {
    await workflow.reopenComment(actorOf(context), input);
    afterWrite();
    return "workflow.done.reopen";
  },
});

export const addCorrectionNote = defineAction({
  permission: "article.correct",
  schema: correctionSchema,
  async run(input, context) {
    const { publicChange } = await workflow.addCorrectionNote(actorOf(context), input);
    afterWrite(publicChange);
    return "workflow.done.correction";
  },
});

/** A ticked row arrives as `versionId:version`; one or many, so a string or an array. */
const bulkItems = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((raw) => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]))
  .pipe(
    z
      .array(z.string().regex(/^[\w-]{1,64}:\d{1,10}$/))
      .min(1, "workflow.bulk.noneSelected")
      .max(MAX_BULK_ITEMS, "workflow.bulk.tooMany"),
  )
  .transform((values) => values.map((value) => ({ versionId: value.split(":")[0]!, version: Number(value.split(":")[1]) })));

export const bulkUpdateVersions = defineAction({
  permission: "article.bulk",
  schema: z.object({
    operation: z.enum(BULK_OPERATIONS, "workflow.bulk.operationRequired"),
    items: bulkItems,
    tagId: z.string().max(64).optional(),
  }),
  async run(input, context): Promise<{ data: BulkSummary }> {
    if (input.operation === "tag" && !input.tagId) throw new Refusal("workflow.bulk.tagRequired", { field: "tagId" });
    const summary = await applyBulkOperation(actorOf(context), input);
    afterWrite(summary.publicChange);
    return { data: summary };
  },
});
