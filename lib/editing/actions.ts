"use server";
// The article editor's server actions: save (autosave, explicit save, deliberate overwrite),
// restore a revision, and the presence heartbeat. Each goes through the permission wrapper.
import { defineAction } from "@/lib/action";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import { presenceSchema, revisionRestoreSchema, versionSaveSchema } from "./schema";
import { Refusal } from "@/lib/refusal";
import { restoreRevisionEdits, saveVersionEdits, touchPresence, type SaveOutcome } from "./service";

/**
 * The wrapper's gate is translation.edit, the widest role set that may save some version: who may
 * save this one (article.edit for any version, translation.edit only on a held translation, never
 * on the source language) is decided per version in the service, before anything is written.
 */
export const saveVersion = defineAction({
  permission: "translation.edit",
  schema: versionSaveSchema,
  async run(input, { user, ip }) {
    const outcome: SaveOutcome = await saveVersionEdits(input, user, ip);
    // The conflict screen needs the newer text and what changed since: it goes back as the refusal's data.
    if (outcome.status === "conflict") throw new Refusal("editor.errors.staleVersion", { data: outcome });
    // A correction to a live article: readers must see it at once, in that story's pages and listings.
    afterPublicChange(outcome.publicChange);
    return { message: input.mode === "autosave" ? undefined : "editor.done.saved", data: outcome };
  },
});

export const restoreRevision = defineAction({
  permission: "article.restoreRevision",
  schema: revisionRestoreSchema,
  async run(input, { user, ip }) {
    const outcome = await restoreRevisionEdits(input, user, ip);
    afterPublicChange(outcome.publicChange);
    return { message: "editor.done.restored", data: { version: outcome.version, revisionNumber: outcome.revisionNumber } };
  },
});

export const recordPresence = defineAction({
  permission: "article.list",
  schema: presenceSchema,
  async run({ versionId }, { user }) {
    return { data: { others: await touchPresence(versionId, user.id) } };
  },
});
