// Scheduled publishing through the PostgreSQL job queue, with two app servers working it: each run
// happens once, a due version is published once (one audit row), the cron is registered once for the
// cluster, a job sent while no server works the queue is done after a restart, and a run says when
// the next version falls due. Runs publish at a time in the 1960s, where no other test schedules.
import { afterEach, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { runPublishDue } from "@/lib/scheduled-publishing/publish-due";
import { createJobQueue, createQueues, PUBLISH_DUE_CRON, QUEUES } from "@/lib/jobs/queue";
import { startJobs, workPublishDue } from "@/lib/jobs/start";
import { makeArticle } from "@/test/fixtures/workflow";

const base = Date.parse("1960-01-01T00:00:00Z") + Math.floor(Math.random() * 1e8) * 1000;
const at = (seconds: number) => new Date(base + seconds * 1000);
const clock = () => at(100);

const running: PgBoss[] = [];
async function server(): Promise<PgBoss> {
  const boss = createJobQueue();
  boss.on("error", () => {});
  running.push(boss);
  return boss;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((boss) => boss.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => {})));
});

async function approvedAt(seconds: number) {
  const story = await makeArticle([{ language: "fr", status: "APPROVED" }]);
  const id = story.version("fr").id;
  await db.articleVersion.update({ where: { id }, data: { scheduledAt: at(seconds) } });
  return id;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("timed out");
}

const auditRows = (id: string) => db.auditLog.count({ where: { entityId: id, action: "workflow.scheduledPublish" } });

describe("publish-due job on two servers", () => {
  it("runs each job once and publishes a due version exactly once", async () => {
    const id = await approvedAt(50);
    const [first, second] = [await server(), await server()];
    const runs = { first: 0, second: 0 };
    await startJobs(first, { clock, afterRun: () => runs.first++ });
    await startJobs(second, { clock, afterRun: () => runs.second++ });
    const before = runs.first + runs.second;
    await Promise.all(Array.from({ length: 6 }, (_, n) => (n % 2 ? first : second).send(QUEUES.publishDue, {})));
    await waitFor(async () => runs.first + runs.second >= before + 6);
    expect(await auditRows(id)).toBe(1);
    expect(await db.articleVersion.findUniqueOrThrow({ where: { id }, select: { status: true, publishedAt: true } })).toEqual({
      status: "PUBLISHED",
      publishedAt: at(50),
    });
    const schedules = await first.getSchedules();
    expect(schedules.filter((schedule) => schedule.name === QUEUES.publishDue).map((schedule) => schedule.cron)).toEqual([
      PUBLISH_DUE_CRON,
    ]);
  });

  it("does a job sent while no server worked the queue once a server starts again", async () => {
    const id = await approvedAt(60);
    const before = await server();
    await before.start();
    await createQueues(before);
    await before.send(QUEUES.publishDue, {});
    await before.stop({ graceful: false, wait: true, timeout: 2000 });
    expect(await auditRows(id)).toBe(0);

    const after = await server();
    await after.start();
    await workPublishDue(after, { clock });
    await waitFor(async () => (await auditRows(id)) === 1);
  });

  it("says when the next version falls due before the next tick, and not one further away", async () => {
    const soon = await approvedAt(130);
    const outcome = await runPublishDue(clock());
    expect(outcome.nextDueAt).toEqual(at(130));
    await db.articleVersion.update({ where: { id: soon }, data: { scheduledAt: at(100 + 3600) } });
    expect((await runPublishDue(clock())).nextDueAt).toBeNull();
  });
});
