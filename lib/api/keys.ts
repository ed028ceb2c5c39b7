// Content API keys: made, shown once, stored as a SHA-256 hash, looked up (and counted against the
// rate limit) on every API request, revoked by an admin. A key reads published content only; there is no other kind.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { countInWindowSql, NO_FLUSH, rateDecision, rateWindowStart, type RateDecision } from "./rate-limit";

const KEY_PREFIX = "cms_";
/** Shown in lists beside the name: the prefix and the first characters of the secret. */
const SHOWN_LENGTH = KEY_PREFIX.length + 6;
const LAST_USED_GRANULARITY_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Creates a key and returns it in full: the only time anyone sees it. */
export async function createApiKey(name: string, actorId: string, ip: string | null): Promise<{ id: string; key: string }> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name, prefix: key.slice(0, SHOWN_LENGTH), hash: hashApiKey(key), createdById: actorId },
      select: { id: true },
    });
    await writeAudit({ actorId, action: "apiKey.create", entityType: "apiKey", entityId: row.id, details: { name }, ip }, tx);
    return { id: row.id, key };
  });
}

/** Revoking is final: a revoked key is refused from the next request on, on every server. */
export async function revokeApiKey(id: string, actorId: string, ip: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 1) await writeAudit({ actorId, action: "apiKey.revoke", entityType: "apiKey", entityId: id, ip }, tx);
    return count === 1;
  });
}

export type ApiKeyAdmission = { status: "valid"; keyId: string; rate: RateDecision } | { status: "unknown" } | { status: "revoked" };

/**
 * Whether a presented key may read, and this request counted in the key's rate window; records the
 * key's use (at most once a minute). One statement, one round trip: the key found by its hash, the
 * window's upsert (as takeApiRequest, commit without waiting for the disk) and the use recorded.
 */
export async function admitKeyRequest(presented: string, now = new Date()): Promise<ApiKeyAdmission> {
  if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return { status: "unknown" };
  const windowStart = rateWindowStart(now);
  const usedBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  const [row] = await db.$queryRaw<{ id: string; revoked: boolean; count: number | null }[]>`
    WITH ${NO_FLUSH},
         key AS (SELECT id, revoked_at FROM api_keys WHERE hash = ${hashApiKey(presented)}),
         counted AS (
           ${countInWindowSql(Prisma.sql`SELECT 'key:' || key.id, ${windowStart}, 1 FROM key, no_flush WHERE key.revoked_at IS NULL`)}),
         used AS (
           UPDATE api_keys SET last_used_at = ${now}
            WHERE id = (SELECT id FROM key WHERE revoked_at IS NULL)
              AND (last_used_at IS NULL OR last_used_at <= ${usedBefore})
           RETURNING id)
    SELECT key.id, key.revoked_at IS NOT NULL AS revoked, (SELECT count FROM counted) AS count FROM key`;
  if (!row) return { status: "unknown" };
  if (row.revoked) return { status: "revoked" };
  return { status: "valid", keyId: row.id, rate: rateDecision(row.count ?? 1, windowStart) };
}

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: string | null;
};

export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const rows = await db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdBy: createdBy?.name ?? null }));
}
