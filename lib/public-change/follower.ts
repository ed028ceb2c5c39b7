// Each app server's own page cache when there is no shared cache (no REDIS_URL): the consumer drops
// the pages of the server that drains a change, but every other server must drop its own too, so each
// one follows the outbox (the shared record of every public change, public_change_outbox) and calls
// its own signed route, since Next cannot revalidate outside a request.
import "server-only";
import { db } from "@/lib/db";
import { mergePublicChanges, type PublicChange } from "./change";
import { requestRevalidation } from "./this-server";

const DEFAULT_INTERVAL_MS = 20_000;

export function schedulerInterval(raw: string | undefined): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1000 && value <= 3_600_000 ? value : DEFAULT_INTERVAL_MS;
}

/** What one server remembers between ticks: which outbox rows it already revalidated. A cache of work done, not the truth. */
export type SchedulerMemory = { revalidated: Map<bigint, number> };

type TickOptions = { now?: Date; intervalMs?: number; revalidate?: (change: PublicChange) => Promise<void> };

/** Public changes recorded between two times, whichever server wrote them. */
export async function listPublicChangesBetween(since: Date, until: Date): Promise<{ id: bigint; change: PublicChange }[]> {
  const rows = await db.publicChangeOutbox.findMany({
    where: { createdAt: { gte: since, lte: until } },
    orderBy: { id: "asc" },
    take: 1000,
    select: { id: true, articleIds: true, languages: true, tagIds: true, mediaIds: true },
  });
  return rows.map(({ id, ...change }) => ({ id, change }));
}

/**
 * Drops this server's cached pages for every public change of the last few intervals it has not
 * handled yet, whichever server wrote it. Returns how many it handled.
 */
export async function refreshOwnCacheTick(memory: SchedulerMemory, options: TickOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  // A window of a few intervals either side: other servers' clocks and commits differ a little from ours.
  const lookbackMs = Math.max(3 * intervalMs, 120_000);
  const recent = await listPublicChangesBetween(new Date(now.getTime() - lookbackMs), new Date(now.getTime() + lookbackMs));
  const fresh = recent.filter((entry) => !memory.revalidated.has(entry.id));
  if (fresh.length) {
    try {
      await (options.revalidate ?? ((change) => requestRevalidation(change)))(mergePublicChanges(fresh.map((entry) => entry.change)));
      for (const entry of fresh) memory.revalidated.set(entry.id, now.getTime());
    } catch (error) {
      // Tried again next tick; meanwhile the public queries' publishedAt <= now filter still holds.
      console.error("cache follower: revalidation failed", error);
    }
  }
  for (const [id, at] of memory.revalidated) if (at < now.getTime() - 2 * lookbackMs) memory.revalidated.delete(id);
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
      console.error("cache follower: reading the outbox failed", error);
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), intervalMs).unref();
  setTimeout(() => void tick(), Math.min(intervalMs, 3000)).unref();
  globalForFollower.deskCacheFollower = { tick };
  return globalForFollower.deskCacheFollower;
}
