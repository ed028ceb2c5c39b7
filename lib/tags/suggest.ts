// Scans an article's text for tags to propose: known tags through their labels and aliases (one
// lookup of the text's n-grams), and new candidate entities. Only ever writes PENDING suggestions;
// what an editor dismissed or accepted for this article, and its current tags, are never proposed again.
import "server-only";
import { db } from "@/lib/db";
import type { TagType } from "@/lib/generated/prisma/enums";
import { extractCandidates, type Candidate } from "./candidates";
import { findMentions, ngramKeys, scanSentences } from "./mentions";
import { normalizeForMatch } from "./normalize";

type KnownName = { key: string; tagId: string; type: TagType; label: string; normalized: string };

/** Which of these keys name a live tag, with the tag's label in `language` (else any): one query. */
async function lookUpNames(keys: string[], language: string): Promise<KnownName[]> {
  if (keys.length === 0) return [];
  return db.$queryRaw<KnownName[]>`
    WITH names AS (
      SELECT normalized AS key, tag_id FROM tag_labels WHERE normalized = ANY(${keys}::text[])
      UNION
      SELECT normalized AS key, tag_id FROM tag_aliases WHERE normalized = ANY(${keys}::text[])
    )
    SELECT names.key, t.id AS "tagId", t.type::text AS type, l.label, l.normalized
    FROM names
    JOIN tags t ON t.id = names.tag_id AND t.merged_into_id IS NULL
    JOIN LATERAL (
      SELECT label, normalized FROM tag_labels WHERE tag_id = t.id ORDER BY (language = ${language}) DESC, language LIMIT 1
    ) l ON true`;
}

/** The keys under which a candidate may already be a tag: its own, and a country's two labels. */
function candidateKeys(candidate: Candidate): string[] {
  return [
    candidate.normalized,
    ...(candidate.labels ? [normalizeForMatch(candidate.labels.fr), normalizeForMatch(candidate.labels.en)] : []),
  ];
}

/**
 * Upserts PENDING suggestions for an article from the title, standfirst and body of all its
 * versions. Returns how many new suggestions were written.
 */
export async function suggestTagsForArticle(articleId: string): Promise<{ created: number }> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      sourceLanguage: true,
      versions: { select: { title: true, standfirst: true, bodyText: true } },
      tags: { select: { tagId: true } },
      tagSuggestions: { select: { tagId: true, normalized: true } },
    },
  });
  if (!article) return { created: 0 };

  const text = article.versions.flatMap((version) => [version.title, version.standfirst ?? "", version.bodyText]).join("\n");
  const sentences = scanSentences(text);
  const candidates = extractCandidates(text);
  const keys = new Set(ngramKeys(sentences));
  for (const candidate of candidates) candidateKeys(candidate).forEach((key) => keys.add(key));
  const known = await lookUpNames([...keys], article.sourceLanguage);
  const byKey = new Map<string, KnownName[]>();
  for (const name of known) byKey.set(name.key, [...(byKey.get(name.key) ?? []), name]);

  const taggedOrDecided = new Set([
    ...article.tags.map((tag) => tag.tagId),
    ...article.tagSuggestions.flatMap((suggestion) => (suggestion.tagId ? [suggestion.tagId] : [])),
  ]);
  const seenKeys = new Set(article.tagSuggestions.map((suggestion) => suggestion.normalized));
  const rows: { articleId: string; tagId: string | null; label: string; normalized: string; type: TagType | null; sentence: string }[] = [];
  const add = (row: (typeof rows)[number]) => {
    if (seenKeys.has(row.normalized) || (row.tagId && taggedOrDecided.has(row.tagId))) return;
    seenKeys.add(row.normalized);
    if (row.tagId) taggedOrDecided.add(row.tagId);
    rows.push(row);
  };

  const mentions = findMentions(sentences, (key) => byKey.has(key));
  // Part of a known name already proposed (`SUMMIT` of `SUMMIT X`, `Corée` of `République de Corée`).
  const insideMention = (key: string) => mentions.some((mention) => ` ${mention.key} `.includes(` ${key} `));
  for (const mention of mentions) {
    for (const name of byKey.get(mention.key) ?? []) {
      add({
        articleId,
        tagId: name.tagId,
        label: name.label,
        normalized: name.normalized,
        type: name.type,
        sentence: clip(mention.sentence),
      });
    }
  }
  for (const candidate of candidates) {
    if (candidateKeys(candidate).some((key) => byKey.has(key)) || insideMention(candidate.normalized)) continue;
    const label = candidate.labels ? (article.sourceLanguage === "en" ? candidate.labels.en : candidate.labels.fr) : candidate.label;
    add({ articleId, tagId: null, label, normalized: normalizeForMatch(label), type: candidate.type, sentence: clip(candidate.sentence) });
  }

  // skipDuplicates: a scan running at the same time may have written the same name already.
  const { count } = await db.tagSuggestion.createMany({ data: rows, skipDuplicates: true });
  return { created: count };
}

function clip(sentence: string): string {
  return sentence.length <= 600 ? sentence : `${sentence.slice(0, 597)}…`;
}
