// The one way to say "readers can see this change": a row in the outbox (public_change_outbox),
// written inside the write's own transaction, so a committed write always has its row and a
// rolled-back one never does. lib/public-change/consumer.ts does the rest.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isEmptyPublicChange, normalizePublicChange, type PublicChange, type PublicChangeInput } from "./change";

/**
 * Records the change in `tx` (the transaction of the write) and returns it, with the tags of its
 * stories added (their tag pages list them); null when nothing readers see changed.
 */
export async function recordPublicChange(tx: Prisma.TransactionClient, input: PublicChangeInput): Promise<PublicChange | null> {
  if (isEmptyPublicChange(input)) return null;
  const articleIds = [...new Set(input.articleIds ?? [])];
  const storyTags = articleIds.length
    ? await tx.articleTag.findMany({ where: { articleId: { in: articleIds } }, select: { tagId: true } })
    : [];
  const change = normalizePublicChange({ ...input, tagIds: [...(input.tagIds ?? []), ...storyTags.map((row) => row.tagId)] });
  await tx.publicChangeOutbox.create({ data: change });
  return change;
}
