// Admin reads of import records (the raw files and what became of them).
import "server-only";
import { db } from "@/lib/db";
import type { Change } from "@/lib/import";
import { decodeWireBytes } from "@/lib/import/decode";
import { parseInPool } from "@/lib/import/parse-pool";
import { findDuplicatesOf, type StoredResult } from "@/lib/import-review/service";
import type { ImportOverrides } from "@/lib/import-review/schema";

const IMPORT_ROW = { id: true, fileName: true, byteSize: true, status: true, createdAt: true, articleId: true } as const;

/** How many waiting files the import page lists. */
export const PENDING_SHOWN = 200;

/** The files waiting for a person's review, newest first. */
export async function listPendingImports(take = PENDING_SHOWN) {
  return db.importRecord.findMany({
    where: { status: "PENDING_REVIEW" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: IMPORT_ROW,
  });
}

/** What happened lately to the others (accepted, rejected, duplicates, failures), newest first. */
export async function listRecentImports(take = 50) {
  return db.importRecord.findMany({
    where: { status: { not: "PENDING_REVIEW" } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: IMPORT_ROW,
  });
}

export async function countPendingImports() {
  return db.importRecord.count({ where: { status: "PENDING_REVIEW" } });
}

/**
 * Everything the review screen shows: the raw text, every change the pipeline can make, the
 * current result with the editor's undos, corrections, and possible duplicates. All of it is what
 * the upload and the last review save stored (the text its reader extracted, so a Word file or a
 * mail's attachment shows what was read from it): a view never parses.
 */
export async function getImportForReview(id: string) {
  const record = await db.importRecord.findUnique({
    where: { id },
    select: {
      id: true,
      fileName: true,
      status: true,
      rawBytes: true,
      wireText: true,
      result: true,
      proposedChanges: true,
      revertedChanges: true,
      overrides: true,
      articleId: true,
      createdAt: true,
      contentHash: true,
      nearDuplicateSignature: true,
      nearDuplicateBands: true,
    },
  });
  if (!record) return null;
  const rawText = record.wireText ?? decodedText(record.rawBytes);
  const allChanges = await proposedChanges(record);
  if (rawText === null || !allChanges) return null;
  return {
    id: record.id,
    fileName: record.fileName,
    status: record.status,
    articleId: record.articleId,
    rawText,
    allChanges,
    reverted: new Set(record.revertedChanges),
    article: record.result as unknown as StoredResult,
    overrides: (record.overrides ?? {}) as ImportOverrides,
    duplicates: record.status === "PENDING_REVIEW" ? await findDuplicatesOf(record, { waiting: true, exceptRecordId: record.id }) : [],
  };
}

/** Records stored before the wire text was kept were all plain text: their bytes decoded, as the pipeline did. */
function decodedText(bytes: Uint8Array): string | null {
  const decoded = decodeWireBytes(bytes);
  return decoded.ok ? decoded.text : null;
}

/**
 * The changes the pipeline proposes for a record with nothing undone. Stored since the upload;
 * records from before (or bulk-imported ones) have them in their result when nothing was undone,
 * and only an old record with undos is parsed again, in the worker pool.
 */
export async function proposedChanges(record: {
  fileName: string;
  rawBytes: Uint8Array;
  result: unknown;
  proposedChanges: unknown;
  revertedChanges: string[];
}): Promise<Change[] | null> {
  if (record.proposedChanges) return record.proposedChanges as Change[];
  if (record.revertedChanges.length === 0) return (record.result as StoredResult).changes;
  const untouched = await parseInPool({ name: record.fileName, bytes: record.rawBytes });
  return untouched.ok ? untouched.article.changes : null;
}
