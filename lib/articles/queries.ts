// Admin reads of articles: the dashboard's counts and short lists, and what the list's filter
// form offers (authors, tags). The list itself is lib/articles/list-versions.ts.
import "server-only";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

const DASHBOARD_LIST_SIZE = 10;
const versionSummary = { id: true, language: true, status: true, title: true, updatedAt: true, embargoedUntil: true } as const;

export async function countVersionsByStateAndLanguage() {
  const rows = await db.articleVersion.groupBy({ by: ["language", "status"], _count: { _all: true } });
  return rows.map((row) => ({ language: row.language, status: row.status, count: row._count._all }));
}

/** Versions assigned to this user that are still being worked on. */
export async function listMyAssignments(userId: string) {
  return db.articleVersion.findMany({
    where: { assigneeId: userId, status: { in: ["DRAFT", "IN_REVIEW", "APPROVED"] } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }],
    take: DASHBOARD_LIST_SIZE,
    select: { ...versionSummary, dueAt: true },
  });
}

export async function listRecentlyChanged() {
  return db.articleVersion.findMany({ orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: DASHBOARD_LIST_SIZE, select: versionSummary });
}

/** What waits for a reviewer; an editor does not see their own submissions (they may not approve them). */
export async function listAwaitingReview(user: { id: string; role: Role }) {
  const notMine = can(user.role, "workflow.skipFourEyes") ? {} : { OR: [{ submittedById: null }, { submittedById: { not: user.id } }] };
  return db.articleVersion.findMany({
    where: { status: "IN_REVIEW", ...notMine },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: DASHBOARD_LIST_SIZE,
    select: { ...versionSummary, submittedBy: { select: { name: true } } },
  });
}

export async function listScheduled() {
  return db.articleVersion.findMany({
    where: { status: "APPROVED", scheduledAt: { not: null } },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: DASHBOARD_LIST_SIZE,
    select: { ...versionSummary, scheduledAt: true },
  });
}

/** People who may author or edit stories, for the list's author filter. */
export async function listAuthorChoices() {
  return db.user.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } });
}

/** Tags for the list's tag filter and the bulk "tag" operation, labelled in the UI language when possible. */
export async function listTagChoices(locale: string) {
  const tags = await db.tag.findMany({
    where: { mergedIntoId: null },
    take: 1000,
    select: { id: true, labels: { select: { language: true, label: true } } },
  });
  return tags
    .map((tag) => ({ id: tag.id, label: (tag.labels.find((label) => label.language === locale) ?? tag.labels[0])?.label ?? tag.id }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
