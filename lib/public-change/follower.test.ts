// The cache follower's pieces: its interval setting, the signed call that makes a server drop its
// cached reader pages (checked against a stand-in server that verifies like the real route), and the
// tick that follows the public-change outbox.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { refreshOwnCacheTick, schedulerInterval, type SchedulerMemory } from "@/lib/public-change/follower";
import { requestRevalidation } from "@/lib/public-change/this-server";
import { db } from "@/lib/db";
import { makeArticle } from "@/test/fixtures/workflow";
import type { PublicChange } from "@/lib/public-change/change";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyRevalidation } from "@/lib/public-change/revalidate-signature";

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
};

describe("schedulerInterval", () => {
  it("reads SCHEDULER_INTERVAL_MS and falls back to 20 s on anything odd", () => {
    expect(schedulerInterval("5000")).toBe(5000);
    for (const raw of [undefined, "", "fast", "10", "-5", "1.5", "99999999"]) expect(schedulerInterval(raw), String(raw)).toBe(20_000);
  });
});

describe("requestRevalidation", () => {
  it("posts the change signed so that the route's check accepts it", async () => {
    const received: { path?: string; verified?: boolean; body?: unknown } = {};
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.path = request.url;
        received.verified = verifyRevalidation(body, header(request, TIMESTAMP_HEADER), header(request, SIGNATURE_HEADER));
        received.body = JSON.parse(body);
        response.writeHead(received.verified ? 200 : 403).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const change = { articleIds: ["a1"], languages: ["fr"], tagIds: ["t1"], mediaIds: [] };
      await requestRevalidation(change, origin);
      expect(received).toEqual({ path: "/api/internal/revalidate", verified: true, body: change });
    } finally {
      server.close();
    }
  });

  it("fails loudly when the server refuses", async () => {
    const server = createServer((_request, response) => response.writeHead(403).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(requestRevalidation({ articleIds: [], languages: [], tagIds: [], mediaIds: [] }, origin)).rejects.toThrow(/403/);
    } finally {
      server.close();
    }
  });
});

describe("refreshOwnCacheTick", () => {
  // In the 1970s: no other file records changes that early, so these ticks see only this file's.
  const base = Date.parse("1971-01-01T00:00:00Z") + Math.floor(Math.random() * 1e8) * 1000;
  const at = (seconds: number) => new Date(base + seconds * 1000);
  const memory = (): SchedulerMemory => ({ revalidated: new Map() });

  /** A story some server published at at(10): its outbox row, already delivered by that server's consumer. */
  async function publishedOnSchedule() {
    const story = await makeArticle([{ language: "en", status: "PUBLISHED", publishedAt: at(10) }]);
    await db.publicChangeOutbox.create({
      data: { createdAt: at(10), doneAt: at(10), articleIds: [story.articleId], languages: ["en"], tagIds: [], mediaIds: [] },
    });
    return story;
  }

  it("revalidates each public change once on every server, whichever wrote it", async () => {
    const story = await publishedOnSchedule();
    const calls: { server: string; change: PublicChange }[] = [];
    const recorder = (server: string) => async (change: PublicChange) => void calls.push({ server, change });
    const [first, second] = [memory(), memory()];
    await refreshOwnCacheTick(first, { now: at(11), revalidate: recorder("first") });
    await refreshOwnCacheTick(first, { now: at(31), revalidate: recorder("first") });
    await refreshOwnCacheTick(second, { now: at(32), revalidate: recorder("second") });
    const mine = calls.filter((call) => call.change.articleIds.includes(story.articleId));
    expect(mine.map((call) => call.server)).toEqual(["first", "second"]);
    expect(mine[0]?.change.languages).toEqual(["en"]);
  });

  it("tries the revalidation again next time when it failed", async () => {
    const story = await publishedOnSchedule();
    const state = memory();
    let attempts = 0;
    const flaky = async (change: PublicChange) => {
      if (!change.articleIds.includes(story.articleId)) return;
      attempts++;
      if (attempts === 1) throw new Error("server not listening yet");
    };
    for (const seconds of [11, 31, 51]) await refreshOwnCacheTick(state, { now: at(seconds), revalidate: flaky });
    expect(attempts).toBe(2);
  });

  it("looks no further back than a few intervals", async () => {
    const story = await publishedOnSchedule();
    const calls: string[][] = [];
    await refreshOwnCacheTick(memory(), { now: at(10 + 3600), revalidate: async (change) => void calls.push(change.articleIds) });
    expect(calls.flat()).not.toContain(story.articleId);
  });
});
