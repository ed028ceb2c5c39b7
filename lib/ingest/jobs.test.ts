// Polling through pg-boss against the real database: a due source is claimed by exactly one of two
// servers ticking at the same moment, and the queue's worker polls it (its items land in review).
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJobQueue } from "@/lib/jobs/queue";
import { claimDueSources, startIngestJobs } from "@/lib/ingest/jobs";
import { sourceCreateSchema } from "@/lib/ingest/schema";
import { createSource } from "@/lib/ingest/service";
import { createUser } from "@/lib/users/service";
import { makeStory, startFeedServer, type FeedServer } from "@/test/fixtures/ingest-server";

let server: FeedServer;
let admin: { id: string; role: "ADMIN" };
const running: PgBoss[] = [];

beforeAll(async () => {
  server = await startFeedServer();
  const user = await createUser(
    { email: `ingest-jobs-${randomUUID()}@desk.test`, name: "Jobs", role: "ADMIN", password: "ingest-password" },
    null,
  );
  admin = { id: user.id, role: "ADMIN" };
});
afterAll(async () => {
  await Promise.all(running.map((boss) => boss.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => {})));
  await server.close();
});

const source = (url: string) =>
  createSource(
    sourceCreateSchema.parse({ kind: "FEED", name: `Jobs ${randomUUID().slice(0, 6)}`, url, pollIntervalMinutes: "30", internal: "on" }),
    admin,
  );

describe("polling through the job queue", () => {
  it("claims a due source once across two servers ticking together, and not again within its interval", async () => {
    const { id } = await source(`${server.base}/feeds/unused`);
    // Far in the future: other test files' sources are not due at this time.
    const at = new Date(Date.now() + 1000 * 24 * 3600_000);
    await db.ingestSource.update({ where: { id }, data: { nextPollAt: new Date(at.getTime() - 1000) } });
    const [first, second] = await Promise.all([claimDueSources(at), claimDueSources(at)]);
    expect([...first, ...second].filter((claimed) => claimed === id)).toHaveLength(1);
    expect(await claimDueSources(new Date(at.getTime() + 29 * 60_000))).not.toContain(id);
    const { nextPollAt } = await db.ingestSource.findUniqueOrThrow({ where: { id } });
    expect(nextPollAt.getTime()).toBe(at.getTime() + 30 * 60_000);
  });

  it("polls a due source from the queue: its items arrive in review without anyone asking", async () => {
    const story = makeStory();
    const { id } = await source(server.feed(`jobs-${story.id}`, "rss", [story]));
    const boss = createJobQueue();
    running.push(boss);
    await boss.start();
    await startIngestJobs(boss);
    const deadline = Date.now() + 25_000;
    // The poll is over when the source records its success.
    while (Date.now() < deadline && !(await db.ingestSource.findUniqueOrThrow({ where: { id } })).lastSuccessAt)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await db.ingestItem.count({ where: { sourceId: id, status: "IN_REVIEW", importRecordId: { not: null } } })).toBe(1);
  });
});
