// Promotes approved versions whose scheduled time has come, in ONE statement: the UPDATE and its
// audit rows are a single data-modifying CTE, and a second server running it at the same moment
// waits on the row locks, re-checks `status = 'APPROVED'` and skips what the first one promoted.
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
