// One poll of one source: its reader lists items; the new ones are claimed in the feed's order by
// ingest_items rows (so two polls never take one twice), then loaded and staged through the import
// pipeline a few at a time into the review queue, linked to an earlier copy when it is a duplicate,
// or made a draft at once when the source is trusted and the pipeline raised nothing. An item's
// failure is the item's; the source's own failure (the feed unreachable, not a feed…) counts, backs
// off, and pauses it at the fifth.
import "server-only";
import { db } from "@/lib/db";
import type { IngestSource, Prisma } from "@/lib/generated/prisma/client";
import { acceptImport, type StagedRecord } from "@/lib/import-review/service";
import { stageUpload } from "@/lib/import-review/upload";
import { Refusal } from "@/lib/refusal";
import { applyLanguageHint } from "./defaults";
import { describeError, IngestError } from "./errors";
import { READERS } from "./sources";
import type { SourceItem } from "./sources/types";

/** Failed polls in a row after which a source pauses itself. */
export const MAX_CONSECUTIVE_FAILURES = 5;
/** The longest a failing source waits between two polls. */
const MAX_BACKOFF_MINUTES = 24 * 60;
/**
 * Items loaded and staged at once. Each one mostly waits (its page, the parse in the worker pool,
 * the database), so a few in flight multiply the rate; more would only queue behind the parse pool
 * and the database pool, and hold more pages in memory.
 */
const ITEMS_IN_FLIGHT = 8;

export type PollOutcome =
  | { status: "notModified" }
  | { status: "polled"; inReview: number; drafted: number; duplicates: number; failed: number; seen: number }
  | { status: "failed"; code: string; paused: boolean };

type ItemOutcome = "IN_REVIEW" | "DRAFTED" | "DUPLICATE" | "FAILED";

export async function pollSource(sourceId: string, now: () => Date = () => new Date()): Promise<PollOutcome> {
  const source = await db.ingestSource.findUnique({ where: { id: sourceId } });
  if (!source) throw new IngestError("ingest.errors.notFound");
  const startedAt = now();
  try {
    const batch = await READERS[source.kind](source);
    if (batch.notModified) {
      await recordSuccess(source, startedAt, null);
      return { status: "notModified" };
    }
    const counts = { IN_REVIEW: 0, DRAFTED: 0, DUPLICATE: 0, FAILED: 0 };
    try {
      const claimed = await claimNewItems(source.id, batch.items);
      await forEachAtMost(claimed, ITEMS_IN_FLIGHT, async ({ id, item }) => {
        counts[await ingestItem(source, id, item)]++;
      });
    } finally {
      await batch.close?.();
    }
    await recordSuccess(source, startedAt, batch.validators ?? null);
    return {
      status: "polled",
      inReview: counts.IN_REVIEW,
      drafted: counts.DRAFTED,
      duplicates: counts.DUPLICATE,
      failed: counts.FAILED,
      seen: batch.items.length,
    };
  } catch (error) {
    const { reason, detail } = describeError(error);
    const paused = await recordFailure(source, startedAt, reason as unknown as Prisma.InputJsonValue, detail);
    return { status: "failed", code: reason.code, paused };
  }
}

/**
 * Claims the items this source has never recorded, in one statement: a row per new key (a poll on
 * another server at the same time skips the keys it finds, as this one skips its). The rows are
 * written in the feed's order a millisecond apart, so the source's list keeps that order however
 * the items then finish.
 */
async function claimNewItems(sourceId: string, items: SourceItem[]): Promise<{ id: string; item: SourceItem }[]> {
  const byKey = new Map<string, SourceItem>();
  for (const item of items) {
    const key = item.key.slice(0, 2000);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  const claimedAt = Date.now();
  const rows = await db.ingestItem.createManyAndReturn({
    data: [...byKey].map(([key, item], index) => ({
      sourceId,
      externalKey: key,
      url: item.url,
      title: item.title,
      status: "IN_REVIEW" as const,
      fetchedAt: new Date(claimedAt + index),
    })),
    skipDuplicates: true,
    select: { id: true, externalKey: true, fetchedAt: true },
  });
  return rows
    .sort((a, b) => a.fetchedAt.getTime() - b.fetchedAt.getTime())
    .map((row) => ({ id: row.id, item: byKey.get(row.externalKey)! }));
}

/**
 * Runs work on every item, at most limit at once, taken in order. Waits for all of them even when
 * one throws (the batch is closed only after), then throws the first error.
 */
async function forEachAtMost<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  const failure = (await Promise.allSettled(workers)).find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}

