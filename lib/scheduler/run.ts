// The background loop of each app server: every SCHEDULER_INTERVAL_MS (default 20 s) it promotes
// due scheduled versions, then asks its own server to drop the affected reader pages. Several
// servers may run it at once: the promotion is one guarded statement, so each version goes once.
import { publishDueVersions } from "@/lib/scheduler/publish-due";
import { SIGNATURE_HEADER, signRevalidation, TIMESTAMP_HEADER } from "@/lib/scheduler/revalidate-signature";
import type { PublicChange } from "@/lib/workflow/service";

const DEFAULT_INTERVAL_MS = 20_000;

export function schedulerInterval(raw: string | undefined): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1000 && value <= 3_600_000 ? value : DEFAULT_INTERVAL_MS;
}

/** This server's own address: next start records it once listening; INTERNAL_APP_ORIGIN overrides. */
function ownOrigin(): string {
  return process.env.INTERNAL_APP_ORIGIN ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export async function requestRevalidation(change: NonNullable<PublicChange>, origin = ownOrigin()): Promise<void> {
  const body = JSON.stringify(change);
  const timestamp = Date.now();
  const response = await fetch(new URL("/api/internal/revalidate", origin), {
    method: "POST",
    headers: { "content-type": "application/json", [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signRevalidation(body, timestamp) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`revalidation answered ${response.status}`);
}

export async function runSchedulerTick(now = new Date()): Promise<number> {
  const { promoted, publicChange } = await publishDueVersions(now);
  if (promoted.length === 0) return 0;
  console.log(`scheduler: published ${promoted.length} scheduled version(s): ${promoted.map((version) => version.id).join(", ")}`);
  if (publicChange) {
    // The public queries filter on publishedAt <= now anyway; a failed call only delays cached pages.
    await requestRevalidation(publicChange).catch((error) => console.error("scheduler: revalidation failed", error));
  }
  return promoted.length;
}

const globalForScheduler = globalThis as unknown as { deskScheduler?: ReturnType<typeof setInterval> };

export function startScheduler(intervalMs = schedulerInterval(process.env.SCHEDULER_INTERVAL_MS)): void {
  if (globalForScheduler.deskScheduler) return; // dev reloads call register() again
  let running = false;
  const tick = async () => {
    if (running) return; // a slow database must not pile up ticks
    running = true;
    try {
      await runSchedulerTick();
    } catch (error) {
      console.error("scheduler: publishing due versions failed", error);
    } finally {
      running = false;
    }
  };
  globalForScheduler.deskScheduler = setInterval(tick, intervalMs);
  globalForScheduler.deskScheduler.unref();
  // Catch up soon after a restart rather than a whole interval later.
  setTimeout(tick, Math.min(intervalMs, 3000)).unref();
}
