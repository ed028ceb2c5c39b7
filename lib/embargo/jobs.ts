// The embargo lift's place in the job queue: a cron tick every minute (one for the cluster) plus an
// exact-time run for the next embargo falling due before the next tick, and a catch-up run at start
// for what fell due while every server was down. Each run is lib/embargo/lift.ts's one guarded UPDATE.
import type PgBoss from "pg-boss";
import { runLiftDue } from "./lift";

export const EMBARGO_QUEUE = "lift-embargoes";
const EVERY_MINUTE = "* * * * *";

/** Sends a run for a given time; several runs may see the same next time, one job per time is enough. */
async function sendLiftAt(boss: PgBoss, at: Date): Promise<void> {
  await boss.send(EMBARGO_QUEUE, {}, { startAfter: at, singletonKey: `at:${at.toISOString()}`, singletonSeconds: 60 });
}

export async function startEmbargoJobs(boss: PgBoss, clock: () => Date = () => new Date()): Promise<void> {
  await boss.createQueue(EMBARGO_QUEUE, { name: EMBARGO_QUEUE, retryLimit: 1, retryDelay: 5, expireInSeconds: 120 });
  await boss.schedule(EMBARGO_QUEUE, EVERY_MINUTE, {}, { tz: "UTC" });
  await boss.work(EMBARGO_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    const outcome = await runLiftDue(clock());
    if (outcome.nextDueAt) await sendLiftAt(boss, outcome.nextDueAt);
  });
  await boss.send(EMBARGO_QUEUE, {}, { singletonKey: "catch-up", singletonSeconds: 10 });
}
