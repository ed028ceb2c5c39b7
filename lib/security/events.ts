// Security events an admin reviews beside the sign-in lockouts: what was refused, where and from
// which origin and address, never the request's body. Written by proxy.ts, read by /admin/security.
import "server-only";
import { db } from "@/lib/db";
import { LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MS } from "@/lib/auth/lockout";

export type SecurityEventKind = "forgedOrigin";

const MAX_FIELD_LENGTH = 300;

export async function recordSecurityEvent(event: { kind: SecurityEventKind; path: string; origin: string; ip: string }): Promise<void> {
  await db.securityEvent.create({
    data: {
      kind: event.kind,
      path: event.path.slice(0, MAX_FIELD_LENGTH),
      origin: event.origin.slice(0, MAX_FIELD_LENGTH),
      ip: event.ip.slice(0, MAX_FIELD_LENGTH),
    },
  });
}

export async function listSecurityEvents(take = 100) {
  return db.securityEvent.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, path: true, origin: true, ip: true, createdAt: true },
  });
}

/** Accounts and addresses with at least as many failures in the last window as lock them out. */
export async function listRecentLockouts(now = new Date()) {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const [accounts, addresses] = await Promise.all(
    (["email", "ip"] as const).map((by) =>
      db.signInAttempt.groupBy({
        by: [by],
        where: { succeeded: false, createdAt: { gte: since } },
        _count: { _all: true },
        _max: { createdAt: true },
        having: { id: { _count: { gte: LOCKOUT_MAX_FAILURES } } },
        orderBy: { _max: { createdAt: "desc" } },
        take: 50,
      }),
    ),
  );
  const row = (who: string, group: { _count: { _all: number }; _max: { createdAt: Date | null } }) => ({
    who,
    failures: group._count._all,
    lastAt: group._max.createdAt,
  });
  return {
    accounts: accounts!.map((group) => row((group as { email: string }).email, group)),
    addresses: addresses!.map((group) => row((group as { ip: string }).ip, group)),
  };
}
