// The content API's rate limit: a fixed one-minute window per subject (a key, or a client address
// when reading without a key is allowed), counted in PostgreSQL so every app server shares it.
import "server-only";
import { db } from "@/lib/db";

export const API_WINDOW_MS = 60_000;

/** Requests per minute per subject; API_RATE_LIMIT in the environment overrides it. */
export function apiRateLimit(): number {
  const configured = Number(process.env.API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 600;
}

export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetAt: Date };

/** Counts this request (one upsert) and says whether it is within the limit. */
export async function takeApiRequest(subject: string, now = new Date()): Promise<RateDecision> {
  const windowStart = new Date(Math.floor(now.getTime() / API_WINDOW_MS) * API_WINDOW_MS);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO api_rate_windows (subject, window_start, count) VALUES (${subject}, ${windowStart}, 1)
    ON CONFLICT (subject, window_start) DO UPDATE SET count = api_rate_windows.count + 1
    RETURNING count`;
  const limit = apiRateLimit();
  const count = row?.count ?? 1;
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
