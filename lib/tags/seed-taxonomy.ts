// The starter taxonomy of the demo (a person, an organisation, two countries, a topic), created
// once, then suggestions for the sample articles. Running it again changes nothing.
import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { TagType } from "@/lib/generated/prisma/enums";
import { normalizeForMatch } from "./normalize";
import { suggestTagsForArticle } from "./suggest";
import { firstFreeSlug, slugify } from "@/lib/articles/slug";

type StarterTag = { type: TagType; fr: string; en: string; descriptionFr?: string; descriptionEn?: string; aliases: string[] };

export const STARTER_TAGS: StarterTag[] = [
  {
    type: "PERSON",
    fr: "Bui Thanh Son",
    en: "Bui Thanh Son",
    descriptionFr: "Ministre vietnamien des Affaires étrangères (2021-2025).",
    descriptionEn: "Vietnam's Minister of Foreign Affairs (2021-2025).",
    aliases: ["Bùi Thanh Sơn", "FM Bui Thanh Son", "le ministre Bui Thanh Son"],
  },
  {
    type: "ORGANISATION",
    fr: "ASEAN",
    en: "ASEAN",
    descriptionFr: "Association des nations de l'Asie du Sud-Est.",
    descriptionEn: "Association of Southeast Asian Nations.",
    aliases: ["Association des nations de l'Asie du Sud-Est", "Association of Southeast Asian Nations"],
  },
  { type: "PLACE", fr: "Japon", en: "Japan", aliases: [] },
  { type: "PLACE", fr: "République de Corée", en: "Republic of Korea", aliases: ["R de Corée", "South Korea", "Corée du Sud"] },
  { type: "TOPIC", fr: "diplomatie économique", en: "economic diplomacy", aliases: [] },
];

const SAMPLES_DIR = path.join(import.meta.dirname, "..", "..", "seed", "sample-articles");

/** Creates the starter tags that do not exist yet (same type and label), then scans the sample articles. */
export async function seedTaxonomy(): Promise<{ tagsCreated: number; suggestionsCreated: number }> {
  let tagsCreated = 0;
  for (const starter of STARTER_TAGS) {
    const created = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tag-taxonomy'))`;
      const keys = [normalizeForMatch(starter.fr), normalizeForMatch(starter.en)];
      const existing = await tx.tagLabel.findFirst({
        where: { normalized: { in: keys }, tag: { type: starter.type, mergedIntoId: null } },
        select: { id: true },
      });
      if (existing) return false;
      const slug = (language: string, label: string) =>
        firstFreeSlug(slugify(label), async (candidate) =>
          Boolean(await tx.tagLabel.findUnique({ where: { language_slug: { language, slug: candidate } }, select: { id: true } })),
        );
      const tag = await tx.tag.create({
        data: {
          type: starter.type,
          labels: {
            create: [
              {
                language: "fr",
                label: starter.fr,
                normalized: keys[0]!,
                slug: await slug("fr", starter.fr),
                description: starter.descriptionFr ?? null,
              },
              {
                language: "en",
                label: starter.en,
                normalized: keys[1]!,
                slug: await slug("en", starter.en),
                description: starter.descriptionEn ?? null,
              },
            ],
          },
          aliases: {
            create: [...new Map(starter.aliases.map((alias) => [normalizeForMatch(alias), alias]))]
              .filter(([key]) => !keys.includes(key))
              .map(([normalized, alias]) => ({ alias, normalized })),
          },
        },
        select: { id: true },
      });
      await writeAudit(
        {
          actorId: null,
          action: "tag.create",
          entityType: "tag",
          entityId: tag.id,
          details: { type: starter.type, fr: starter.fr, en: starter.en, via: "seed" },
        },
        tx,
      );
      return true;
    });
    if (created) tagsCreated++;
  }

  const sampleFiles = (await readdir(SAMPLES_DIR)).filter((name) => name.endsWith(".txt"));
  const samples = await db.importRecord.findMany({
    where: { fileName: { in: sampleFiles }, articleId: { not: null } },
    select: { articleId: true },
  });
  let suggestionsCreated = 0;
  for (const articleId of new Set(samples.map((record) => record.articleId!))) {
    suggestionsCreated += (await suggestTagsForArticle(articleId)).created;
  }
  return { tagsCreated, suggestionsCreated };
}
