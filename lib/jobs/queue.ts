// The PostgreSQL-backed job queue (pg-boss, in its own schema `pgboss`, created on first start):
// a job is fetched by one worker with SKIP LOCKED, so it runs once whatever the number of app
// servers, and jobs and cron schedules are rows, so they survive restarts.
import PgBoss from "pg-boss";

export const JOB_SCHEMA = "pgboss";

/** Every queue the app uses, created on start. */
export const QUEUES = { publishDue: "publish-due", sweepSessions: "sweep-sessions", publicChanges: "public-changes" } as const;

/** pg-boss's cron granularity is one minute; the publish-due job adds exact-time runs between ticks. */
export const PUBLISH_DUE_CRON = "* * * * *";

/** The outbox sweep (lib/public-change): what a write's own fast path missed, a server having died, say. */
export const PUBLIC_CHANGES_CRON = "* * * * *";

/** Expired session rows are refused on read already; the hourly sweep only keeps the table small. */
export const SWEEP_SESSIONS_CRON = "17 * * * *";

export function createJobQueue(connectionString = process.env.DATABASE_URL): PgBoss {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 3,
    application_name: "desk-cms-jobs",
    // The cron tick is sent within a few seconds of each minute by whichever server looks first.
    cronMonitorIntervalSeconds: 5,
    cronWorkerIntervalSeconds: 2,
  });
}

export async function createQueues(boss: PgBoss): Promise<void> {
  // A failed run is tried once more; the next minute's tick would catch up anyway.
  await boss.createQueue(QUEUES.publishDue, { name: QUEUES.publishDue, retryLimit: 1, retryDelay: 5, expireInSeconds: 120 });
  await boss.createQueue(QUEUES.publicChanges, { name: QUEUES.publicChanges, retryLimit: 1, retryDelay: 10, expireInSeconds: 120 });
  await boss.createQueue(QUEUES.sweepSessions, { name: QUEUES.sweepSessions, retryLimit: 1, retryDelay: 60, expireInSeconds: 300 });
}
