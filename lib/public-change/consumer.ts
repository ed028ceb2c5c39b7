// The one consumer of the outbox (public_change_outbox): takes the pending changes, drops their pages
// from the cache, refreshes the caching proxies, queues and sends the webhooks (lib/webhooks),
// and marks the rows done only once all of that succeeded. It runs right after a write's commit
// (after-commit.ts), after each scheduled promotion, and as a job every minute and at start
// (lib/jobs/start.ts), so a server dying between commit and refresh leaves its rows to the next run.
// Every step is idempotent: a change processed twice costs a second refresh, nothing more.
import "server-only";
import { refreshCachingProxies } from "@/lib/cache/proxy-refresh";
import { revalidateSharedCache, sharedCacheConfigured } from "@/lib/cache/shared-cache";
import { db } from "@/lib/db";
import { sendDueWebhooks } from "@/lib/webhooks/deliver";
import { queueWebhookDeliveries } from "@/lib/webhooks/events";
import { mergePublicChanges, publicChangeTags, type PublicChange } from "./change";
import { requestRevalidation } from "./this-server";

/** A consumer holds the rows it took this long; if it dies, another one takes them over afterwards. */
export const LEASE_SECONDS = 60;
/** After a failed delivery the rows wait this long, so each write's fast path does not hammer a dead proxy. */
export const RETRY_AFTER_SECONDS = 10;
const BATCH_SIZE = 100;

/** Everything a change does outside the database, in order: cache first, so whatever fetches next gets the new page. */
export async function deliverPublicChange(change: PublicChange): Promise<void> {
  // With the shared cache one delete reaches every app server; without it this server drops its own
  // pages and the others follow the outbox (follower.ts).
  if (sharedCacheConfigured()) await revalidateSharedCache(publicChangeTags(change));
  else await requestRevalidation(change);
  await refreshCachingProxies(change);
  // Webhooks after the cache, so a receiver that fetches the page gets the new one. Queued here (in
  // one transaction with what was announced), sent at once without holding the outbox: a receiver
  // that is down has its own retries (lib/webhooks/deliver.ts).
  if (await queueWebhookDeliveries(change)) void sendDueWebhooks().catch((error) => console.error("webhooks: sending failed", error));
}

type ClaimedRow = { id: bigint; article_ids: string[]; languages: string[]; tag_ids: string[]; media_ids: string[] };

/** Takes pending rows no live consumer holds (SKIP LOCKED: two servers never take the same row at once). */
async function claimPending(limit: number): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE public_change_outbox
       SET claimed_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
     WHERE id IN (SELECT id FROM public_change_outbox
                   WHERE done_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                   ORDER BY id LIMIT ${limit}
                     FOR UPDATE SKIP LOCKED)
 RETURNING id, article_ids, languages, tag_ids, media_ids`;
}

export type DrainOutcome = { done: number; failed: number };

/** Delivers every pending change (in batches, one delivery per batch); never throws for a failed delivery. */
export async function processPublicChanges(): Promise<DrainOutcome> {
  const outcome: DrainOutcome = { done: 0, failed: 0 };
  for (;;) {
    const rows = await claimPending(BATCH_SIZE);
    if (rows.length === 0) return outcome;
    const ids = rows.map((row) => row.id.toString());
    const change = mergePublicChanges(
      rows.map((row) => ({ articleIds: row.article_ids, languages: row.languages, tagIds: row.tag_ids, mediaIds: row.media_ids })),
    );
    try {
      await deliverPublicChange(change);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.$executeRaw`
        UPDATE public_change_outbox SET claimed_until = now() + make_interval(secs => ${RETRY_AFTER_SECONDS}), last_error = ${message}
         WHERE id = ANY(${ids}::bigint[])`;
      console.error(`public changes: delivery failed, ${rows.length} change(s) kept for the next run:`, message);
      outcome.failed += rows.length;
      return outcome;
    }
    await db.$executeRaw`
      UPDATE public_change_outbox SET done_at = now(), claimed_until = NULL, last_error = NULL WHERE id = ANY(${ids}::bigint[])`;
    outcome.done += rows.length;
    if (rows.length < BATCH_SIZE) return outcome;
  }
}

/** Delivered rows are kept a day (each server's follower reads only the last few minutes), then dropped; pending ones never. */
export async function pruneDeliveredChanges(): Promise<number> {
  return db.$executeRaw`DELETE FROM public_change_outbox WHERE done_at < now() - interval '1 day'`;
}
