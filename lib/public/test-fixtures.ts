// Test data for the reader site's integration tests: stories written straight to the database in
// any state, with unique slugs and words so tests running in parallel never see each other's rows.
import { randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";
import { documentFromParagraphs, parseDocument } from "@/lib/rich-text/document";

/** A lower-case word of letters only, unknown to any dictionary, so search finds only our rows. */
export function uniqueWord(prefix = "zq"): string {
  return prefix + Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join("");
}

export type VersionSpec = {
  language: Language;
  status?: VersionStatus;
  title: string;
  standfirst?: string | null;
  paragraphs?: string[];
  captions?: { text: string; credit: string | null }[];
  publishedAt?: Date | null;
  scheduledAt?: Date | null;
  slug?: string;
};

const HOUR = 60 * 60 * 1000;

export async function createStory(versions: VersionSpec[], options: { tagIds?: string[]; sourceLanguage?: string } = {}) {
  const article = await db.article.create({ data: { sourceLanguage: options.sourceLanguage ?? versions[0]?.language ?? "fr" } });
  const created = [];
  for (const spec of versions) {
    const status = spec.status ?? "PUBLISHED";
    const doc = documentFromParagraphs(spec.paragraphs ?? [`${spec.title}.`], spec.captions ?? []);
    const parsed = parseDocument(doc);
    if (!parsed.ok) throw new Error(parsed.error);
    const publishedAt = spec.publishedAt !== undefined ? spec.publishedAt : status === "PUBLISHED" ? new Date(Date.now() - HOUR) : null;
    created.push(
      await db.articleVersion.create({
        data: {
          articleId: article.id,
          language: spec.language,
          status,
          title: spec.title,
          slug: spec.slug ?? `t-${randomUUID()}`,
          standfirst: spec.standfirst ?? null,
          bodyJson: parsed.doc,
          bodyText: parsed.text,
          publishedAt,
          firstPublishedAt: publishedAt,
          scheduledAt: spec.scheduledAt ?? null,
          datelinePlace: "Hanoï",
          sourceAgency: "VNA",
        },
      }),
    );
  }
  for (const tagId of options.tagIds ?? []) await db.articleTag.create({ data: { articleId: article.id, tagId } });
  return { articleId: article.id, versions: created };
}

export async function createTag(labels: { fr?: string; en?: string }) {
  const word = uniqueWord("tag");
  return db.tag.create({
    data: {
      type: "TOPIC",
      labels: {
        create: Object.entries(labels).map(([language, label]) => ({
          language,
          label: `${label} ${word}`,
          normalized: `${label} ${word}`.toLowerCase(),
          slug: `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${word}`,
        })),
      },
    },
    include: { labels: true },
  });
}
