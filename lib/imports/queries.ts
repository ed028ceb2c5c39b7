// Admin reads of import records (the raw files and what became of them).
import { db } from "@/lib/db";
import { importWireText, type ParsedArticle } from "@/lib/import";
import { decodeWireBytes } from "@/lib/import/decode";
import { findDuplicates } from "@/lib/imports/service";
import type { ImportOverrides } from "@/lib/imports/schema";

export async function listRecentImports(take = 50) {
  return db.importRecord.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, fileName: true, byteSize: true, status: true, createdAt: true, articleId: true },
  });
}

export async function countPendingImports() {
  return db.importRecord.count({ where: { status: "PENDING_REVIEW" } });
}

/** Everything the review screen shows: the raw text, every change the pipeline can make, the
 *  current result with the editor's undos, corrections, and possible duplicates. */
export async function getImportForReview(id: string) {
  const record = await db.importRecord.findUnique({
    where: { id },
    select: { id: true, fileName: true, status: true, rawBytes: true, revertedChanges: true, overrides: true, articleId: true, createdAt: true },
  });
  if (!record) return null;
  const decoded = decodeWireBytes(record.rawBytes);
  const untouched = importWireText(record.rawBytes, { fileName: record.fileName });
  const current = importWireText(record.rawBytes, { fileName: record.fileName, revertChanges: record.revertedChanges });
  if (!decoded.ok || !untouched.ok || !current.ok) return null;
  return {
    id: record.id,
    fileName: record.fileName,
    status: record.status,
    articleId: record.articleId,
    rawText: decoded.text,
    allChanges: untouched.article.changes,
    reverted: new Set(record.revertedChanges),
    article: current.article as ParsedArticle,
    overrides: (record.overrides ?? {}) as ImportOverrides,
    duplicates: record.status === "PENDING_REVIEW" ? await findDuplicates(current.article, { waiting: true, exceptRecordId: record.id }) : [],
  };
}
