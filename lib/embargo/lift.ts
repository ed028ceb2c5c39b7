// Lifting embargoes, the job's whole work: ONE guarded UPDATE clears every embargo whose time has
// come, in a transaction that also writes its audit rows and the public change (lib/public-change),
// so a second server lifting at the same moment waits on the row locks, re-checks
// `embargoed_until <= now` and skips what the first one lifted: each lift happens, and is announced,
// exactly once. A published version goes out at its embargo time (also its first publication time
// when this publication was its first); other states only lose the embargo.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicChange } from "@/lib/public-change/change";
import { processPublicChanges, type DrainOutcome } from "@/lib/public-change/consumer";
import { recordPublicChange } from "@/lib/public-change/record";

export type LiftedVersion = { id: string; articleId: string; language: string; published: boolean };

type LiftedRow = { id: string; article_id: string; language: string; status: string; published_at: Date | null };

/**
 * Lifts the embargoes due at `now` (or, with `versionIds`, only those versions', whatever their
 * time: an editor clearing an embargo). `actorId` is who lifted it (null for the job).
 */
export async function liftEmbargoes(
  tx: Prisma.TransactionClient,
  { now, actorId = null, versionIds }: { now: Date; actorId?: string | null; versionIds?: string[] },
): Promise<{ lifted: LiftedVersion[]; publicChange: PublicChange | null }> {
  const which = versionIds ? Prisma.sql`id = ANY(${versionIds}::text[])` : Prisma.sql`embargoed_until <= ${now}`;
  const rows = await tx.$queryRaw<LiftedRow[]>`
    UPDATE article_versions
       SET published_at = CASE WHEN status = 'PUBLISHED' THEN greatest(published_at, least(embargoed_until, ${now})) ELSE published_at END,
           first_published_at = CASE WHEN status = 'PUBLISHED' AND first_published_at = published_at
                                     THEN greatest(published_at, least(embargoed_until, ${now})) ELSE first_published_at END,
           embargoed_until = NULL,
           version = version + 1,
           updated_at = ${now}
     WHERE embargoed_until IS NOT NULL AND ${which}
 RETURNING id, article_id, language, status::text, published_at`;
  if (rows.length === 0) return { lifted: [], publicChange: null };
  await tx.auditLog.createMany({
    data: rows.map((row) => ({
      at: now,
      actorId,
      action: "workflow.embargoLifted",
      entityType: "articleVersion",
      entityId: row.id,
      details: {
        articleId: row.article_id,
        language: row.language,
        status: row.status,
        publishedAt: row.published_at?.toISOString() ?? null,
      },
    })),
  });
  const published = rows.filter((row) => row.status === "PUBLISHED");
  const publicChange = published.length
    ? await recordPublicChange(tx, { articleIds: published.map((row) => row.article_id), languages: published.map((row) => row.language) })
    : null;
  const lifted = rows.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    language: row.language,
    published: row.status === "PUBLISHED",
  }));
  return { lifted, publicChange };
}

/** Lifts what is due in its own transaction. */
export async function liftDueEmbargoes(now = new Date()): Promise<{ lifted: LiftedVersion[]; publicChange: PublicChange | null }> {
  return db.$transaction((tx) => liftEmbargoes(tx, { now }));
}

/** How far ahead a run looks for the next embargo to lift (a little more than the cron interval). */
export const LOOKAHEAD_MS = 70_000;

export type LiftOutcome = { lifted: LiftedVersion[]; publicChanges: DrainOutcome; nextDueAt: Date | null };

export async function runLiftDue(now = new Date()): Promise<LiftOutcome> {
  const { lifted } = await liftDueEmbargoes(now);
  if (lifted.length) console.log(`jobs: lifted ${lifted.length} embargo(es): ${lifted.map((version) => version.id).join(", ")}`);
  // Lifted all the same if this fails: the outbox keeps the change for the public-changes job.
  const publicChanges = lifted.some((version) => version.published) ? await processPublicChanges() : { done: 0, failed: 0 };
  const next = await db.articleVersion.findFirst({
    where: { embargoedUntil: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) } },
    orderBy: { embargoedUntil: "asc" },
    select: { embargoedUntil: true },
  });
  return { lifted, publicChanges, nextDueAt: next?.embargoedUntil ?? null };
}
