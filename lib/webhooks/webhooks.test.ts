// Webhooks against a real PostgreSQL and real receivers on loopback: a public change becomes
// published / translation / updated / unpublished events by comparison with what was announced
// (twice the same change announces once; a rolled-back publish announces nothing); deliveries are
// signed by the Standard Webhooks convention, checked here by hand with node:crypto; a receiver that
// fails gets the same message again on the backoff; a loopback URL is refused unless internal.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createStory, uniqueWord } from "@/test/fixtures/public";
import { makeUser } from "@/test/fixtures/workflow";
import { RETRY_DELAYS_SECONDS, redeliver, sendDueWebhooks } from "./deliver";
import { createEndpoint } from "./endpoints";
import { queueWebhookDeliveries } from "./events";
import { WEBHOOK_EVENTS } from "./events-list";

type Received = { id: string; timestamp: string; signature: string; body: string };

/** A receiver that verifies like a partner would and fails the first `failures` attempts of each message. */
function receiver(failures = 0) {
  const received: Received[] = [];
  const attemptsOf = new Map<string, number>();
  const server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const id = String(request.headers["webhook-id"]);
      received.push({
        id,
        timestamp: String(request.headers["webhook-timestamp"]),
        signature: String(request.headers["webhook-signature"]),
        body,
      });
      const attempt = (attemptsOf.get(id) ?? 0) + 1;
      attemptsOf.set(id, attempt);
      if (attempt <= failures) return response.writeHead(503).end("busy, try later");
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  return { server, received };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

/** Standard Webhooks: v1,base64(HMAC-SHA256(base64-decoded secret, "id.timestamp.body")). */
function verifies(secret: string, message: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${message.id}.${message.timestamp}.${message.body}`).digest();
  return message.signature.split(" ").some((part) => {
    const [version, signature] = part.split(",");
    const given = Buffer.from(signature ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const healthy = receiver();
const flaky = receiver(2);
const endpoints: { id: string; secret: string }[] = [];
let adminId = "";
const word = uniqueWord();

// Far ahead of the clock: other test files' consumers send what is due *now*, never these.
const FUTURE = new Date(Date.now() + 24 * 60 * 60 * 1000);

beforeAll(async () => {
  adminId = (await makeUser("ADMIN")).id;
  for (const [target, internal] of [
    [healthy, true],
    [flaky, true],
  ] as const) {
    const { id } = await createEndpoint(
      { url: await listen(target.server), description: word, events: [...WEBHOOK_EVENTS], internal },
      adminId,
      null,
    );
    endpoints.push({ id, secret: (await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret });
  }
});

afterAll(async () => {
  await db.webhookEndpoint.deleteMany({ where: { description: word } });
  for (const target of [healthy, flaky]) {
    target.server.closeAllConnections();
    target.server.close();
  }
});

const change = (articleId: string) => ({ articleIds: [articleId], languages: [], tagIds: [], mediaIds: [] });
const eventsFor = async (articleId: string, endpointId: string) =>
  (
    await db.webhookDelivery.findMany({
      where: { endpointId, payload: { path: ["data", "id"], equals: articleId } },
      orderBy: { createdAt: "asc" },
    })
  ).map((delivery) => `${delivery.event}:${(delivery.payload as { data: { language: string } }).data.language}`);

describe("webhook events follow what readers can see", () => {
  it("announces a publish once, a translation, an edit and an unpublish; a rolled-back publish not at all", async () => {
    const story = await createStory([{ language: "fr", status: "APPROVED", publishedAt: null, title: `Visite ${word}` }]);
    const fr = story.versions[0]!;
    const healthyId = endpoints[0]!.id;

    await expect(
      db.$transaction(async (tx) => {
        await tx.articleVersion.update({ where: { id: fr.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 1000) } });
        throw new Error("the publish fails after its write");
      }),
    ).rejects.toThrow();
    expect(await queueWebhookDeliveries(change(story.articleId))).toBe(0);

    await db.articleVersion.update({ where: { id: fr.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 1000) } });
    await queueWebhookDeliveries(change(story.articleId));
    await queueWebhookDeliveries(change(story.articleId));
    expect(await eventsFor(story.articleId, healthyId)).toEqual(["article.published:fr"]);

    await db.articleVersion.create({
      data: {
        articleId: story.articleId,
        language: "en",
        status: "PUBLISHED",
        title: `Visit ${word}`,
        slug: `visit-${word}`,
        bodyJson: fr.bodyJson!,
        publishedAt: new Date(Date.now() - 500),
      },
    });
    await db.articleVersion.update({ where: { id: fr.id }, data: { title: `Visite officielle ${word}` } });
    await queueWebhookDeliveries(change(story.articleId));
    expect(await eventsFor(story.articleId, healthyId)).toEqual(["article.published:fr", "translation.published:en", "article.updated:fr"]);

    await db.articleVersion.update({ where: { id: fr.id }, data: { status: "UNPUBLISHED" } });
    await queueWebhookDeliveries(change(story.articleId));
    expect(await eventsFor(story.articleId, healthyId)).toEqual([
      "article.published:fr",
      "translation.published:en",
      "article.updated:fr",
      "article.unpublished:fr",
    ]);
  });
});

describe("deliveries", () => {
  it("are signed, retried with the same webhook-id on the backoff, and logged", async () => {
    const story = await createStory([{ language: "fr", title: `Dépêche ${word}` }]);
    await queueWebhookDeliveries(change(story.articleId), FUTURE);
    const [healthyEndpoint, flakyEndpoint] = endpoints as [{ id: string; secret: string }, { id: string; secret: string }];

    await sendDueWebhooks(FUTURE);
    const mine = (target: typeof healthy) => target.received.filter((message) => JSON.parse(message.body).data.id === story.articleId);
    expect(mine(healthy)).toHaveLength(1);
    const message = mine(healthy)[0]!;
    expect(verifies(healthyEndpoint.secret, message)).toBe(true);
    expect(verifies(healthyEndpoint.secret, { ...message, body: message.body.replace("Dépêche", "Depeche") })).toBe(false);
    expect(JSON.parse(message.body)).toMatchObject({
      type: "article.published",
      data: { id: story.articleId, language: "fr", title: `Dépêche ${word}` },
    });
    expect(Number(message.timestamp)).toBe(Math.floor(FUTURE.getTime() / 1000));

    const flakyDelivery = () =>
      db.webhookDelivery.findFirstOrThrow({
        where: { endpointId: flakyEndpoint.id, payload: { path: ["data", "id"], equals: story.articleId } },
      });
    expect(await flakyDelivery()).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 503, lastResponse: "busy, try later" });
    expect((await flakyDelivery()).nextAttemptAt!.getTime()).toBe(FUTURE.getTime() + RETRY_DELAYS_SECONDS[0]! * 1000);

    // Not due yet: nothing is sent.
    await sendDueWebhooks(new Date(FUTURE.getTime() + 1000));
    expect(mine(flaky)).toHaveLength(1);
    await sendDueWebhooks(new Date(FUTURE.getTime() + 6_000));
    expect(await flakyDelivery()).toMatchObject({ status: "PENDING", attempts: 2 });
    await sendDueWebhooks(new Date(FUTURE.getTime() + 6_000 + RETRY_DELAYS_SECONDS[1]! * 1000));
    const done = await flakyDelivery();
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200, lastResponse: '{"ok":true}' });
    expect(done.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(new Set(mine(flaky).map((sent) => sent.id))).toEqual(new Set([done.id]));
    expect(mine(flaky).every((sent) => verifies(flakyEndpoint.secret, sent))).toBe(true);

    // Redeliver by hand: the same message again.
    expect(await redeliver(done.id)).toBe(true);
    await sendDueWebhooks(new Date(Date.now() + 1000));
    expect(mine(flaky).filter((sent) => sent.id === done.id)).toHaveLength(4);
  });

  it("gives up after the last retry (about a day), and refuses a loopback URL unless the endpoint is internal", async () => {
    const { id } = await createEndpoint(
      { url: "http://127.0.0.1:9/hook", description: word, events: ["article.published"], internal: false },
      adminId,
      null,
    );
    const byName = await createEndpoint(
      { url: "http://localhost:9/hook", description: word, events: ["article.published"], internal: false },
      adminId,
      null,
    );
    const story = await createStory([{ language: "fr", title: `Refus ${word}` }]);
    await queueWebhookDeliveries(change(story.articleId), FUTURE);
    let at = FUTURE.getTime();
    for (const delay of [0, ...RETRY_DELAYS_SECONDS]) {
      at += delay * 1000;
      await sendDueWebhooks(new Date(at));
    }
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
    expect(delivery).toMatchObject({ status: "FAILED", attempts: RETRY_DELAYS_SECONDS.length + 1, lastStatusCode: null });
    expect(delivery.lastResponse).toMatch(/private, loopback or link-local address/);
    const named = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: byName.id } });
    expect(named).toMatchObject({ status: "FAILED", lastStatusCode: null });
    expect(named.lastResponse).toMatch(/localhost is a private, loopback or link-local address/);
    expect(RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0) / 3600).toBeGreaterThan(23);
  });
});
