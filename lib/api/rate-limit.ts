// The content API's rate limit: a fixed one-minute window per subject (a key, or a client address
// when reading without a key is allowed), counted in PostgreSQL so every app server shares it.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export const API_WINDOW_MS = 60_000;

/** Requests per minute per subject; API_RATE_LIMIT in the environment overrides it. */
export function apiRateLimit(): number {
  const configured = Number(process.env.API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 600;
}

export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetAt: Date };

/**
 * Counts this request (one statement) and says whether it is within the limit. Its commit does not
 * wait for the disk: set_config(…, true) turns synchronous_commit off for this statement's own
 * transaction only. A crash may forget the last counts of a one-minute window, which a rate limit
 * can afford; no request waits on a WAL flush to be answered.
 */
export async function takeApiRequest(subject: string, now = new Date()): Promise<RateDecision> {
  const windowStart = rateWindowStart(now);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    WITH ${NO_FLUSH} ${countInWindowSql(Prisma.sql`SELECT ${subject}, ${windowStart}, 1 FROM no_flush`)}`;
  return rateDecision(row?.count ?? 1, windowStart);
}

/** A statement's WITH entry that turns synchronous_commit off for its own transaction (referenced as `no_flush`). */
export const NO_FLUSH = Prisma.sql`no_flush AS (SELECT set_config('synchronous_commit', 'off', true))`;

/** The one way a request is counted: `rows` selects (subject, window start, 1); returns the window's new count. */
export function countInWindowSql(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`INSERT INTO api_rate_windows (subject, window_start, count) ${rows}
    ON CONFLICT (subject, window_start) DO UPDATE SET count = api_rate_windows.count + 1
    RETURNING count`;
}

/** The start of the one-minute window a moment falls in. */
export function rateWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / API_WINDOW_MS) * API_WINDOW_MS);
}

/** What a window's count (this request included) means for this request. */
export function rateDecision(count: number, windowStart: Date): RateDecision {
  const limit = apiRateLimit();
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetAt: new Date(windowStart.getTime() + API_WINDOW_MS),
  };
}

/** Windows older than an hour are of no use: the job queue's sweep drops them. */
export async function sweepApiRateWindows(now = new Date()): Promise<number> {
  const { count } = await db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 60 * API_WINDOW_MS) } } });
  return count;
}
