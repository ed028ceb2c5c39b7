// Server-side sessions: one `user_sessions` row per signed-in browser, its id carried in the signed
// session token. Deleting the row ends that session at its next request, whatever the cookie says.
import "server-only";
import { randomBytes } from "node:crypto";
import Bowser from "bowser";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Last seen is written at most this often, so a busy desk does not write a row per request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;
const SESSION_MAX_AGE_MS = SESSION_MAX_AGE_SECONDS * 1000;
const MAX_USER_AGENT_LENGTH = 500;

const SESSION_USER_FIELDS = { id: true, email: true, name: true, role: true, locale: true, active: true, sessionVersion: true } as const;

type Client = Prisma.TransactionClient | typeof db;

export async function createSession(userId: string, client: { userAgent: string | null; ip: string }, now = new Date()): Promise<string> {
  // 256 random bits: the id is only ever read from a token signed with AUTH_SECRET, but it must not be guessable either.
  const id = randomBytes(32).toString("base64url");
  await db.userSession.create({
    data: {
      id,
      userId,
      userAgent: (client.userAgent ?? "").slice(0, MAX_USER_AGENT_LENGTH),
      ip: client.ip,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
    },
  });
  return id;
}

export type SessionClaim = { sessionId: string; userId: string; sessionVersion: number };

/**
 * The user behind a session token, or null when its row is gone or expired, the account is
 * inactive or its sessionVersion moved on. One primary-key lookup joined to the user; last seen
 * (and the sliding expiry with it) is written only when older than LAST_SEEN_INTERVAL_MS.
 */
export async function loadSessionUser({ sessionId, userId, sessionVersion }: SessionClaim, now = new Date()) {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, lastSeenAt: true, expiresAt: true, user: { select: SESSION_USER_FIELDS } },
  });
  if (!row || row.userId !== userId || row.expiresAt <= now) return null;
  if (!row.user.active || row.user.sessionVersion !== sessionVersion) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_INTERVAL_MS) {
    // Guarded on the value read, so parallel requests write it once.
    await db.userSession.updateMany({
      where: { id: sessionId, lastSeenAt: row.lastSeenAt },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS) },
    });
  }
  return row.user;
}

/** Ends one session; `userId` scopes it, so nobody ends a session that is not theirs. */
export async function endSession(sessionId: string, userId: string): Promise<number> {
  return (await db.userSession.deleteMany({ where: { id: sessionId, userId } })).count;
}

/** Ends every session of a user, but `exceptSessionId` (the one asking) when given. */
export async function endSessionsOf(userId: string, options: { exceptSessionId?: string; client?: Client } = {}): Promise<number> {
  const client = options.client ?? db;
  const except = options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {};
  return (await client.userSession.deleteMany({ where: { userId, ...except } })).count;
}

export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  return (await db.userSession.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}

export type ActiveSession = { id: string; browser: string; system: string; ip: string; createdAt: Date; lastSeenAt: Date };

export async function listActiveSessions(userId: string, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db.userSession.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map(({ userAgent, ...row }) => ({ ...row, ...describeUserAgent(userAgent) }));
}

export async function countActiveSessions(userIds: string[], now = new Date()): Promise<Map<string, number>> {
  const groups = await db.userSession.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, expiresAt: { gt: now } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.userId, group._count._all]));
}

/** "Firefox 128" and "Linux" from a user agent; empty strings when it names neither. */
export function describeUserAgent(userAgent: string): { browser: string; system: string } {
  if (!userAgent) return { browser: "", system: "" };
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split(".")[0];
  return {
    browser: [parsed.browser.name, major].filter(Boolean).join(" "),
    system: [parsed.os.name, parsed.os.versionName ?? parsed.os.version].filter(Boolean).join(" "),
  };
}
