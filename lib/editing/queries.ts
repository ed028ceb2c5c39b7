// Reads of the article editor and its history: one version with what the editor needs, its
// revisions (paginated), two snapshots to compare, and who else has it open.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { parseDocument } from "@/lib/rich-text/document";
import { readSnapshot, SNAPSHOT_COLUMNS, type VersionSnapshot } from "./fields";

export const PRESENCE_WINDOW_MS = 60_000;
export const REVISIONS_PAGE_SIZE = 30;

/** Cached per request: the page and its metadata both ask. */
export const getVersionForEditor = cache(async (versionId: string) => {
  const row = await db.articleVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      articleId: true,
      language: true,
      status: true,
      version: true,
      ...SNAPSHOT_COLUMNS,
      assigneeId: true,
      firstPublishedAt: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
      article: {
        select: {
          sourceLanguage: true,
          tags: { select: { tag: { select: { id: true, labels: { select: { language: true, label: true } } } } }, take: 50 },
        },
      },
    },
  });
  if (!row) return null;
  const { article, updatedBy, ...version } = row;
  const tags = article.tags.map(({ tag }) => ({
    id: tag.id,
    label: (tag.labels.find((label) => label.language === row.language) ?? tag.labels[0])?.label ?? tag.id,
  }));
  return { ...version, snapshot: readSnapshot(row), sourceLanguage: article.sourceLanguage, tags, updatedByName: updatedBy?.name ?? null };
});

/** For links that carry a story's id instead of a version's: its source-language version. */
export async function findSourceVersionId(articleId: string): Promise<string | null> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { sourceLanguage: true, versions: { select: { id: true, language: true } } },
  });
  if (!article) return null;
  return (article.versions.find((version) => version.language === article.sourceLanguage) ?? article.versions[0])?.id ?? null;
}

export type VersionForEditor = NonNullable<Awaited<ReturnType<typeof getVersionForEditor>>>;

export async function listRevisions(versionId: string, page = 1) {
  const [revisions, total] = await Promise.all([
    db.revision.findMany({
      where: { versionId },
      orderBy: { number: "desc" },
      skip: (Math.max(1, page) - 1) * REVISIONS_PAGE_SIZE,
      take: REVISIONS_PAGE_SIZE,
      select: { id: true, number: true, note: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.revision.count({ where: { versionId } }),
  ]);
  return { revisions, total, pageCount: Math.max(1, Math.ceil(total / REVISIONS_PAGE_SIZE)) };
}

/**
 * Plain text derived again from the stored body, the same way every save derives it: older
 * snapshots (the import's first revision) stored a text made differently, which would show as a
 * change that never happened.
 */
function comparable(snapshot: VersionSnapshot): VersionSnapshot {
  const body = parseDocument(snapshot.bodyJson);
  return body.ok ? { ...snapshot, bodyText: body.text } : snapshot;
}

/** The snapshots of two revisions of the same version, by number; null when either is missing. */
export async function getRevisionPair(versionId: string, from: number, to: number) {
  const rows = await db.revision.findMany({
    where: { versionId, number: { in: [from, to] } },
    select: { number: true, snapshot: true, createdAt: true, author: { select: { name: true } } },
  });
  const pick = (number: number) => {
    const row = rows.find((candidate) => candidate.number === number);
    return row
      ? { number, createdAt: row.createdAt, author: row.author?.name ?? null, snapshot: comparable(readSnapshot(row.snapshot)) }
      : null;
  };
  const before = pick(from);
  const after = pick(to);
  return before && after ? { before, after } : null;
}

/** The people other than `userId` whose editor sent a heartbeat for this version within the last minute. */
export async function listOthersPresent(versionId: string, userId: string, now = new Date()): Promise<{ id: string; name: string }[]> {
  const rows = await db.editingPresence.findMany({
    where: { versionId, userId: { not: userId }, lastSeenAt: { gte: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    orderBy: { lastSeenAt: "desc" },
    select: { user: { select: { id: true, name: true } } },
    take: 20,
  });
  return rows.map((row) => row.user);
}
