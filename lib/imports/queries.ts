// Admin reads of import records (the raw files and what became of them).
import { db } from "@/lib/db";

export async function listRecentImports(take = 50) {
  return db.importRecord.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, fileName: true, byteSize: true, status: true, createdAt: true, articleId: true },
  });
}
