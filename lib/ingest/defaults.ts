// What a source adds to the copy it brings: its language hint becomes the review's language when
// the pipeline could not tell, and its default tags (names of existing tags, checked when the
// source is saved) go on the draft an accepted item becomes, by a person or a trusted source.
import "server-only";
import { db } from "@/lib/db";
import type { IngestSource, Prisma } from "@/lib/generated/prisma/client";
import { normalizeForMatch } from "@/lib/tags/normalize";
import { IngestError } from "./errors";

type Tx = Prisma.TransactionClient;

/** The live tags the names designate (a label in any language, or an alias); unknown names are left out. */
async function tagsNamed(client: Tx | typeof db, names: readonly string[]): Promise<Map<string, string>> {
  const keys = [...new Set(names.map(normalizeForMatch).filter(Boolean))];
  if (keys.length === 0) return new Map();
  const tags = await client.tag.findMany({
    where: {
      mergedIntoId: null,
      OR: [{ labels: { some: { normalized: { in: keys } } } }, { aliases: { some: { normalized: { in: keys } } } }],
    },
    select: { id: true, labels: { select: { normalized: true } }, aliases: { select: { normalized: true } } },
  });
  const byKey = new Map<string, string>();
  for (const tag of tags)
    for (const { normalized } of [...tag.labels, ...tag.aliases])
      if (keys.includes(normalized) && !byKey.has(normalized)) byKey.set(normalized, tag.id);
  return byKey;
}

/** Refuses a source whose default tags name a tag the taxonomy does not have (the first one named). */
export async function checkDefaultTags(names: readonly string[]): Promise<void> {
  const known = await tagsNamed(db, names);
  const unknown = names.find((name) => !known.has(normalizeForMatch(name)));
  if (unknown !== undefined) throw new IngestError("ingest.errors.unknownTag", { tag: unknown.slice(0, 100) });
}

/** A staged item's review language from the source's hint, when the pipeline answered 'und'. */
export async function applyLanguageHint(source: Pick<IngestSource, "languageHint">, recordId: string, detected: string): Promise<void> {
  if (detected !== "und" || !source.languageHint) return;
  await db.importRecord.update({ where: { id: recordId }, data: { overrides: { language: source.languageHint } } });
}

/**
 * In the accept's transaction: the default tags of every source that brought this record go on its
 * new article, and those sources' items point at it. A record no source brought changes nothing.
 */
export async function applySourceDefaults(tx: Tx, recordId: string, articleId: string): Promise<void> {
  const items = await tx.ingestItem.findMany({
    where: { importRecordId: recordId },
    select: { id: true, source: { select: { defaultTags: true } } },
  });
  if (items.length === 0) return;
  await tx.ingestItem.updateMany({ where: { importRecordId: recordId, status: "IN_REVIEW" }, data: { status: "DRAFTED", articleId } });
  await tx.ingestItem.updateMany({ where: { importRecordId: recordId, articleId: null }, data: { articleId } });
  const tagIds = [
    ...new Set(
      (
        await tagsNamed(
          tx,
          items.flatMap((item) => item.source.defaultTags),
        )
      ).values(),
    ),
  ];
  if (tagIds.length > 0) await tx.articleTag.createMany({ data: tagIds.map((tagId) => ({ articleId, tagId })), skipDuplicates: true });
}
