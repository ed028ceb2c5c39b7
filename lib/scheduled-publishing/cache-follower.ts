// Each app server's own page cache after scheduled publications, when there is no shared cache
// (no REDIS_URL): the promotion itself is a job that runs once (lib/jobs/), but every server must drop
// its own cached reader pages, so each one reads the scheduled publications from the audit log (the
// shared record) and calls itself, since Next cannot revalidate outside a request.
import { listScheduledPublicationsBetween } from "@/lib/scheduled-publishing/publish-due";
import { SIGNATURE_HEADER, signRevalidation, TIMESTAMP_HEADER } from "@/lib/scheduled-publishing/revalidate-signature";
import { publicChangeFor, type PublicChange } from "@/lib/workflow/service";

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
    headers: {
      "content-type": "application/json",
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signRevalidation(body, timestamp),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`revalidation answered ${response.status}`);
}

/** What one server remembers between ticks: which scheduled publications it already revalidated. A cache of work done, not the truth. */
export type SchedulerMemory = { revalidated: Map<bigint, number> };

type TickOptions = { now?: Date; intervalMs?: number; revalidate?: (change: NonNullable<PublicChange>) => Promise<void> };

/**
 * Drops this server's cached pages for every scheduled publication of the last few intervals it has
 * not handled yet, whichever server's job promoted it. Returns how many it handled.
 */
export async function refreshOwnCacheTick(memory: SchedulerMemory, options: TickOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  // A window of a few intervals either side: other servers' clocks and commits differ a little from ours.
  const lookbackMs = Math.max(3 * intervalMs, 120_000);
  const recent = await listScheduledPublicationsBetween(new Date(now.getTime() - lookbackMs), new Date(now.getTime() + lookbackMs));
  const fresh = recent.filter((entry) => !memory.revalidated.has(entry.auditId));
  if (fresh.length) {
    const change = await publicChangeFor(
      fresh.map((entry) => entry.articleId),
      fresh.map((entry) => entry.language),
    );
    try {
      if (change) await (options.revalidate ?? requestRevalidation)(change);
      for (const entry of fresh) memory.revalidated.set(entry.auditId, now.getTime());
    } catch (error) {
      // Tried again next tick; meanwhile the public queries' publishedAt <= now filter still holds.
      console.error("scheduler: revalidation failed", error);
    }
  }
  for (const [auditId, at] of memory.revalidated) if (at < now.getTime() - 2 * lookbackMs) memory.revalidated.delete(auditId);
  return fresh.length;
}

const globalForFollower = globalThis as unknown as { deskCacheFollower?: { tick: () => Promise<void> } };

/**
 * Starts this server's cache follower (every SCHEDULER_INTERVAL_MS, default 20 s) and returns its
 * tick, which the job worker also calls right after a promotion on this server.
 */
export function startCacheFollower(intervalMs = schedulerInterval(process.env.SCHEDULER_INTERVAL_MS)): { tick: () => Promise<void> } {
  if (globalForFollower.deskCacheFollower) return globalForFollower.deskCacheFollower; // dev reloads call register() again
  let running = false;
  const memory: SchedulerMemory = { revalidated: new Map() };
  const tick = async () => {
    if (running) return; // a slow database must not pile up ticks
    running = true;
    try {
      await refreshOwnCacheTick(memory, { intervalMs });
    } catch (error) {
      console.error("scheduler: reading scheduled publications failed", error);
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), intervalMs).unref();
  setTimeout(() => void tick(), Math.min(intervalMs, 3000)).unref();
  globalForFollower.deskCacheFollower = { tick };
  return globalForFollower.deskCacheFollower;
}
