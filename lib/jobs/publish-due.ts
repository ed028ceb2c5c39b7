// The scheduled-publishing job: promotes due versions (one guarded statement, so exactly once even if
// two runs overlap), drops their pages from the shared cache when there is one, and says when the
// next version falls due before the next minute's tick, so it can be published on time.
import { refreshCachingProxies } from "@/lib/cache/proxy-refresh";
import { revalidateSharedCache, sharedCacheConfigured } from "@/lib/cache/shared-cache";
import { db } from "@/lib/db";
import { publishDueVersions, type PromotedVersion } from "@/lib/scheduler/publish-due";

/** How far ahead a run looks for the next due version (a little more than the cron interval). */
export const LOOKAHEAD_MS = 70_000;

export type PublishDueOutcome = { promoted: PromotedVersion[]; sharedCacheRevalidated: boolean; nextDueAt: Date | null };

export async function runPublishDue(now = new Date()): Promise<PublishDueOutcome> {
  const { promoted, publicChange } = await publishDueVersions(now);
  if (promoted.length) console.log(`jobs: published ${promoted.length} scheduled version(s): ${promoted.map((version) => version.id).join(", ")}`);
  let sharedCacheRevalidated = false;
  if (publicChange && sharedCacheConfigured()) {
    try {
      await revalidateSharedCache(publicChange);
      sharedCacheRevalidated = true;
      await refreshCachingProxies(publicChange);
    } catch (error) {
      // Published all the same; the pages refresh within their revalidate time (lib/public/cached.ts).
      console.error("jobs: shared cache revalidation failed", error);
    }
  }
  const next = await db.articleVersion.findFirst({
    where: { status: "APPROVED", scheduledAt: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) } },
    orderBy: { scheduledAt: "asc" },
    select: { scheduledAt: true },
  });
  return { promoted, sharedCacheRevalidated, nextDueAt: next?.scheduledAt ?? null };
}
