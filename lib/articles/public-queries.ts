// Reader-facing reads. Every query here filters to PUBLISHED versions whose publication time has
// come: nothing else may ever reach a public page.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PUBLIC_PAGE_SIZE = 20;

export function publishedWhere(language: string, now = new Date()): Prisma.ArticleVersionWhereInput {
  return { language, status: "PUBLISHED", publishedAt: { lte: now } };
}

export async function listPublishedVersions(language: string, page = 1) {
  const where = publishedWhere(language);
  const skip = (Math.max(1, page) - 1) * PUBLIC_PAGE_SIZE;
  const [versions, total] = await Promise.all([
    db.articleVersion.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip,
      take: PUBLIC_PAGE_SIZE,
      select: { id: true, slug: true, title: true, standfirst: true, publishedAt: true, datelinePlace: true },
    }),
    db.articleVersion.count({ where }),
  ]);
  return { versions, total, pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) };
}
