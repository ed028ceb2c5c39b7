// Who is signed in, checked against the database on every request: a session whose row was deleted
// (sign-out, ended from another browser or by an admin), a deactivated account or one whose
// sessionVersion moved on (role change, password reset) is treated as signed out at once.
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/sessions";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>> & { sessionId: string };

/** Once per request (React's cache): one indexed lookup of the session row joined to its user. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) return null;
  const user = await loadSessionUser({
    sessionId: session.sessionId,
    userId: session.user.id,
    sessionVersion: session.user.sessionVersion,
  });
  return user ? { ...user, sessionId: session.sessionId } : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

export function userCan(user: Pick<CurrentUser, "role"> | null, permission: Permission): boolean {
  return can(user?.role, permission);
}
