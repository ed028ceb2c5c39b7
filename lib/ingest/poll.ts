// One poll of one source: its reader lists items; each new one (its key claimed by an ingest_items
// row, so two polls never take it twice) is loaded and staged through the import pipeline into the
// review queue, linked to an earlier copy when it is a duplicate, or made a draft at once when the
// source is trusted and the pipeline raised nothing. An item's failure is the item's; the source's
// own failure (the feed unreachable, not a feed…) counts, backs off, and pauses it at the fifth.
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
      const fresh = await newItems(source.id, batch.items);
      for (const item of fresh) {
        const outcome = await ingestItem(source, item);
        if (outcome) counts[outcome]++;
      }
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

/** The items whose key this source has never recorded (one query for the whole batch). */
async function newItems(sourceId: string, items: SourceItem[]): Promise<SourceItem[]> {
  const unique = [...new Map(items.map((item) => [item.key, item])).values()];
  const known = await db.ingestItem.findMany({
    where: { sourceId, externalKey: { in: unique.map((item) => item.key) } },
    select: { externalKey: true },
  });
  const seen = new Set(known.map((row) => row.externalKey));
  return unique.filter((item) => !seen.has(item.key));
}

function isUniqueClash(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "P2002";
}

async function ingestItem(source: IngestSource, item: SourceItem): Promise<ItemOutcome | null> {
  let claimed: { id: string };
  try {
    // The row is the claim: a poll running at the same time on another server skips this key.
    claimed = await db.ingestItem.create({
      data: { sourceId: source.id, externalKey: item.key.slice(0, 2000), url: item.url, title: item.title, status: "IN_REVIEW" },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueClash(error)) return null;
    throw error;
  }
  try {
    const file = await item.load();
    if (!source.createdById) throw new IngestError("ingest.errors.notFound");
    const { staged } = await stageUpload(file, source.createdById, `ingest:${claimed.id}`);
    const outcome = await settleStaged(source, claimed.id, staged);
    await item.settle?.({ ok: true });
    return outcome;
  } catch (error) {
    const { reason, detail } = describeError(error);
    await db.ingestItem.update({
      where: { id: claimed.id },
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
