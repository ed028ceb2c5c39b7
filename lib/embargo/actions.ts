"use server";
// The embargo's server actions (whoever may publish sets or lifts one): thin wrappers over
// lib/embargo/service.ts, whose refusals defineAction shows; a lift that puts a story on the reader
// site takes the public-change fast path (lib/public-change/after-commit.ts).
import { revalidatePath } from "next/cache";
import { defineAction, type ActionContext } from "@/lib/action";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import { versionRefSchema } from "@/lib/workflow/schema";
import { embargoSetSchema } from "./schema";
import type { Actor } from "@/lib/workflow/service";
import { setEmbargo } from "./service";

function actorOf({ user, ip }: ActionContext): Actor {
  return { id: user.id, role: user.role, ip };
}

export const setVersionEmbargo = defineAction({
  permission: "article.publish",
  schema: embargoSetSchema,
  async run(input, context) {
    const { publicChange } = await setEmbargo(actorOf(context), input);
    afterPublicChange(publicChange);
    revalidatePath("/admin", "layout");
    return "workflow.done.embargo";
  },
});

export const liftVersionEmbargo = defineAction({
  permission: "article.publish",
  schema: versionRefSchema,
  async run(input, context) {
    const { publicChange } = await setEmbargo(actorOf(context), { ...input, embargoedUntil: null });
    afterPublicChange(publicChange);
    revalidatePath("/admin", "layout");
    return "workflow.done.embargoLifted";
  },
});
