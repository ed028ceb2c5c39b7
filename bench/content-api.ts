// The content API's side of the benchmark (issue 20): a key made for the run, and how long a
// publish takes to reach a partner's webhook receiver (a loopback server started here, checking
// each delivery's signature) through the desk's own publish action on the running server.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
// @ts-expect-error Next's compiled copy of React's reply encoder ships without types
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.edge";
import type pg from "pg";
import { Webhook } from "standardwebhooks";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events-list";

/** A content API key for the run, made through the app's own function (stored hashed, audited). */
export async function benchApiKey(adminId: string): Promise<string> {
  const { createApiKey } = await import("@/lib/api/keys");
  return (await createApiKey(`bench ${new Date().toISOString()}`, adminId, null)).key;
}

function actionId(distDir: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`${exportedName} is not in the build's server-reference manifest`);
  return found[0];
}

type Arrival = { at: number; verified: boolean };

/** A partner's receiver on loopback: notes when each signed publication event arrives, by article. */
async function startReceiver(secret: string) {
  const arrivals = new Map<string, Arrival>();
  const waiting = new Map<string, (arrival: Arrival) => void>();
  const webhook = new Webhook(secret);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = true;
      try {
        webhook.verify(body, request.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      const payload = JSON.parse(body) as { type: string; data: { id: string } };
      response.writeHead(verified ? 204 : 400).end();
      // A story's first language announces article.published, a version in another translation.published.
      if (payload.type !== "article.published" && payload.type !== "translation.published") return;
      arrivals.set(payload.data.id, { at, verified });
      waiting.get(payload.data.id)?.({ at, verified });
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const arrival = (articleId: string, timeoutMs: number) =>
    new Promise<Arrival | null>((resolve) => {
      const known = arrivals.get(articleId);
      if (known) return resolve(known);
      const timer = setTimeout(() => resolve(null), timeoutMs);
      waiting.set(articleId, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, arrival, close: () => server.close() };
}

/**
 * Publishes `count` approved stories one after another through the publish action, as the
 * workflow page's button posts it, and times each story's signed publication event (article.published or translation.published) from
 * the version's publication time (set in the publishing transaction, just before its commit) and
 * from the moment the action was sent.
 */
export async function measureWebhookDelivery(
  baseUrl: string,
  distDir: string,
  cookie: string,
  client: pg.Client,
  adminId: string,
  count = 5,
) {
  const { createEndpoint } = await import("@/lib/webhooks/endpoints");
  const publishId = actionId(distDir, "publishVersion");
  const candidates = (
    await client.query(
      `SELECT v.id, v.article_id FROM article_versions v
        WHERE v.language = 'fr' AND v.status = 'DRAFT'
          AND NOT EXISTS (SELECT 1 FROM article_versions p WHERE p.article_id = v.article_id AND p.status = 'PUBLISHED')
        ORDER BY v.id LIMIT $1`,
      [count],
    )
  ).rows as { id: string; article_id: string }[];
  if (candidates.length < count) throw new Error(`only ${candidates.length} unpublished drafts to publish`);
  // Approved directly in the bench database: the measure is the publish, not the review before it.
  await client.query(`UPDATE article_versions SET status = 'APPROVED', version = version + 1 WHERE id = ANY($1)`, [
    candidates.map((row) => row.id),
  ]);
  const { id: endpointId } = await createEndpoint(
    { url: "http://127.0.0.1:1/placeholder", description: "bench receiver", events: [...WEBHOOK_EVENTS], internal: true },
    adminId,
    null,
  );
  const secret = (await client.query(`SELECT secret FROM webhook_endpoints WHERE id = $1`, [endpointId])).rows[0].secret as string;
  const receiver = await startReceiver(secret);
  await client.query(`UPDATE webhook_endpoints SET url = $1 WHERE id = $2`, [receiver.url, endpointId]);
  const fromCommit: number[] = [];
  const fromAction: number[] = [];
  let unsigned = 0;
  let missing = 0;
  try {
    for (const candidate of candidates) {
      const { version } = (await client.query(`SELECT version FROM article_versions WHERE id = $1`, [candidate.id])).rows[0];
      const form = new FormData();
      form.set("versionId", candidate.id);
      form.set("version", String(version));
      const body = (await encodeReply([{ ok: false }, form])) as FormData;
      const sent = Date.now();
      const response = await fetch(`${baseUrl}/admin/articles/${candidate.id}/workflow`, {
        method: "POST",
        headers: { cookie, "next-action": publishId, accept: "text/x-component" },
        body,
      });
      const text = await response.text();
      if (!response.ok || !/"ok":true/.test(text)) throw new Error(`publish answered ${response.status}: ${text.slice(0, 200)}`);
      const arrival = await receiver.arrival(candidate.article_id, 30_000);
      if (!arrival) {
        missing++;
        continue;
      }
      if (!arrival.verified) unsigned++;
      const { published_at: publishedAt } = (await client.query(`SELECT published_at FROM article_versions WHERE id = $1`, [candidate.id]))
        .rows[0] as { published_at: Date };
      fromCommit.push(arrival.at - publishedAt.getTime());
      fromAction.push(arrival.at - sent);
    }
  } finally {
    receiver.close();
    // The endpoint stays in the database's history, paused: a later run must not post to a closed port.
    await client.query(`UPDATE webhook_endpoints SET active = false WHERE id = $1`, [endpointId]);
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const summary = (values: number[]) =>
    values.length ? { medianMs: sorted(values)[Math.floor(values.length / 2)]!, maxMs: Math.max(...values) } : null;
  return {
    publishes: candidates.length,
    delivered: fromCommit.length,
    missing,
    unsigned,
    fromCommit: summary(fromCommit),
    fromAction: summary(fromAction),
  };
}
