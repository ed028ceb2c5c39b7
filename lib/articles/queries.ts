// Admin reads of articles: counts for the dashboard and the paginated list.
import { db } from "@/lib/db";

export const ADMIN_PAGE_SIZE = 50;

export async function countVersionsByStateAndLanguage() {
  const rows = await db.articleVersion.groupBy({ by: ["language", "status"], _count: { _all: true } });
  return rows.map((row) => ({ language: row.language, status: row.status, count: row._count._all }));
}

export async function listArticleVersions(page = 1) {
  const skip = (Math.max(1, page) - 1) * ADMIN_PAGE_SIZE;
  const [versions, total] = await Promise.all([
    db.articleVersion.findMany({
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip,
      take: ADMIN_PAGE_SIZE,
      select: { id: true, articleId: true, language: true, status: true, title: true, updatedAt: true },
    }),
    db.articleVersion.count(),
  ]);
  return { versions, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}
