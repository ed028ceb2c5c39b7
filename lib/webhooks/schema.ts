// Validation of the webhook forms. Messages are keys in messages/*.json.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events-list";

const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const endpointCreateSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, { message: "webhooks.url.invalid" })
    .pipe(z.url({ protocol: /^https?$/, message: "webhooks.url.invalid" })),
  description: z.string().trim().max(200).default(""),
  events: z.preprocess(
    (value) => (Array.isArray(value) ? value : value ? [value] : []),
    z.array(z.enum(WEBHOOK_EVENTS)).min(1, { message: "webhooks.events.required" }),
  ),
  internal: checkbox,
});

export const endpointIdSchema = z.object({ id: z.string().min(1).max(64) });
export const endpointActiveSchema = endpointIdSchema.extend({ active: z.enum(["true", "false"]).transform((value) => value === "true") });
export const deliveryIdSchema = z.object({ deliveryId: z.string().min(1).max(64) });
