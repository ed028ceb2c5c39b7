// Who is signed in, checked against the database on every request: a deactivated account or one
// whose sessions were revoked (role change, password reset) is treated as signed out at once.
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

async function loadUser(id: string) {
  return db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, locale: true, active: true, sessionVersion: true },
  });
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await loadUser(session.user.id);
  if (!user || !user.active || user.sessionVersion !== session.user.sessionVersion) return null;
  return user;
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
