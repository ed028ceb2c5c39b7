// Sign-in lockout: after 5 failures in 15 minutes for one account or one client address, further
// attempts are refused for a while. Attempts live in PostgreSQL so every app server sees the same
// counts, and each attempt is recorded *before* it is judged so parallel guesses cannot slip past.
import "server-only";
import { db } from "@/lib/db";

export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type LockoutState = { locked: false } | { locked: true; retryAfterMs: number };

/** Records an attempt (as failed until proven otherwise) and says whether it may proceed. */
export async function startSignInAttempt(
  email: string,
  ip: string,
  now = new Date(),
): Promise<{ attemptId: bigint; lockout: LockoutState }> {
  const attempt = await db.signInAttempt.create({
    data: { email: normaliseEmail(email), ip, succeeded: false, createdAt: now },
    select: { id: true },
  });
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const earlier = { id: { not: attempt.id } };
  const [byAccount, byAddress] = await Promise.all([
    earlierFailures({ ...earlier, email: normaliseEmail(email) }, windowStart),
    earlierFailures({ ...earlier, ip }, windowStart),
  ]);
  const lockedSince = [byAccount, byAddress]
    .filter((failures) => failures.length >= LOCKOUT_MAX_FAILURES)
    .map((failures) => failures[LOCKOUT_MAX_FAILURES - 1]!.createdAt.getTime());
  if (lockedSince.length === 0) return { attemptId: attempt.id, lockout: { locked: false } };
  const unlockAt = Math.max(...lockedSince) + LOCKOUT_WINDOW_MS;
  return { attemptId: attempt.id, lockout: { locked: true, retryAfterMs: Math.max(0, unlockAt - now.getTime()) } };
}

export async function markSignInSucceeded(attemptId: bigint): Promise<void> {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

/** The most recent failures in the window since the last success, newest first. */
async function earlierFailures(who: { id: { not: bigint } } & ({ email: string } | { ip: string }), windowStart: Date) {
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { ...who, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return db.signInAttempt.findMany({
    where: { ...who, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? windowStart } },
    orderBy: { createdAt: "desc" },
    take: LOCKOUT_MAX_FAILURES,
    select: { createdAt: true },
  });
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
