// Which webhook events a public change announces, decided by comparison with what was announced
// before (webhook_article_states): a story newly visible in a language is published (a translation
// when the language is not its source's), a visible one changed since is updated, one no longer
// visible is unpublished. The comparison makes the consumer's retries harmless: a change processed
// twice announces nothing the second time. Visibility is publishedWhere's, the reader site's rule.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/i18n/languages";
import { apiPaths } from "@/lib/api/paths";
import type { PublicChange } from "@/lib/public-change/change";
import { lastPublicChange, publishedWhere } from "@/lib/public/queries";
import { absoluteUrl, paths } from "@/lib/public/site";

import type { WebhookEvent } from "./events-list";

export type WebhookPayload = {
  type: WebhookEvent;
  timestamp: string;
  data: { id: string; language: string; slug?: string; title?: string; url?: string; api?: string; publishedAt?: string };
};

type Announcement = { event: WebhookEvent; articleId: string; language: string; data: WebhookPayload["data"] };

/** Compares what is public now with what was announced, updates the record, returns the events. */
async function announcementsFor(tx: Prisma.TransactionClient, articleIds: string[], now: Date): Promise<Announcement[]> {
  // One story's announcements are decided by one consumer at a time.
  for (const id of [...articleIds].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhooks:${id}`}))`;
  const [visible, announced] = await Promise.all([
    tx.articleVersion.findMany({
      where: { ...publishedWhere(undefined, now), articleId: { in: articleIds } },
      select: {
        articleId: true,
        language: true,
        slug: true,
        title: true,
        publishedAt: true,
        updatedAt: true,
        article: { select: { sourceLanguage: true } },
      },
    }),
    tx.webhookArticleState.findMany({ where: { articleId: { in: articleIds } } }),
  ]);
  const key = (articleId: string, language: string) => `${articleId}:${language}`;
  const before = new Map(announced.map((state) => [key(state.articleId, state.language), state.announcedAt.getTime()]));
  const announcements: Announcement[] = [];
  for (const version of visible) {
    const publishedAt = version.publishedAt!;
    const lastChange = lastPublicChange(version.updatedAt, publishedAt);
    const previous = before.get(key(version.articleId, version.language));
    before.delete(key(version.articleId, version.language));
    if (previous === lastChange.getTime()) continue;
    const event: WebhookEvent =
      previous !== undefined
        ? "article.updated"
        : version.language === version.article.sourceLanguage
          ? "article.published"
          : "translation.published";
    const language = version.language as Language;
    announcements.push({
      event,
      articleId: version.articleId,
      language,
      data: {
        id: version.articleId,
        language,
        slug: version.slug,
        title: version.title,
        url: absoluteUrl(paths.article(language, version.slug)),
        api: absoluteUrl(apiPaths.article(version.articleId, language)),
        publishedAt: publishedAt.toISOString(),
      },
    });
    await tx.webhookArticleState.upsert({
      where: { articleId_language: { articleId: version.articleId, language: version.language } },
      create: { articleId: version.articleId, language: version.language, announcedAt: lastChange },
      update: { announcedAt: lastChange },
    });
  }
  for (const gone of before.keys()) {
    const [articleId, language] = gone.split(":") as [string, string];
    announcements.push({ event: "article.unpublished", articleId, language, data: { id: articleId, language } });
    await tx.webhookArticleState.delete({ where: { articleId_language: { articleId, language } } });
  }
  return announcements;
}

/**
 * Turns a public change into deliveries for every active endpoint subscribed to each event, in one
 * transaction with the record of what was announced. Returns how many deliveries were queued.
 */
export async function queueWebhookDeliveries(change: PublicChange, now = new Date()): Promise<number> {
  if (change.articleIds.length === 0) return 0;
  const endpoints = await db.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, events: true } });
  return db.$transaction(async (tx) => {
    const announcements = await announcementsFor(tx, change.articleIds, now);
    const rows = announcements.flatMap((announcement) =>
      endpoints
        .filter((endpoint) => endpoint.events.includes(announcement.event))
        .map((endpoint) => ({
          id: `msg_${randomUUID().replaceAll("-", "")}`,
          endpointId: endpoint.id,
          event: announcement.event,
          payload: { type: announcement.event, timestamp: now.toISOString(), data: announcement.data } satisfies WebhookPayload,
          nextAttemptAt: now,
        })),
    );
    if (rows.length) await tx.webhookDelivery.createMany({ data: rows });
    return rows.length;
  });
}
