"use server";
// Admins make and revoke content API keys (/admin/api-keys). A new key comes back once, in the
// action's result, and is never readable again.
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Refusal } from "@/lib/refusal";
import { createApiKey, revokeApiKey } from "./keys";

export const createApiKeyAction = defineAction({
  permission: "apiKey.manage",
  schema: z.object({ name: z.string().trim().min(1, { message: "name.required" }).max(120, { message: "name.tooLong" }) }),
  async run({ name }, { user, ip }) {
    const { key } = await createApiKey(name, user.id, ip);
    revalidatePath("/admin/api-keys");
    return { message: "apiKeyCreated", data: { key } };
  },
});

export const revokeApiKeyAction = defineAction({
  permission: "apiKey.manage",
  schema: z.object({ id: z.string().min(1).max(64) }),
  async run({ id }, { user, ip }) {
    if (!(await revokeApiKey(id, user.id, ip))) throw new Refusal("errors.apiKey.notActive");
    revalidatePath("/admin/api-keys");
    return "apiKeyRevoked";
  },
});
