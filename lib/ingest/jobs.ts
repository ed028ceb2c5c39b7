// Polling through the job queue (pg-boss, as scheduled publishing): a cron tick a minute for the
// whole cluster claims the sources that are due in ONE statement (FOR UPDATE SKIP LOCKED, their next
// poll pushed one interval ahead), so each is polled once per interval whatever the number of
// servers; each claimed source is a job of its own (singleton per source), worked by any server.
import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { pollSource } from "./poll";

export const INGEST_DUE_QUEUE = "ingest-due";
export const INGEST_POLL_QUEUE = "ingest-poll";
const INGEST_DUE_CRON = "* * * * *";
/** Sources claimed by one tick at most; the rest are due at the next. */
const CLAIM_LIMIT = 50;

/** Claims the enabled sources whose poll is due; a second server's claim at the same moment gets none of them. */
export async function claimDueSources(now = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE ingest_sources AS source
       SET next_poll_at = ${now}::timestamptz + make_interval(mins => source.poll_interval_minutes)
     WHERE source.id IN (
           SELECT id FROM ingest_sources
            WHERE enabled AND next_poll_at <= ${now}
            ORDER BY next_poll_at
            LIMIT ${CLAIM_LIMIT}
              FOR UPDATE SKIP LOCKED)
 RETURNING source.id`;
  return rows.map((row) => row.id);
}

export async function sendDuePolls(boss: PgBoss, now = new Date()): Promise<string[]> {
  const claimed = await claimDueSources(now);
  for (const sourceId of claimed) await boss.send(INGEST_POLL_QUEUE, { sourceId }, { singletonKey: sourceId });
  return claimed;
}

export async function startIngestJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(INGEST_DUE_QUEUE, { name: INGEST_DUE_QUEUE, retryLimit: 1, retryDelay: 10, expireInSeconds: 120 });
  // A poll that fails is counted and backed off by pollSource itself: pg-boss does not retry it.
  await boss.createQueue(INGEST_POLL_QUEUE, { name: INGEST_POLL_QUEUE, retryLimit: 0, expireInSeconds: 900 });
  await boss.schedule(INGEST_DUE_QUEUE, INGEST_DUE_CRON, {}, { tz: "UTC" });
  await boss.work(INGEST_DUE_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await sendDuePolls(boss);
  });
  await boss.work<{ sourceId: string }>(INGEST_POLL_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    const outcome = await pollSource(job.data.sourceId);
    if (outcome.status === "failed")
      console.error(`jobs: ingest source ${job.data.sourceId} failed: ${outcome.code}${outcome.paused ? " (paused)" : ""}`);
  });
  // Sources that fell due while every server was down are polled now, not at the next minute.
  await boss.send(INGEST_DUE_QUEUE, {}, { singletonKey: "catch-up", singletonSeconds: 10 });
}
