// Reading ingest sources for the desk: the list with each source's state and items today, and one
// source's page (its last success and error, and the items it produced with their reviews).
import "server-only";
import { db } from "@/lib/db";
import { storedRefusal } from "@/lib/refusal";

function startOfToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const SOURCE_FIELDS = {
  id: true,
  kind: true,
  name: true,
  url: true,
  host: true,
  username: true,
  mailbox: true,
  path: true,
  languageHint: true,
  defaultTags: true,
  pollIntervalMinutes: true,
  enabled: true,
  pausedReason: true,
  trusted: true,
  internal: true,
  nextPollAt: true,
  lastPolledAt: true,
  lastSuccessAt: true,
  lastErrorAt: true,
  lastError: true,
  lastErrorDetail: true,
  consecutiveFailures: true,
  // The password is never read back, not even sealed: only whether one is set.
  passwordEncrypted: false,
} as const;

export async function listSources() {
  const [sources, today] = await Promise.all([
    db.ingestSource.findMany({ select: SOURCE_FIELDS, orderBy: { name: "asc" } }),
    db.ingestItem.groupBy({ by: ["sourceId"], where: { fetchedAt: { gte: startOfToday() } }, _count: { _all: true } }),
  ]);
  const counts = new Map(today.map((row) => [row.sourceId, row._count._all]));
  return sources.map((source) => ({
    ...source,
    lastError: storedRefusal(source.lastError),
    itemsToday: counts.get(source.id) ?? 0,
  }));
}

export type SourceRow = Awaited<ReturnType<typeof listSources>>[number];

/** The sources that paused themselves after failed polls (the dashboard says so until a person acts). */
export async function listSelfPausedSources() {
  const sources = await db.ingestSource.findMany({
    where: { enabled: false, pausedReason: "failures" },
    select: { id: true, name: true, consecutiveFailures: true, lastError: true },
    orderBy: { name: "asc" },
    take: 20,
  });
  return sources.map((source) => ({ ...source, lastError: storedRefusal(source.lastError) }));
}

export async function getSource(id: string) {
  const source = await db.ingestSource.findUnique({ where: { id }, select: SOURCE_FIELDS });
  if (!source) return null;
  const [itemsToday, items] = await Promise.all([
    db.ingestItem.count({ where: { sourceId: id, fetchedAt: { gte: startOfToday() } } }),
    db.ingestItem.findMany({
      where: { sourceId: id },
      orderBy: { fetchedAt: "desc" },
      take: 100,
      select: {
        id: true,
        externalKey: true,
        url: true,
        title: true,
        status: true,
        error: true,
        errorDetail: true,
        importRecordId: true,
        articleId: true,
        fetchedAt: true,
      },
    }),
  ]);
  return {
    ...source,
    lastError: storedRefusal(source.lastError),
    itemsToday,
    items: items.map((item) => ({ ...item, error: storedRefusal(item.error) })),
  };
}

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;
