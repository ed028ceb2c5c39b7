// Webhook endpoints as admins manage them: register (the secret made here, in the Standard Webhooks
// form), pause or resume, remove; and the reads of /admin/webhooks (endpoints, each one's recent
// deliveries). Audited like every admin change.
import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { WebhookEvent } from "./events-list";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export type EndpointInput = { url: string; description: string; events: WebhookEvent[]; internal: boolean };

export async function createEndpoint(input: EndpointInput, actorId: string, ip: string | null): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { ...input, secret: newWebhookSecret(), createdById: actorId },
      select: { id: true },
    });
    await writeAudit(
      {
        actorId,
        action: "webhook.create",
        entityType: "webhookEndpoint",
        entityId: endpoint.id,
        details: { url: input.url, events: input.events },
        ip,
      },
      tx,
    );
    return endpoint;
  });
}

export async function setEndpointActive(id: string, active: boolean, actorId: string, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id }, data: { active } });
    await writeAudit({ actorId, action: active ? "webhook.resume" : "webhook.pause", entityType: "webhookEndpoint", entityId: id, ip }, tx);
  });
}

export async function deleteEndpoint(id: string, actorId: string, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id } });
    await writeAudit({ actorId, action: "webhook.delete", entityType: "webhookEndpoint", entityId: id, ip }, tx);
  });
}

export async function listEndpoints() {
  return db.webhookEndpoint.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, url: true, description: true, events: true, internal: true, active: true, createdAt: true, secret: true },
  });
}

export const DELIVERY_LOG_SIZE = 50;

/** The newest deliveries of every endpoint (or one), for the delivery log. */
export async function listDeliveries(endpointId?: string) {
  return db.webhookDelivery.findMany({
    where: endpointId ? { endpointId } : {},
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LOG_SIZE,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastDurationMs: true,
      lastResponse: true,
      createdAt: true,
      deliveredAt: true,
      endpoint: { select: { url: true } },
    },
  });
}
