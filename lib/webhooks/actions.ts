"use server";
// Admins register webhook endpoints, pause, resume and remove them, and redeliver a message by hand
// (/admin/webhooks). Every action checks webhook.manage on the server.
import "server-only";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { Refusal } from "@/lib/refusal";
import { redeliver, sendDueWebhooks } from "./deliver";
import { createEndpoint, deleteEndpoint, setEndpointActive } from "./endpoints";
import { deliveryIdSchema, endpointActiveSchema, endpointCreateSchema, endpointIdSchema } from "./schema";

const PAGE = "/admin/webhooks";

export const createWebhookEndpoint = defineAction({
  permission: "webhook.manage",
  schema: endpointCreateSchema,
  async run(input, { user, ip }) {
    await createEndpoint(input, user.id, ip);
    revalidatePath(PAGE);
    return "webhookCreated";
  },
});

export const setWebhookEndpointActive = defineAction({
  permission: "webhook.manage",
  schema: endpointActiveSchema,
  async run({ id, active }, { user, ip }) {
    await setEndpointActive(id, active, user.id, ip);
    revalidatePath(PAGE);
    return active ? "webhookResumed" : "webhookPaused";
  },
});

export const deleteWebhookEndpoint = defineAction({
  permission: "webhook.manage",
  schema: endpointIdSchema,
  async run({ id }, { user, ip }) {
    await deleteEndpoint(id, user.id, ip);
    revalidatePath(PAGE);
    return "webhookDeleted";
  },
});

export const redeliverWebhook = defineAction({
  permission: "webhook.manage",
  schema: deliveryIdSchema,
  async run({ deliveryId }) {
    if (!(await redeliver(deliveryId))) throw new Refusal("errors.webhook.stillPending");
    await sendDueWebhooks();
    revalidatePath(PAGE);
    return "webhookRedelivered";
  },
});
