"use server";
// Server actions of updating a published translation while it stays live (lib/translations/
// live-update.ts): start, save, and the workflow steps, each behind the permission its step has in
// the one table; who holds the task and the four-eyes rule are checked again in the service.
import { revalidatePath } from "next/cache";
import { defineAction, type ActionContext } from "@/lib/action";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import { saveTranslationUpdate, startTranslationUpdate, transitionTranslationUpdate, type UpdateTransition } from "./live-update";
import { editsFromForm, translationUpdateSaveSchema, translationUpdateStartSchema, translationUpdateStepSchema } from "./schema";

const actor = ({ user }: ActionContext) => ({ id: user.id, role: user.role });

export const startTranslationUpdateTask = defineAction({
  permission: "translation.edit",
  schema: translationUpdateStartSchema,
  async run({ versionId }, context) {
    const updateId = await startTranslationUpdate(versionId, actor(context), context.ip);
    revalidatePath("/admin/translations", "layout");
    return { message: "translations.done.updateStarted", data: { updateId } };
  },
});

export const saveTranslationUpdateDraft = defineAction({
  permission: "translation.edit",
  schema: translationUpdateSaveSchema,
  async run(input, context) {
    const saved = await saveTranslationUpdate(
      {
        updateId: input.updateId,
        version: input.version,
        title: input.title,
        standfirst: input.standfirst,
        seoDescription: input.seoDescription,
        edits: editsFromForm(input),
      },
      actor(context),
      context.ip,
    );
    revalidatePath("/admin/translations", "layout");
    return { message: "translations.done.saved", data: { version: saved.version } };
  },
});

async function step(transition: UpdateTransition, input: { updateId: string; version: number; note?: string }, context: ActionContext) {
  const outcome = await transitionTranslationUpdate(actor(context), { ...input, transition }, context.ip);
  afterPublicChange(outcome.publicChange);
  revalidatePath("/admin", "layout");
  return `translations.done.update.${transition}`;
}

export const submitTranslationUpdate = defineAction({
  permission: "article.submit",
  schema: translationUpdateStepSchema,
  run: (input, context) => step("submit", input, context),
});

export const approveTranslationUpdate = defineAction({
  permission: "article.approve",
  schema: translationUpdateStepSchema,
  run: (input, context) => step("approve", input, context),
});

export const publishTranslationUpdate = defineAction({
  permission: "article.publish",
  schema: translationUpdateStepSchema,
  run: (input, context) => step("publish", input, context),
});

export const returnTranslationUpdate = defineAction({
  permission: "article.returnToDraft",
  schema: translationUpdateStepSchema,
  run: (input, context) => step("returnToDraft", input, context),
});
