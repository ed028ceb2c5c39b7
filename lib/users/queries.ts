// Reads for the user-management pages (admins only), paginated and sorted in the database.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListSort, SortColumns } from "@/lib/list-sort";

export const USERS_PAGE_SIZE = 50;

/** The user list's sortable columns and the direction each opens in. */
export const USER_SORT_COLUMNS = { name: "asc", email: "asc", role: "asc", lastSignIn: "desc" } as const satisfies SortColumns<string>;
export type UserSort = keyof typeof USER_SORT_COLUMNS;
export const DEFAULT_USER_SORT: UserSort = "email";

const byEmail: Prisma.UserOrderByWithRelationInput = { email: "asc" };
const ORDER: Record<UserSort, (dir: Prisma.SortOrder) => Prisma.UserOrderByWithRelationInput[]> = {
  name: (dir) => [{ name: dir }, byEmail],
  email: (dir) => [{ email: dir }],
  role: (dir) => [{ role: dir }, byEmail],
  lastSignIn: (dir) => [{ lastSignInAt: { sort: dir, nulls: "last" } }, byEmail],
};

/** Active accounts first, then the chosen column (the email breaks ties, so pages never overlap). */
export async function listUsers(page = 1, sort: ListSort<UserSort> = { sort: DEFAULT_USER_SORT, dir: "asc" }) {
  const skip = (Math.max(1, page) - 1) * USERS_PAGE_SIZE;
  const [users, total] = await Promise.all([
    db.user.findMany({
      orderBy: [{ active: "desc" }, ...ORDER[sort.sort](sort.dir)],
      skip,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, active: true, lastSignInAt: true, createdAt: true },
    }),
    db.user.count(),
  ]);
  return { users, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}
