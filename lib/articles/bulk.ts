// Bulk operations of the article list (publish, archive, tag) over the versions the user ticked:
// each item goes through the same guarded write as a single action, and the outcome is a summary
// of what was done and what was refused, grouped by reason.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/refusal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mergePublicChanges, type PublicChange } from "@/lib/public-change/change";
import { recordPublicChange } from "@/lib/public-change/record";
import { transitionVersion, type Actor } from "@/lib/workflow/service";

export const BULK_OPERATIONS = ["publish", "archive", "tag"] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];
export const MAX_BULK_ITEMS = 200;

/** A ticked row: the version id and the version number the list showed. */
export type BulkItem = { versionId: string; version: number };

export type BulkSummary = {
  operation: BulkOperation;
  done: number;
  refused: { reason: string; count: number }[];
  publicChange: PublicChange | null;
};

function tally(reasons: string[]): BulkSummary["refused"] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export async function applyBulkOperation(
  actor: Actor,
  input: { operation: BulkOperation; items: BulkItem[]; tagId?: string | null },
): Promise<BulkSummary> {
  const items = dedupe(input.items).slice(0, MAX_BULK_ITEMS);
  if (input.operation === "tag") return tagVersions(actor, items, input.tagId ?? null);
  const refused: string[] = [];
  const changes: PublicChange[] = [];
  let done = 0;
  // One at a time: each is its own guarded transaction, and a refusal must not undo the others.
  for (const item of items) {
    try {
      const outcome = await transitionVersion(actor, { versionId: item.versionId, version: item.version, transition: input.operation });
      if (outcome.publicChange) changes.push(outcome.publicChange);
      done++;
    } catch (error) {
      // A workflow refusal has a short reason (workflow.bulk.reasons); another feature's refusal (a
      // publish check, say) is reported by its code, which the list shows with its own message.
      if (error instanceof Refusal) refused.push(error.code.replace(/^workflow\.errors\./, ""));
      else throw error;
    }
  }
  return { operation: input.operation, done, refused: tally(refused), publicChange: changes.length ? mergePublicChanges(changes) : null };
}

function dedupe(items: BulkItem[]): BulkItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.versionId) && seen.add(item.versionId));
}

/** Tags belong to the story (all its languages): ticking two versions of one story tags it once. */
async function tagVersions(actor: Actor, items: BulkItem[], tagId: string | null): Promise<BulkSummary> {
  const all = (reason: string): BulkSummary => ({
    operation: "tag",
    done: 0,
    refused: items.length ? [{ reason, count: items.length }] : [],
    publicChange: null,
  });
  if (!can(actor.role, "tag.assign")) return all("forbidden");
  const tag = tagId ? await db.tag.findFirst({ where: { id: tagId, mergedIntoId: null }, select: { id: true } }) : null;
  if (!tag) return all("tagNotFound");

  const versions = await db.articleVersion.findMany({
    where: { id: { in: items.map((item) => item.versionId) } },
    select: { id: true, articleId: true },
  });
  const articleOf = new Map(versions.map((version) => [version.id, version.articleId]));
  const refused: string[] = [];
  const tagged = new Set<string>();
  let done = 0;
  const publicChange = await db.$transaction(async (tx) => {
    for (const item of items) {
      const articleId = articleOf.get(item.versionId);
      if (!articleId) {
        refused.push("notFound");
        continue;
      }
      if (tagged.has(articleId)) {
        done++;
        continue;
      }
      const { count } = await tx.articleTag.createMany({ data: [{ articleId, tagId: tag.id }], skipDuplicates: true });
      if (count === 0) {
        refused.push("alreadyTagged");
        continue;
      }
      tagged.add(articleId);
      done++;
      await writeAudit(
        {
          actorId: actor.id,
          action: "article.tag",
          entityType: "article",
          entityId: articleId,
          details: { tagId: tag.id, via: "bulk" },
          ip: actor.ip,
        },
        tx,
      );
    }
    return tagged.size ? recordPublishedChange(tx, [...tagged], tag.id) : null;
  });
  return { operation: "tag", done, refused: tally(refused), publicChange };
}

/** Re-tagging changes reader pages only for stories that have a published version. */
async function recordPublishedChange(tx: Prisma.TransactionClient, articleIds: string[], tagId: string): Promise<PublicChange | null> {
  const published = await tx.articleVersion.findMany({
    where: { articleId: { in: articleIds }, status: "PUBLISHED" },
    select: { articleId: true, language: true },
  });
  if (published.length === 0) return null;
  return recordPublicChange(tx, {
    articleIds: published.map((row) => row.articleId),
    languages: published.map((row) => row.language),
    tagIds: [tagId],
  });
}
