"use server";
// The ingest page's actions: add a source, pause or resume it, mark it internal (admins only), and
// poll it now (in this request, one poll at a time per source as the job does; the items it brings
// wait in the review queue).
import "server-only";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { pollSource } from "./poll";
import { sourceCreateSchema, sourceIdSchema, sourceInternalSchema, sourcePauseSchema } from "./schema";
import { createSource, setSourceEnabled, setSourceInternal } from "./service";

export const createIngestSource = defineAction({
  permission: "ingest.manage",
  schema: sourceCreateSchema,
  async run(input, { user, ip }) {
    const { id } = await createSource(input, user, ip);
    revalidatePath("/admin/ingest");
    return { message: "ingest.done.sourceCreated", data: { id } };
  },
});

export const setIngestSourceEnabled = defineAction({
  permission: "ingest.manage",
  schema: sourcePauseSchema,
  async run({ sourceId, enabled }, { user, ip }) {
    await setSourceEnabled(sourceId, enabled, user.id, ip);
    revalidatePath("/admin/ingest");
    revalidatePath(`/admin/ingest/${sourceId}`);
    return enabled ? "ingest.done.sourceResumed" : "ingest.done.sourcePaused";
  },
});

export const setIngestSourceInternal = defineAction({
  permission: "ingest.markInternal",
  schema: sourceInternalSchema,
  async run({ sourceId, internal }, { user, ip }) {
    await setSourceInternal(sourceId, internal, user.id, ip);
    revalidatePath("/admin/ingest");
    revalidatePath(`/admin/ingest/${sourceId}`);
    return internal ? "ingest.done.markedInternal" : "ingest.done.unmarkedInternal";
  },
});

export const pollIngestSourceNow = defineAction({
  permission: "ingest.manage",
  schema: sourceIdSchema,
  async run({ sourceId }) {
    const outcome = await pollSource(sourceId);
    revalidatePath("/admin/ingest");
    revalidatePath(`/admin/ingest/${sourceId}`);
    revalidatePath("/admin/import");
    return outcome.status === "failed"
      ? "ingest.done.pollFailed"
      : outcome.status === "notModified"
        ? "ingest.done.pollNothingNew"
        : "ingest.done.polled";
  },
});
