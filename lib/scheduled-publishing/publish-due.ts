// Scheduled publishing, the job's whole work: promotes approved versions whose time has come in ONE
// statement (the UPDATE, its audit rows and its public-change outbox row are a single data-modifying
// CTE, and a second server running it at the same moment waits on the row locks, re-checks
// `status = 'APPROVED'` and skips what the first one promoted), drains the outbox at once
// (lib/public-change), and says when the next version falls due before the next minute's tick, so it
// can be published on time.
import "server-only";
import { db } from "@/lib/db";
import type { PublicChange } from "@/lib/public-change/change";
import { processPublicChanges, type DrainOutcome } from "@/lib/public-change/consumer";

export type PromotedVersion = { id: string; articleId: string; language: string };

export async function publishDueVersions(
  now: Date = new Date(),
): Promise<{ promoted: PromotedVersion[]; publicChange: PublicChange | null }> {
  const rows = await db.$queryRaw<{ id: string; article_id: string; language: string; change: PublicChange | null }[]>`
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
    ), changed AS (
      -- What lib/public-change/record.ts records for a write, in the same statement: the stories,
      -- their languages and their tags (the CTE sees the tags as they were, which promotion leaves alone).
      INSERT INTO public_change_outbox (article_ids, languages, tag_ids, media_ids)
      SELECT array_agg(DISTINCT article_id), array_agg(DISTINCT language),
             coalesce((SELECT array_agg(DISTINCT tag_id) FROM article_tags WHERE article_id IN (SELECT article_id FROM promoted)), '{}'),
             '{}'
        FROM promoted
      HAVING count(*) > 0
   RETURNING article_ids, languages, tag_ids, media_ids
    )
    SELECT id, article_id, language,
           (SELECT jsonb_build_object('articleIds', article_ids, 'languages', languages, 'tagIds', tag_ids, 'mediaIds', media_ids) FROM changed) AS change
      FROM promoted`;
  const promoted = rows.map((row) => ({ id: row.id, articleId: row.article_id, language: row.language }));
  return { promoted, publicChange: rows[0]?.change ?? null };
}

/** How far ahead a run looks for the next due version (a little more than the cron interval). */
export const LOOKAHEAD_MS = 70_000;

export type PublishDueOutcome = { promoted: PromotedVersion[]; publicChanges: DrainOutcome; nextDueAt: Date | null };

export async function runPublishDue(now = new Date()): Promise<PublishDueOutcome> {
  const { promoted } = await publishDueVersions(now);
  if (promoted.length)
    console.log(`jobs: published ${promoted.length} scheduled version(s): ${promoted.map((version) => version.id).join(", ")}`);
  // Published all the same if this fails: the outbox keeps the change for the public-changes job.
  const publicChanges = promoted.length ? await processPublicChanges() : { done: 0, failed: 0 };
  const next = await db.articleVersion.findFirst({
    where: { status: "APPROVED", scheduledAt: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) } },
    orderBy: { scheduledAt: "asc" },
    select: { scheduledAt: true },
  });
  return { promoted, publicChanges, nextDueAt: next?.scheduledAt ?? null };
}
