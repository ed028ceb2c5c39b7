// Pairing originals in the database: scan recent single-language articles for likely pairs and
// store suggestions; an editor confirms (the second article's version moves under the first, the
// emptied article is removed, in one transaction) or rejects.
import "server-only";
import type { JSONContent } from "@tiptap/core";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { alignByPosition } from "./alignment";
import { PAIRING_THRESHOLD, scorePairing, type PairingCandidate } from "./pairing";
import { Refusal } from "@/lib/refusal";
import type { PublicChange } from "@/lib/public-change/change";
import { recordPublicChange } from "@/lib/public-change/record";
import type { Actor } from "./service";

function captionsOf(body: unknown): string[] {
  const content = (body as JSONContent | null)?.content ?? [];
  return content
    .filter((block) => block.type === "figure" && typeof block.attrs?.caption === "string")
    .map((block) => String(block.attrs!.caption));
}

/** Scans the `limit` most recent single-language articles and stores new suggestions. */
export async function suggestPairings(options: { limit?: number } = {}): Promise<number> {
  const recent = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM articles a JOIN article_versions v ON v.article_id = a.id
    GROUP BY a.id HAVING count(*) = 1
    ORDER BY max(a.created_at) DESC LIMIT ${options.limit ?? 400}`;
  const articles = await db.article.findMany({
    where: { id: { in: recent.map((row) => row.id) } },
    select: {
      id: true,
      createdAt: true,
      tags: { select: { tagId: true } },
      versions: { select: { language: true, storyDate: true, title: true, standfirst: true, bodyText: true, bodyJson: true } },
    },
  });
  const candidates = articles.flatMap((article) => {
    const version = article.versions[0];
    if (!version) return [];
    const candidate: PairingCandidate = {
      articleId: article.id,
      language: version.language,
      storyDate: version.storyDate,
      text: [version.title, version.standfirst ?? "", version.bodyText].join("\n"),
      captions: captionsOf(version.bodyJson),
      tagIds: article.tags.map((tag) => tag.tagId),
    };
    return [{ candidate, createdAt: article.createdAt }];
  });
  let stored = 0;
  for (const [index, a] of candidates.entries()) {
    for (const b of candidates.slice(index + 1)) {
      if (a.candidate.language === b.candidate.language) continue;
      const { score, reasons } = scorePairing(a.candidate, b.candidate);
      if (score < PAIRING_THRESHOLD) continue;
      // The older article is the story; the newer one becomes its version.
      const [first, second] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
      const known = await db.pairingSuggestion.findFirst({
        where: {
          OR: [
            { articleAId: first.candidate.articleId, articleBId: second.candidate.articleId },
            { articleAId: second.candidate.articleId, articleBId: first.candidate.articleId },
          ],
        },
        select: { id: true },
      });
      if (known) continue;
      await db.pairingSuggestion.create({
        data: {
          articleAId: first.candidate.articleId,
          articleBId: second.candidate.articleId,
          score,
          reasons: reasons as Prisma.InputJsonValue,
        },
      });
      stored++;
    }
  }
  return stored;
}

export async function confirmPairing(
  suggestionId: string,
  actor: Actor,
  ip: string | null = null,
): Promise<{ articleId: string; publicChange: PublicChange | null }> {
  return db.$transaction(async (tx) => {
    const suggestion = await tx.pairingSuggestion.findUnique({
      where: { id: suggestionId },
      select: { status: true, articleAId: true, articleBId: true },
    });
    if (!suggestion || suggestion.status !== "PENDING") throw new Refusal("translations.errors.pairingGone");
    const first = await tx.article.findUniqueOrThrow({
      where: { id: suggestion.articleAId },
      select: { id: true, sourceLanguage: true, versions: { select: { language: true, bodyJson: true } } },
    });
    const second = await tx.article.findUniqueOrThrow({
      where: { id: suggestion.articleBId },
      select: { id: true, versions: { select: { id: true, language: true, bodyJson: true } } },
    });
    const moving = second.versions[0];
    if (!moving || second.versions.length !== 1) throw new Refusal("translations.errors.pairingGone");
    if (first.versions.some((version) => version.language === moving.language)) throw new Refusal("translations.errors.languageTaken");
    const sourceBody = first.versions.find((version) => version.language === first.sourceLanguage)?.bodyJson ?? null;
    await tx.articleVersion.update({
      where: { id: moving.id },
      data: {
        articleId: first.id,
        bodyJson: alignByPosition(sourceBody, moving.bodyJson) as Prisma.InputJsonValue,
        version: { increment: 1 },
        updatedById: actor.id,
      },
    });
    const tags = await tx.articleTag.findMany({ where: { articleId: second.id }, select: { tagId: true } });
    if (tags.length)
      await tx.articleTag.createMany({ data: tags.map((tag) => ({ articleId: first.id, tagId: tag.tagId })), skipDuplicates: true });
    await tx.importRecord.updateMany({ where: { articleId: second.id }, data: { articleId: first.id } });
    // Deleting the emptied article also removes this suggestion (cascade): the audit log keeps the decision.
    await tx.article.delete({ where: { id: second.id } });
    await writeAudit(
      {
        actorId: actor.id,
        action: "pairing.confirm",
        entityType: "article",
        entityId: first.id,
        details: { suggestionId, mergedArticleId: second.id, versionId: moving.id, language: moving.language },
        ip,
      },
      tx,
    );
    // The moved version's pages now belong to the first story; the second story's are gone.
    const publicChange = await recordPublicChange(tx, { articleIds: [first.id, second.id], languages: [moving.language] });
    return { articleId: first.id, publicChange };
  });
}

export async function rejectPairing(suggestionId: string, actor: Actor, ip: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const rejected = await tx.pairingSuggestion.updateMany({
      where: { id: suggestionId, status: "PENDING" },
      data: { status: "REJECTED", decidedById: actor.id, decidedAt: new Date() },
    });
    if (rejected.count === 0) throw new Refusal("translations.errors.pairingGone");
    await writeAudit({ actorId: actor.id, action: "pairing.reject", entityType: "pairingSuggestion", entityId: suggestionId, ip }, tx);
  });
}
