// The tag scans an accepted import still owes (pending_tag_scans, written in the accept's own
// transaction): done right after the accept when it can be, else by this queue's job, every minute
// and once at each server's start, so a scan cut short by a crash or a restart is never lost.
import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { suggestTagsForArticle } from "@/lib/tags/suggest";

export const TAG_SCANS_QUEUE = "tag-scans";
const TAG_SCANS_CRON = "* * * * *";

/** Scans one article's text for tag suggestions, then drops what it owed. Safe to run twice. */
export async function settleTagScan(articleId: string): Promise<number> {
  const { created } = await suggestTagsForArticle(articleId);
  await db.pendingTagScan.deleteMany({ where: { articleId } });
  return created;
}

/**
 * Does every scan still owed, oldest first. Each is claimed with SKIP LOCKED, so two servers never
 * scan one article at once; one that fails is logged, left owed for the next run, and skipped here.
 */
export async function runPendingTagScans(): Promise<{ scanned: number; failed: number }> {
  const failed: string[] = [];
  let scanned = 0;
  for (;;) {
    const claimed = await db.$transaction(
      async (tx) => {
        const [next] = await tx.$queryRaw<{ article_id: string }[]>`
        SELECT article_id FROM pending_tag_scans WHERE article_id <> ALL(${failed}::text[])
        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!next) return null;
        try {
          await suggestTagsForArticle(next.article_id);
          // Through the claiming transaction: its row lock would make any other connection wait.
          await tx.pendingTagScan.deleteMany({ where: { articleId: next.article_id } });
        } catch (error) {
          console.error(`jobs: tag scan of article ${next.article_id} failed, kept for the next run`, error);
          failed.push(next.article_id);
        }
        return next.article_id;
      },
      { timeout: 60_000 },
    );
    if (claimed === null) return { scanned, failed: failed.length };
    if (!failed.includes(claimed)) scanned++;
  }
}

export async function startTagScanJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(TAG_SCANS_QUEUE, { name: TAG_SCANS_QUEUE, retryLimit: 1, retryDelay: 30, expireInSeconds: 600 });
  await boss.schedule(TAG_SCANS_QUEUE, TAG_SCANS_CRON, {}, { tz: "UTC" });
  await boss.work(TAG_SCANS_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    const { scanned, failed } = await runPendingTagScans();
    if (scanned || failed) console.log(`jobs: ${scanned} owed tag scan(s) done, ${failed} failed`);
  });
  // Scans owed when every server stopped are done now, not at the next minute.
  await boss.send(TAG_SCANS_QUEUE, {}, { singletonKey: "catch-up", singletonSeconds: 10 });
}
