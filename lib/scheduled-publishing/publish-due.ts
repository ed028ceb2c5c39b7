// Scheduled publishing, the job's whole work: promotes approved versions whose time has come in ONE
// statement (the UPDATE and its audit rows are a single data-modifying CTE, and a second server
// running it at the same moment waits on the row locks, re-checks `status = 'APPROVED'` and skips
// what the first one promoted), drops their pages from the shared cache when there is one, and says
// when the next version falls due before the next minute's tick, so it can be published on time.
import { refreshCachingProxies } from "@/lib/cache/proxy-refresh";
import { revalidateSharedCache, sharedCacheConfigured } from "@/lib/cache/shared-cache";
import { db } from "@/lib/db";
import { publicChangeFor, type PublicChange } from "@/lib/workflow/service";

export type PromotedVersion = { id: string; articleId: string; language: string };

export async function publishDueVersions(now: Date = new Date()): Promise<{ promoted: PromotedVersion[]; publicChange: PublicChange }> {
  const rows = await db.$queryRaw<{ id: string; article_id: string; language: string }[]>`
    WITH promoted AS (
      UPDATE article_versions
         SET status = 'PUBLISHED',
             published_at = scheduled_at,
             first_published_at = coalesce(first_published_at, scheduled_at),
             scheduled_at = NULL,
             version = version + 1,
             updated_at = ${now}
       WHERE status = 'APPROVED' AND scheduled_at <= ${now}
   RETURNING id, article_id, language, published_at
    ), audited AS (
      INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, details)
      SELECT ${now}, NULL, 'workflow.scheduledPublish', 'articleVersion', id,
             jsonb_build_object('articleId', article_id, 'language', language, 'from', 'APPROVED', 'to', 'PUBLISHED', 'publishedAt', published_at)
        FROM promoted
    )
    SELECT id, article_id, language FROM promoted`;
  const promoted = rows.map((row) => ({ id: row.id, articleId: row.article_id, language: row.language }));
  const publicChange = promoted.length
    ? await publicChangeFor(
        promoted.map((row) => row.articleId),
        promoted.map((row) => row.language),
      )
    : null;
  return { promoted, publicChange };
}

/**
 * Scheduled publications recorded between two times, whoever promoted them: each server drops its own
 * cached reader pages for these, so a version promoted by another server shows everywhere too.
 */
export async function listScheduledPublicationsBetween(
  since: Date,
  until: Date,
): Promise<{ auditId: bigint; articleId: string; language: string }[]> {
  const rows = await db.auditLog.findMany({
    where: { action: "workflow.scheduledPublish", at: { gte: since, lte: until } },
    orderBy: { id: "asc" },
    take: 1000,
    select: { id: true, details: true },
  });
  return rows.flatMap((row) => {
    const details = row.details as { articleId?: unknown; language?: unknown } | null;
    return typeof details?.articleId === "string" && typeof details.language === "string"
      ? [{ auditId: row.id, articleId: details.articleId, language: details.language }]
      : [];
  });
}

/** How far ahead a run looks for the next due version (a little more than the cron interval). */
export const LOOKAHEAD_MS = 70_000;

export type PublishDueOutcome = { promoted: PromotedVersion[]; sharedCacheRevalidated: boolean; nextDueAt: Date | null };

export async function runPublishDue(now = new Date()): Promise<PublishDueOutcome> {
  const { promoted, publicChange } = await publishDueVersions(now);
  if (promoted.length)
    console.log(`jobs: published ${promoted.length} scheduled version(s): ${promoted.map((version) => version.id).join(", ")}`);
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
