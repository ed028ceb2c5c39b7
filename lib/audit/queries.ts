// Admin reads of the audit log: filtered, newest first, paged by id (keyset) so the thousandth page
// costs what the first does.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  action: string | null;
  actorId: string | null;
  entityType: string | null;
  entityId: string | null;
  from: string | null;
  to: string | null;
  /** Show entries older than this id (the last row of the previous page). */
  before: bigint | null;
};

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || null;
const token = (raw: string | null, max = 100) => (raw && raw.length <= max && /^[\w.:-]+$/.test(raw) ? raw : null);
const day = (raw: string | null) => (raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : null);

export function parseAuditFilters(params: SearchParams): AuditFilters {
  const before = first(params.before);
  return {
    action: token(first(params.action)),
    actorId: token(first(params.actor), 64),
    entityType: token(first(params.entityType), 64),
    entityId: token(first(params.entity), 64),
    from: day(first(params.from)),
    to: day(first(params.to)),
    before: before && /^\d{1,18}$/.test(before) ? BigInt(before) : null,
  };
}

export function auditQuery(filters: AuditFilters, before: bigint | null): string {
  const entries: [string, string | null][] = [
    ["action", filters.action],
    ["actor", filters.actorId],
    ["entityType", filters.entityType],
    ["entity", filters.entityId],
    ["from", filters.from],
    ["to", filters.to],
    ["before", before === null ? null : String(before)],
  ];
  const text = new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== null)).toString();
  return text ? `?${text}` : "";
}

export async function listAuditEntries(filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE) {
  const where: Prisma.AuditLogWhereInput = {};
  // An action ending in "." is a prefix ("workflow." = every transition).
  if (filters.action) where.action = filters.action.endsWith(".") ? { startsWith: filters.action } : filters.action;
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.from || filters.to) {
    where.at = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) } : {}),
    };
  }
  if (filters.before !== null) where.id = { lt: filters.before };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      ip: true,
      actor: { select: { id: true, name: true, email: true } },
    },
  });
  const entries = rows.slice(0, pageSize);
  return { entries, nextBefore: rows.length > pageSize ? (entries.at(-1)?.id ?? null) : null };
}

/** The distinct actions seen so far, for the filter's list: a loose index scan over (action, at),
 *  one index probe per kind of action however long the log grows. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions AS (
      SELECT min(action) AS action FROM audit_log
      UNION ALL
      SELECT (SELECT min(action) FROM audit_log WHERE action > actions.action) FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((row) => row.action);
}
