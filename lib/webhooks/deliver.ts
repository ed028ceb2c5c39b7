// Sends due webhook deliveries: each signed by the Standard Webhooks convention (webhook-id,
// webhook-timestamp, webhook-signature: HMAC-SHA256 of "id.timestamp.body" with the endpoint's
// secret), POSTed under the same address guard as ingest (no private, loopback or link-local address
// unless an admin marked the endpoint internal; no redirect followed), answered 2xx within the time
// limit or tried again later on a backoff reaching about 24 hours. Two servers never send the same
// delivery at once (claimed with SKIP LOCKED); the job queue runs this every minute, and the
// public-change consumer right after it queues new ones.
import "server-only";
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { isIP } from "node:net";
import { guardedLookup, isPublicAddress } from "@/lib/ingest/fetch-guard";

/** Seconds to wait after each failed attempt; after the last, the delivery has failed (about 23.7 h in all). */
export const RETRY_DELAYS_SECONDS = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800];
export const DELIVERY_TIMEOUT_MS = 10_000;
const EXCERPT_LENGTH = 500;
const BATCH = 20;
const CLAIM_SECONDS = 60;

type Claimed = { id: string; attempts: number; payload: unknown; url: string; secret: string; internal: boolean };

async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM webhook_deliveries d
       WHERE d.status = 'PENDING' AND d.next_attempt_at <= ${now} AND (d.claimed_until IS NULL OR d.claimed_until < ${now})
       ORDER BY d.next_attempt_at
       LIMIT ${limit}
         FOR UPDATE SKIP LOCKED
    )
    UPDATE webhook_deliveries d SET claimed_until = ${new Date(now.getTime() + CLAIM_SECONDS * 1000)}
      FROM due, webhook_endpoints e
     WHERE d.id = due.id AND e.id = d.endpoint_id
 RETURNING d.id, d.attempts, d.payload, e.url, e.secret, e.internal`;
}

export type AttemptResult = { ok: boolean; status: number | null; durationMs: number; excerpt: string };

/** One signed POST; never throws: a network failure is a failed attempt with its reason. */
export async function postSigned(
  delivery: { id: string; url: string; secret: string; internal: boolean },
  body: string,
  now = new Date(),
): Promise<AttemptResult> {
  const started = performance.now();
  const signature = new Webhook(delivery.secret).sign(delivery.id, now, body);
  const headers = {
    "content-type": "application/json",
    "user-agent": "desk-cms-webhooks/1.0",
    "webhook-id": delivery.id,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signature,
  };
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(delivery.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${url.protocol} is not http(s)`);
  } catch (error) {
    return { ok: false, status: null, durationMs: elapsed(), excerpt: `Bad URL: ${(error as Error).message}` };
  }
  // A literal address connects without a lookup: judged here, as the lookup judges names.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !delivery.internal && !isPublicAddress(literal))
    return { ok: false, status: null, durationMs: elapsed(), excerpt: privateRefusal(literal) };
  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      { method: "POST", headers, lookup: guardedLookup(delivery.internal) as never, timeout: DELIVERY_TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_LENGTH * 4) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_LENGTH);
          resolve({ ok: status >= 200 && status < 300, status, durationMs: elapsed(), excerpt });
        });
        response.on("error", (error) =>
          resolve({ ok: false, status: response.statusCode ?? null, durationMs: elapsed(), excerpt: error.message }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`)));
    request.on("error", (error: Error & { code?: string }) => {
      const reason = error.code === "EBLOCKED" ? privateRefusal(url.hostname) : error.message;
      resolve({ ok: false, status: null, durationMs: elapsed(), excerpt: reason });
    });
    request.end(body);
  });
}

function privateRefusal(host: string): string {
  return `Refused: ${host} is a private, loopback or link-local address and the endpoint is not marked internal.`;
}

/** Sends what is due now; returns how many succeeded and failed this round. */
export async function sendDueWebhooks(now = new Date()): Promise<{ sent: number; failed: number }> {
  const outcome = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await claimDue(now, BATCH);
    if (batch.length === 0) return outcome;
    await Promise.all(
      batch.map(async (delivery) => {
        const result = await postSigned(delivery, JSON.stringify(delivery.payload), now);
        const attempts = delivery.attempts + 1;
        const delay = RETRY_DELAYS_SECONDS[attempts - 1];
        const status = result.ok ? "SUCCEEDED" : delay === undefined ? "FAILED" : "PENDING";
        await db.webhookDelivery.update({
          where: { id: delivery.id },
          data: {
            attempts,
            status,
            claimedUntil: null,
            nextAttemptAt: status === "PENDING" ? new Date(now.getTime() + delay! * 1000) : null,
            deliveredAt: result.ok ? new Date() : null,
            lastStatusCode: result.status,
            lastDurationMs: result.durationMs,
            lastResponse: result.excerpt,
          },
        });
        if (result.ok) outcome.sent++;
        else outcome.failed++;
      }),
    );
    if (batch.length < BATCH) return outcome;
  }
}

/** A person's "Redeliver": the same message (same webhook-id) goes out again now, with a fresh set of retries. */
export async function redeliver(deliveryId: string): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: { not: "PENDING" } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), claimedUntil: null },
  });
  return count === 1;
}
