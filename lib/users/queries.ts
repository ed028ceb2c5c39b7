// Reads for the user-management pages (admins only), paginated in the database.
import "server-only";
import { db } from "@/lib/db";

export const USERS_PAGE_SIZE = 50;

export async function listUsers(page = 1) {
  const skip = (Math.max(1, page) - 1) * USERS_PAGE_SIZE;
  const [users, total] = await Promise.all([
    db.user.findMany({
      orderBy: [{ active: "desc" }, { email: "asc" }],
      skip,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, active: true, lastSignInAt: true, createdAt: true },
    }),
    db.user.count(),
  ]);
  return { users, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}