/** Loads and stages one claimed item; whatever happens is written on its row and told to its reader. */
async function ingestItem(source: IngestSource, claimedId: string, item: SourceItem): Promise<ItemOutcome> {
  try {
    const file = await item.load();
    if (!source.createdById) throw new IngestError("ingest.errors.notFound");
    const { staged } = await stageUpload(file, source.createdById, `ingest:${claimedId}`);
    const outcome = await settleStaged(source, claimedId, staged);
    await item.settle?.({ ok: true });
    return outcome;
  } catch (error) {
    const { reason, detail } = describeError(error);
    await db.ingestItem.update({
      where: { id: claimedId },
      data: { status: "FAILED", error: reason as unknown as Prisma.InputJsonValue, errorDetail: detail },
    });
    await item.settle?.({ ok: false, reason: detail ?? reason.code });
    return "FAILED";
  }
}

/** Where a staged item ends: linked to its earlier copy, a draft (trusted, no warning), or in review. */
async function settleStaged(source: IngestSource, itemId: string, staged: StagedRecord): Promise<ItemOutcome> {
  const [duplicate] = staged.duplicates;
  if (duplicate) {
    // Never imported twice: the new record is set aside and the item points at the earlier copy.
    await db.importRecord.updateMany({
      where: { id: staged.recordId, status: "PENDING_REVIEW" },
      data: { status: "REJECTED", reviewedAt: new Date() },
    });
    await db.ingestItem.update({
      where: { id: itemId },
      data: duplicate.waiting
        ? { status: "DUPLICATE", importRecordId: duplicate.recordId }
        : { status: "DUPLICATE", articleId: duplicate.articleId, importRecordId: staged.recordId },
    });
    return "DUPLICATE";
  }
  // Linked before any accept: the accept gives the source's default tags to the draft through it.
  await db.ingestItem.update({ where: { id: itemId }, data: { status: "IN_REVIEW", importRecordId: staged.recordId } });
  await applyLanguageHint(source, staged.recordId, staged.article.language);
  if (source.trusted && source.createdById && staged.article.warnings.length === 0) {
    try {
      await acceptImport(staged.recordId, source.createdById);
      return "DRAFTED";
    } catch (error) {
      // A flagged removal to confirm, a copy accepted meanwhile: a person decides, as for any item.
      if (!(error instanceof Refusal)) throw error;
    }
  }
  return "IN_REVIEW";
}

async function recordSuccess(
  source: IngestSource,
  at: Date,
  validators: { etag: string | null; lastModified: string | null } | null,
): Promise<void> {
  await db.ingestSource.update({
    where: { id: source.id },
    data: {
      lastPolledAt: at,
      lastSuccessAt: at,
      consecutiveFailures: 0,
      nextPollAt: new Date(at.getTime() + source.pollIntervalMinutes * 60_000),
      ...(validators ? { etag: validators.etag, lastModified: validators.lastModified } : {}),
    },
  });
}

/** Counts a failed poll, waits twice as long after each, pauses the source at the fifth; true when paused. */
async function recordFailure(source: IngestSource, at: Date, error: Prisma.InputJsonValue, detail: string | null): Promise<boolean> {
  const failures = source.consecutiveFailures + 1;
  const paused = failures >= MAX_CONSECUTIVE_FAILURES;
  const backoffMinutes = Math.min(source.pollIntervalMinutes * 2 ** (failures - 1), MAX_BACKOFF_MINUTES);
  await db.ingestSource.update({
    where: { id: source.id },
    data: {
      lastPolledAt: at,
      lastErrorAt: at,
      lastError: error,
      lastErrorDetail: detail,
      consecutiveFailures: failures,
      nextPollAt: new Date(at.getTime() + backoffMinutes * 60_000),
      ...(paused ? { enabled: false, pausedReason: "failures" } : {}),
    },
  });
  return paused;
}
