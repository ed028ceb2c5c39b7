// Starts the background work of one app server: joins the job queue, registers the publish-due cron
// (a row in pgboss.schedule: one tick a minute for the whole cluster, not one per server) and the
// hourly sweep of expired sessions (and of old API rate windows), the public-change outbox sweep (every minute and once at start:
// lib/public-change/consumer.ts), works the queues, and asks for a catch-up run at start; also the
// tag scans accepted imports owe (lib/jobs/tag-scans.ts), the embargo lifts (lib/embargo/jobs.ts) and the polls of ingest sources (lib/ingest/jobs.ts).
// Without a shared cache (no REDIS_URL) it also starts this server's cache follower
// (lib/public-change/follower.ts).
import type PgBoss from "pg-boss";
import { sharedCacheConfigured } from "@/lib/cache/shared-cache";
import { runPublishDue } from "@/lib/scheduled-publishing/publish-due";
import { startTagScanJobs } from "@/lib/jobs/tag-scans";
import { startWebhookJobs } from "@/lib/webhooks/jobs";
import { startEmbargoJobs } from "@/lib/embargo/jobs";
import { startIngestJobs } from "@/lib/ingest/jobs";
import { createJobQueue, createQueues, PUBLIC_CHANGES_CRON, PUBLISH_DUE_CRON, QUEUES, SWEEP_SESSIONS_CRON } from "@/lib/jobs/queue";
import { sweepExpiredSessions } from "@/lib/auth/sessions";
import { sweepApiRateWindows } from "@/lib/api/rate-limit";
import { processPublicChanges, pruneDeliveredChanges } from "@/lib/public-change/consumer";
import { startCacheFollower } from "@/lib/public-change/follower";

const RETRY_START_MS = 30_000;
/**
 * Between two cron ticks each run also sends the next one this much later (one per slot for the
 * cluster), so a time changed behind the app's back is still seen within seconds, not a minute.
 */
export const TICK_SECONDS = 15;

/** Sends a publish-due run for a given time (the next due version between two cron ticks). */
export async function sendPublishDueAt(boss: PgBoss, at: Date): Promise<void> {
  // Several runs may see the same next time: one job per time is enough (and a duplicate is harmless).
  await boss.send(QUEUES.publishDue, {}, { startAfter: at, singletonKey: `at:${at.toISOString()}`, singletonSeconds: 60 });
}

export type WorkOptions = {
  /** Called after each run with the number of versions it published. */
  afterRun?: (promoted: number) => void;
  /** The time a run publishes at (tests pass their own, far from other tests' schedules). */
  clock?: () => Date;
};

export async function workPublishDue(boss: PgBoss, { afterRun, clock = () => new Date() }: WorkOptions = {}): Promise<void> {
  await boss.work(QUEUES.publishDue, { pollingIntervalSeconds: 1 }, async () => {
    const outcome = await runPublishDue(clock());
    if (outcome.nextDueAt) await sendPublishDueAt(boss, outcome.nextDueAt);
    await boss.send(QUEUES.publishDue, {}, { startAfter: TICK_SECONDS, singletonKey: "tick", singletonSeconds: TICK_SECONDS });
    afterRun?.(outcome.promoted.length);
  });
}

export async function workSweepSessions(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.sweepSessions, async () => {
    const swept = await sweepExpiredSessions();
    if (swept) console.log(`jobs: swept ${swept} expired session(s)`);
    await sweepApiRateWindows();
  });
}

export async function workPublicChanges(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.publicChanges, async () => {
    const { done, failed } = await processPublicChanges();
    if (done || failed) console.log(`jobs: public changes: ${done} delivered, ${failed} kept for the next run`);
    await pruneDeliveredChanges();
  });
}

export async function startJobs(boss: PgBoss, options: WorkOptions = {}): Promise<void> {
  await boss.start();
  await createQueues(boss);
  await boss.schedule(QUEUES.publishDue, PUBLISH_DUE_CRON, {}, { tz: "UTC" });
  await boss.schedule(QUEUES.sweepSessions, SWEEP_SESSIONS_CRON, {}, { tz: "UTC" });
  await boss.schedule(QUEUES.publicChanges, PUBLIC_CHANGES_CRON, {}, { tz: "UTC" });
  await workPublishDue(boss, options);
  await workPublicChanges(boss);
  await startTagScanJobs(boss);
  await startWebhookJobs(boss);
  await startEmbargoJobs(boss, options.clock);
  await startIngestJobs(boss);
  await workSweepSessions(boss);
  // Whatever fell due while every server was down goes out now, not at the next minute.
  await boss.send(QUEUES.publishDue, {}, { singletonKey: "catch-up", singletonSeconds: 10 });
  // And what a server that died between a commit and its refresh left in the outbox.
  await boss.send(QUEUES.publicChanges, {}, { singletonKey: "catch-up", singletonSeconds: 10 });
}

const globalForJobs = globalThis as unknown as { deskJobs?: { boss: PgBoss | null } };

export function startBackgroundJobs(): void {
  if (globalForJobs.deskJobs) return; // dev reloads call register() again
  const state: { boss: PgBoss | null } = { boss: null };
  globalForJobs.deskJobs = state;
  const follower = sharedCacheConfigured() ? null : startCacheFollower();
  const start = () => {
    const boss = createJobQueue();
    state.boss = boss;
    boss.on("error", (error) => console.error("jobs:", error));
    startJobs(boss, {
      afterRun: (promoted) => {
        if (promoted && follower) void follower.tick();
      },
    }).catch((error) => {
      // The database may be starting too: try again rather than run without scheduled publishing.
      console.error(`jobs: could not start, retrying in ${RETRY_START_MS / 1000} s`, error);
      void boss.stop({ graceful: false, wait: false }).catch(() => {});
      setTimeout(start, RETRY_START_MS).unref();
    });
  };
  start();
  // Lets a running job finish; one cut short is expired and retried by pg-boss.
  process.once("SIGTERM", () => void state.boss?.stop({ graceful: true, timeout: 5000 }).catch(() => {}));
}
